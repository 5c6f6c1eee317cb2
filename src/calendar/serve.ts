// GET /calendar/meetings/<id>.ics?sig=…: a meeting's calendar file for anyone holding its signed
// link (calendars fetch it without signing in). A wrong or missing signature and an unknown
// meeting look the same from outside: nothing says which meetings exist.
import { z } from 'zod';
import type { MeetingView } from '../domain/clusters/index.js';
import type { Clock } from '../domain/time/clock.js';
import type { CalendarLinks } from './links.js';
import { meetingIcs } from './meeting-ics.js';

export interface MeetingCalendarDeps {
  links: CalendarLinks;
  clusters: { meeting(id: number): Promise<MeetingView | null> };
  clock: Clock;
  partnershipName: string;
  /** The host of PUBLIC_URL (or "localhost"): part of each event's lasting identity. */
  uidDomain: string;
}

const request = z.object({
  id: z.string().regex(/^\d{1,9}\.ics$/).transform((f) => Number(f.slice(0, -4))),
  sig: z.string().regex(/^[\w-]{1,64}$/),
});

/** The file's text, or null for anything that is not a signed link to a meeting that exists. */
export function meetingCalendarFile(deps: MeetingCalendarDeps): (file: unknown, sig: unknown) => Promise<string | null> {
  return async (file, sig) => {
    const parsed = request.safeParse({ id: file, sig });
    if (!parsed.success || !deps.links.verify(parsed.data.id, parsed.data.sig)) return null;
    const meeting = await deps.clusters.meeting(parsed.data.id);
    if (!meeting) return null;
    return meetingIcs(meeting, { partnershipName: deps.partnershipName, uidDomain: deps.uidDomain, timeZone: 'Europe/London', now: deps.clock.now() });
  };
}
