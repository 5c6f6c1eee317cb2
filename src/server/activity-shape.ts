// The least an inbound activity must be before the Bot Framework adapter sees it. Anything
// else is answered 400 here rather than failing somewhere deep in the SDK.
import { z } from 'zod';

const id = z.string().min(1).max(1024);

export const inboundActivitySchema = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  channelId: z.string().max(64).optional(),
  serviceUrl: z.string().max(2048).regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL'),
  conversation: z.object({ id, conversationType: z.string().max(64).optional(), tenantId: z.string().max(256).optional() }).passthrough(),
  from: z.object({ id: z.string().max(1024).optional(), aadObjectId: z.string().max(256).optional(), name: z.string().max(1024).optional() }).passthrough().optional(),
  recipient: z.object({ id: z.string().max(1024).optional() }).passthrough().optional(),
  text: z.string().max(100_000).optional(),
  name: z.string().max(256).optional(),
}).passthrough().superRefine((a, ctx) => {
  // A message or an invoke is someone speaking to the bot: without a sender and a recipient
  // there is no one to answer or to check, so it is refused here, not half-processed.
  if (a.type !== 'message' && a.type !== 'invoke') return;
  if (!a.from?.id) ctx.addIssue({ code: 'custom', path: ['from'], message: 'a message needs its sender' });
  if (!a.recipient?.id) ctx.addIssue({ code: 'custom', path: ['recipient'], message: 'a message needs its recipient' });
});

export type InboundActivityCheck = { ok: true } | { ok: false; reason: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

/** Rejects prototype-pollution keys and pathological nesting anywhere in the body. */
function checkTree(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (const v of value) { const r = checkTree(v, depth + 1); if (r) return r; }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `the key "${key}" is not allowed`;
      const r = checkTree((value as Record<string, unknown>)[key], depth + 1);
      if (r) return r;
    }
  }
  return null;
}

export function checkInboundActivity(body: unknown): InboundActivityCheck {
  const tree = checkTree(body, 0);
  if (tree) return { ok: false, reason: tree };
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'activity'}: ${issue.message}` };
  }
  return { ok: true };
}
