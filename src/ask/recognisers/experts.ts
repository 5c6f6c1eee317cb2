// Experts at Hand: "my requests", "what's assigned to me" (for experts, their queue).
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';

const REQUEST_RE = /\brequests?\b|\breferrals?\b|\bexperts? at hand\b.{0,300}\b(?:ask|asked|help|support|advice)\b|\bmy (?:eah|experts? at hand)\b/;

export function myRequests(q: Question): Intent | undefined {
  if (!REQUEST_RE.test(q.lower) || /\bactions?\b/.test(q.lower)) return undefined;
  if (!q.asker) return { kind: 'needPerson', about: 'requests' };
  const assigned = /\bassigned to me\b|\bgiven to me\b|\bmy (?:caseload|queue|cases)\b|\bi (?:am|have been) (?:assigned|working on)\b/.test(q.lower)
    || (q.asker.roles.includes('expert') && !/\bi (?:made|asked|sent|raised|submitted)\b|\bmy requests?\b/.test(q.lower));
  return { kind: 'myRequests', assigned };
}
