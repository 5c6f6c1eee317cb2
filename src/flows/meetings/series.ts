// The rest of a series after its first meeting: one meeting each, no card posted for them (the
// chat gets the first meeting's card and a list of the dates; each later card is posted by its
// reminders the day before), and dates the cluster already meets are left as they are.
import { readSeries, seriesDates, type MeetingFormValue } from '../../domain/clusters/index.js';
import type { IsoDate } from '../../domain/time/dates.js';
import { formatLongDate } from '../../domain/time/format.js';
import { londonDate, londonDateTimeToInstant } from '../../domain/time/london.js';
import type { SchoolTerm } from '../../domain/time/school-terms.js';
import type { ClusterStore } from '../../store/clusters.js';

/** The later dates a Repeat box asks for ([] for one meeting), or the sentence saying what is wrong. */
export async function laterDates(typed: string, first: MeetingFormValue, today: IsoDate, terms: () => Promise<SchoolTerm[]>): Promise<IsoDate[] | { error: string }> {
  const rule = readSeries(typed, today);
  if (!rule) return [];
  if ('error' in rule) return rule;
  const dates = seriesDates(rule, londonDate(first.startsAt), await terms());
  return Array.isArray(dates) ? dates.slice(1) : dates;
}

/** Creates the later meetings; says which dates were added and which the cluster already had. */
export async function createLater(clusters: Pick<ClusterStore, 'createMeeting'>, first: MeetingFormValue, time: string, dates: IsoDate[], now: Date): Promise<string> {
  const added: IsoDate[] = [];
  const clashed: IsoDate[] = [];
  for (const date of dates) {
    const made = await clusters.createMeeting({ ...first, startsAt: londonDateTimeToInstant(date, time) }, now, () => []);
    (made === 'duplicate' ? clashed : added).push(date);
  }
  const list = (ds: IsoDate[]) => ds.map(formatLongDate).join(', ');
  return [
    added.length ? `Also scheduled, at the same time and place: ${list(added)}.` : '',
    clashed.length ? `Already meeting then, so left as it was: ${list(clashed)}.` : '',
  ].filter(Boolean).join(' ');
}
