// A meeting's calendar file: London wall-clock times in winter and summer on any server, text
// escaped, one lasting identity per meeting; and links that cannot be guessed or reused.
import { describe, expect, it } from 'vitest';
import { calendarLinks, meetingCalendarUrl, signMeeting, verifyMeeting } from '../../src/calendar/links.js';
import { meetingIcs } from '../../src/calendar/meeting-ics.js';
import type { MeetingView } from '../../src/domain/clusters/index.js';

const meeting = (startsAt: string, extra: Partial<MeetingView> = {}): MeetingView => ({
  id: 7, version: 3, cluster: { id: 1, code: 'BS1', name: 'Batley', area: 'North Kirklees', chairId: null },
  startsAt: new Date(startsAt), durationMinutes: 90, location: 'Oakfield Primary School', agenda: [], notes: null, followUps: [],
  counts: { attending: 0, not_attending: 0, maybe: 0 }, ...extra,
});
const options = { partnershipName: 'SEND partnership', uidDomain: 'bot.example.org', timeZone: 'Europe/London', now: new Date('2026-11-22T09:00:00Z') };
/** Unfolds RFC 5545 continuation lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('a meeting as an iCalendar file', () => {
  it('says the London time with its zone written out, in winter and in summer', () => {
    const winter = unfold(meetingIcs(meeting('2026-11-25T13:30:00Z'), options));
    expect(winter).toContain('DTSTART;TZID=Europe/London:20261125T133000');
    expect(winter).toContain('DTEND;TZID=Europe/London:20261125T150000');
    expect(winter).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);
    // 12:30 UTC in June is 13:30 in London (BST).
    const summer = unfold(meetingIcs(meeting('2027-06-16T12:30:00Z'), options));
    expect(summer).toContain('DTSTART;TZID=Europe/London:20270616T133000');
  });

  it('names the meeting, keeps one identity per meeting, and counts its changes', () => {
    const ics = unfold(meetingIcs(meeting('2026-11-25T13:30:00Z', { agenda: ['Transition to high school'] }), options));
    expect(ics).toContain('SUMMARY:Batley cluster SENCO meeting');
    expect(ics).toContain('UID:cluster-meeting-7@bot.example.org');
    expect(ics).toContain('SEQUENCE:3');
    expect(ics).toContain('1. Transition to high school');
  });

  it('keeps what people typed as text: commas, semicolons, line breaks and lines that look like iCalendar', () => {
    const ics = unfold(meetingIcs(meeting('2026-11-25T13:30:00Z', {
      location: 'Hall; side door, "B"',
      agenda: ['one\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected', 'commas, here'],
    }), options));
    expect(ics).toContain('LOCATION:Hall\\; side door\\, "B"');
    expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
    expect(ics).not.toMatch(/^SUMMARY:injected/m);
  });
});

describe('signed calendar links', () => {
  const secret = Buffer.from('x'.repeat(40));
  it('opens only the meeting it was made for, and only under the secret it was signed with', () => {
    const sig = signMeeting(secret, 7);
    expect(verifyMeeting(secret, 7, sig)).toBe(true);
    expect(verifyMeeting(secret, 8, sig)).toBe(false);
    expect(verifyMeeting(Buffer.from('y'.repeat(40)), 7, sig)).toBe(false);
    expect(verifyMeeting(secret, 7, '')).toBe(false);
    expect(verifyMeeting(secret, 7, `${sig}x`)).toBe(false);
    expect(meetingCalendarUrl('https://bot.example.org/', secret, 7)).toBe(`https://bot.example.org/calendar/meetings/7.ics?sig=${sig}`);
  });

  it('offers a link only with a public address and a lasting secret', () => {
    expect(calendarLinks({}).urlFor(7)).toBeUndefined();
    expect(calendarLinks({ PUBLIC_URL: 'https://bot.example.org' }).urlFor(7)).toBeUndefined();
    expect(calendarLinks({ LINK_SECRET: 'z'.repeat(32) }).urlFor(7)).toBeUndefined();
    const a = calendarLinks({ PUBLIC_URL: 'https://bot.example.org', LINK_SECRET: 'z'.repeat(32) });
    const b = calendarLinks({ PUBLIC_URL: 'https://bot.example.org', LINK_SECRET: 'z'.repeat(32) });
    expect(a.urlFor(7)).toBe(b.urlFor(7)); // the same in every replica and after a restart
    const fromPassword = calendarLinks({ PUBLIC_URL: 'https://bot.example.org', BOT_PASSWORD: 'secret-from-azure' });
    expect(fromPassword.urlFor(7)).toMatch(/^https:\/\/bot\.example\.org\/calendar\/meetings\/7\.ics\?sig=[\w-]{32}$/);
    expect(fromPassword.urlFor(7)).not.toContain('secret-from-azure');
  });
});
