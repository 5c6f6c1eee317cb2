// A cluster meeting as an iCalendar file (RFC 5545) that Outlook, Google and Apple calendars
// import: built with ical-generator, with the meeting's own time zone written out in full
// (VTIMEZONE from @touch4it/ical-timezones), so "13:30 in London" stays 13:30 whatever the
// reader's calendar is set to, and moves correctly across the clocks changing.
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { meetingTitle, type MeetingView } from '../domain/clusters/index.js';

export interface MeetingIcsOptions {
  /** The partnership's name, as the calendar's name and the organiser's. */
  partnershipName: string;
  /** The stable identity of this deployment (a host name), so a re-downloaded file updates the same event. */
  uidDomain: string;
  /** The meeting's time zone (the partnership's: Europe/London). */
  timeZone: string;
  now: Date;
}

export function meetingIcs(m: MeetingView, o: MeetingIcsOptions): string {
  const calendar = ical({ name: `${o.partnershipName}: cluster meetings`, method: ICalCalendarMethod.PUBLISH, prodId: { company: o.partnershipName, product: 'partnership-bot', language: 'EN' } });
  calendar.timezone({ name: o.timeZone, generator: getVtimezoneComponent });
  // ical-generator writes a plain Date in the process's own zone once the calendar has one; a
  // TZDate carries the meeting's zone, so the wall-clock time is right on any server, in BST too.
  const at = (d: Date) => new TZDate(d.getTime(), o.timeZone);
  const end = new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);
  // Agenda items are what people typed: plain text in DESCRIPTION (ical-generator escapes it).
  const agenda = m.agenda.length ? `Agenda:\n${m.agenda.map((item, i) => `${i + 1}. ${item}`).join('\n')}` : 'No agenda items yet.';
  calendar.createEvent({
    id: `cluster-meeting-${m.id}@${o.uidDomain}`,
    sequence: m.version,
    stamp: at(o.now),
    start: at(m.startsAt),
    end: at(end),
    timezone: o.timeZone,
    summary: meetingTitle(m),
    location: m.location,
    description: `${m.cluster.name} cluster (${m.cluster.code}), ${m.cluster.area}.\n${agenda}`,
  });
  return calendar.toString();
}
