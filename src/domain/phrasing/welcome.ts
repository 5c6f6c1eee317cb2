// What the bot says when it arrives somewhere, in plain words (young people asked for that).

export const TRY_ASKING = [
  "What's overdue?",
  'Who owns COM-06?',
  'What are my actions?',
  'How is WS5 doing?',
  'When is the next Batley cluster meeting?',
];

export function personalWelcome(firstName: string | null): string {
  const hello = firstName ? `Hello ${firstName}!` : 'Hello!';
  return [
    `${hello} I help the Kirklees SEND partnership keep track of Big Plan 3.`,
    '',
    'Try asking me:',
    ...TRY_ASKING.slice(0, 3).map((q) => `- ${q}`),
    '',
    'If you own actions, I will remind you here when they are due or late, and workstream leads get a weekly summary on Mondays.',
    'To pause reminders, say "snooze reminders until Monday". Say "help" at any time.',
  ].join('\n');
}

export function groupWelcome(): string {
  return [
    'Hello everyone! I help the Kirklees SEND partnership keep track of Big Plan 3.',
    'Mention me with a question, for example "@Partnership Bot what\'s overdue?".',
    'An admin or cluster chair can link this chat to a cluster or a workstream: say "link this chat to the Batley cluster" or "link this chat to WS5".',
  ].join('\n');
}
