// "Who can't I reach?": people with open actions or lead roles and no personal chat with the bot,
// messages waiting for one, and messages that failed to send.
import type { Person } from '../../domain/plan/types.js';
import type { FailedMessage } from '../../store/outbox-sender-repo.js';
import type { JobCommandDeps } from './types.js';

const LATEST = 20;

export interface UnreachableReport { text: string; people: Person[]; failed: number }

function missingSentence(missing: readonly Person[]): string {
  if (missing.length === 0) return 'Everyone with open actions or a lead role has a personal chat with me.';
  const who = missing.length === 1 ? '1 person' : `${missing.length} people`;
  return `${who} with open actions or a lead role ${missing.length === 1 ? 'has' : 'have'} no personal chat with me, so I can't send them reminders: ${missing.map((p) => p.name).join(', ')}. Install the app for them (Teams admin centre: setup policy) or ask them to open a chat with me.`;
}

function messageLines(people: ReadonlyMap<number, Person>, waiting: readonly FailedMessage[], failed: readonly FailedMessage[]): string[] {
  const byKey = new Map([...people.values()].map((p) => [p.key, p]));
  const whoOf = (recipientKey: string) => recipientKey.startsWith('person:') ? byKey.get(recipientKey.slice(7))?.name ?? recipientKey.slice(7) : recipientKey.replace(/^conversation:/, 'chat ');
  const lines: string[] = [];
  if (waiting.length > 0) {
    lines.push(`Messages waiting until the person opens a chat with me (latest ${waiting.length}):`);
    for (const w of waiting) lines.push(`- ${whoOf(w.recipientKey)}: ${w.job} ${w.kind} (${w.period})`);
  }
  if (failed.length === 0) return [...lines, 'No messages have failed to send.'];
  lines.push(`Messages that could not be delivered (latest ${failed.length}):`);
  for (const f of failed) {
    lines.push(`- ${whoOf(f.recipientKey)}: ${f.job} ${f.kind} (${f.period}), ${f.lastError ?? 'failed'}${f.statusCodes.length ? ` [status ${f.statusCodes.join(', ')}]` : ''}`);
  }
  return lines;
}

export async function unreachableReport(deps: JobCommandDeps): Promise<UnreachableReport> {
  const [audience, failed] = await Promise.all([deps.reach.audience(), deps.outbox.failed(LATEST)]);
  const waiting = await deps.outbox.waiting(LATEST);
  const { people } = audience;
  const need = new Set<number>([...audience.openOwnerIds, ...audience.workstreamLeadIds]);
  for (const p of people.values()) if (p.roles.includes('lead')) need.add(p.id);
  const reach = new Set(audience.personalChatIds);
  const missing = [...need].filter((id) => !reach.has(id)).map((id) => people.get(id)).filter((p): p is Person => !!p && p.active)
    .sort((a, b) => a.name.localeCompare(b.name));
  const text = [missingSentence(missing), ...messageLines(people, waiting, failed)].join('\n');
  return { text, people: missing, failed: failed.length };
}
