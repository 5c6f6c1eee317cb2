// Signed addresses for a meeting's calendar file. The link goes into cards people forward and
// calendars fetch without signing in, so it must not be guessable: the meeting id is signed with
// HMAC-SHA256 under a secret only the bot knows, and a link for one meeting opens no other.
import crypto from 'node:crypto';

/** The secret links are signed with: LINK_SECRET, else one derived from the bot's password, else per process. */
export function linkSecret(env: { linkSecret?: string; botPassword?: string }): { secret: Buffer; lasting: boolean } {
  if (env.linkSecret) return { secret: Buffer.from(env.linkSecret, 'utf8'), lasting: true };
  // A derived key, not the password itself: a leaked link reveals nothing about the password.
  if (env.botPassword) return { secret: crypto.createHmac('sha256', env.botPassword).update('calendar links v1').digest(), lasting: true };
  return { secret: crypto.randomBytes(32), lasting: false };
}

export function signMeeting(secret: Buffer, meetingId: number): string {
  return crypto.createHmac('sha256', secret).update(`meeting:${meetingId}`).digest('base64url').slice(0, 32);
}

export function verifyMeeting(secret: Buffer, meetingId: number, signature: string): boolean {
  const expected = Buffer.from(signMeeting(secret, meetingId));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The absolute address a card's "Add to calendar" opens. */
export function meetingCalendarUrl(publicUrl: string, secret: Buffer, meetingId: number): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}/calendar/meetings/${meetingId}.ics?sig=${signMeeting(secret, meetingId)}`;
}

export interface CalendarLinks {
  /** The signed address of a meeting's calendar file; undefined when the bot has no public address or no lasting secret. */
  urlFor(meetingId: number): string | undefined;
  verify(meetingId: number, signature: string): boolean;
}

/**
 * Links from the configuration. Only with PUBLIC_URL (cards need an absolute address) and a
 * lasting secret (LINK_SECRET or the bot's password: the same in every replica and in the job
 * command, and across restarts) is a link offered; otherwise cards simply have no calendar button.
 */
export function calendarLinks(config: { PUBLIC_URL?: string; LINK_SECRET?: string; BOT_PASSWORD?: string }): CalendarLinks {
  const { secret, lasting } = linkSecret({ linkSecret: config.LINK_SECRET, botPassword: config.BOT_PASSWORD });
  const publicUrl = config.PUBLIC_URL;
  return {
    urlFor: (id) => (publicUrl && lasting ? meetingCalendarUrl(publicUrl, secret, id) : undefined),
    verify: (id, signature) => lasting && verifyMeeting(secret, id, signature),
  };
}
