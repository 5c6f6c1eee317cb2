// Snoozing a person's reminders, muting one action, and undoing either.
import type { Person } from '../../domain/plan/types.js';
import { addDays } from '../../domain/time/dates.js';
import { formatLongDate } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import { resumeDate } from './resume.js';
import { say, type CommandReply, type JobCommandDeps } from './types.js';

const MAX_SNOOZE_DAYS = 366;

const TERM_WORDS = /\bterm\b|\bhalf[ -]?term\b|\bholidays?\b|\bhols\b/;

/** The day reminders start again, from what was typed; null when unclear or more than a year away. */
async function resumeDay(deps: JobCommandDeps, when: string | null): Promise<{ until: string | null; missing?: string }> {
  if (!when) return { until: null };
  const today = londonDate(deps.clock.now());
  // Term dates are read only when the words may name a term or a school holiday.
  const terms = TERM_WORDS.test(when) ? await deps.reminders.schoolTerms() : undefined;
  const r = resumeDate(when, today, terms);
  if (r && 'missing' in r) return { until: null, missing: r.missing };
  return { until: r && r.date <= addDays(today, MAX_SNOOZE_DAYS) ? r.date : null };
}

export async function snooze(deps: JobCommandDeps, person: Person, when: string | null): Promise<CommandReply> {
  const { until, missing } = await resumeDay(deps, when);
  if (missing) return say(missing);
  if (!until) {
    return say(when
      ? `I couldn't tell when to start your reminders again from "${when}". Try "snooze reminders until Monday", "until 1 December" or "for two weeks".`
      : 'Until when? Try "snooze reminders until Monday", "until 1 December" or "for two weeks".');
  }
  await deps.reminders.pause(person.id, null, until, deps.clock.now());
  return say(`Done: no reminders about your actions until ${formatLongDate(until)}. They start again that morning. Say "unsnooze" to turn them back on sooner.`);
}

export async function mute(deps: JobCommandDeps, person: Person, c: { candidates: string[]; typed: string; when: string | null }): Promise<CommandReply> {
  const found = await deps.actions.byRef(c.candidates);
  if (!found) return say(`I can't find an action called ${c.typed}.`);
  const { action } = found;
  const { until, missing } = await resumeDay(deps, c.when);
  if (missing) return say(missing);
  if (!until) return say(`Until when should I stop reminding you about ${action.ref}? Try "mute ${action.ref} until 1 December".`);
  await deps.reminders.pause(person.id, action.id, until, deps.clock.now());
  return say(`Done: no reminders about ${action.ref} (${action.title}) until ${formatLongDate(until)}. Say "unmute ${action.ref}" to undo.`);
}

export async function unsnooze(deps: JobCommandDeps, person: Person): Promise<CommandReply> {
  const count = await deps.reminders.resumeAll(person.id);
  return say(count ? 'Done: your reminders are back on.' : "Your reminders were not snoozed or muted, so nothing has changed: they are on.");
}

export async function unmute(deps: JobCommandDeps, person: Person, c: { candidates: string[]; typed: string }): Promise<CommandReply> {
  const found = await deps.actions.byRef(c.candidates);
  if (!found) return say(`I can't find an action called ${c.typed}.`);
  const { action } = found;
  const count = await deps.reminders.unmute(person.id, action.id);
  return say(count ? `Done: I'll remind you about ${action.ref} again.` : `${action.ref} wasn't muted, so nothing has changed.`);
}
