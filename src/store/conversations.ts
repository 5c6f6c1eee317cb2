// Conversation references: where proactive messages can go. Captured on install and on every
// turn (throttled in memory so a busy chat does not write on every message).
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './database.js';
import { preparedFor } from './prepared.js';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface CapturedConversation {
  conversationId: string;
  kind: ConversationKind;
  personId: number | null;
  teamId: string | null;
  name: string | null;
  tenantId: string | null;
  serviceUrl: string;
  reference: Record<string, unknown>;
}

export interface StoredConversation extends CapturedConversation {
  id: number;
  clusterId: number | null;
  workstreamId: number | null;
  poolSpecialism: string | null;
}

const RECAPTURE_MS = 10 * 60_000;

export class ConversationRepository {
  private readonly seen = new Map<string, number>();

  constructor(private readonly db: Db) {}

  /** Upserts unless this conversation was captured recently by this process. */
  async capture(c: CapturedConversation, nowMs: number = Date.now()): Promise<void> {
    const last = this.seen.get(c.conversationId);
    if (last !== undefined && nowMs - last < RECAPTURE_MS) return;
    // One statement: a person's first message in a chat pays this write before the reply, and
    // Prisma's upsert costs about 1.7 ms more (docs/BENCHMARKS.md). A name once known is kept
    // when a turn carries none.
    const seenAt = new Date(nowMs);
    await preparedFor(this.db).rows(Prisma.sql`
      INSERT INTO conversation_refs (conversation_id, kind, person_id, team_id, name, tenant_id, service_url, reference, last_seen_at, updated_at)
      VALUES (${c.conversationId}::text, ${c.kind}::"ConversationKind", ${c.personId}::int, ${c.teamId}::text, ${c.name || null}::text, ${c.tenantId}::text,
        ${c.serviceUrl}::text, ${JSON.stringify(c.reference)}::jsonb, ${seenAt}::timestamptz, ${seenAt}::timestamptz)
      ON CONFLICT (conversation_id) DO UPDATE SET
        kind = EXCLUDED.kind, person_id = EXCLUDED.person_id, team_id = EXCLUDED.team_id, tenant_id = EXCLUDED.tenant_id,
        service_url = EXCLUDED.service_url, reference = EXCLUDED.reference, last_seen_at = EXCLUDED.last_seen_at,
        updated_at = EXCLUDED.updated_at, name = COALESCE(EXCLUDED.name, conversation_refs.name)`);
    this.seen.set(c.conversationId, nowMs);
    if (this.seen.size > 10_000) this.seen.clear();
  }

  /** Uninstall or removal: forget every reference for the conversation (or a team's channels). */
  async forget(where: { conversationId?: string; teamId?: string }): Promise<number> {
    const or = [
      ...(where.conversationId ? [{ conversationId: where.conversationId }] : []),
      ...(where.teamId ? [{ teamId: where.teamId }] : []),
    ];
    if (or.length === 0) return 0;
    if (where.conversationId) this.seen.delete(where.conversationId);
    if (where.teamId) this.seen.clear();
    const { count } = await this.db.conversationRef.deleteMany({ where: { OR: or } });
    return count;
  }

  /** A conversation's new name (a renamed team or channel); ids and links stay. How many were renamed. */
  async rename(conversationId: string, name: string): Promise<number> {
    const { count } = await this.db.conversationRef.updateMany({ where: { conversationId }, data: { name } });
    return count;
  }

  async personalFor(personId: number): Promise<StoredConversation | null> {
    const row = await this.db.conversationRef.findFirst({ where: { personId, kind: 'personal' }, orderBy: { lastSeenAt: 'desc' } });
    return row ? toStored(row) : null;
  }

  /**
   * The Teams user ids (from the stored references) of these people's personal chats, the most
   * recently seen first, from at most `limit` references: for refresh.userIds on channel cards.
   */
  async personalUserIds(personIds: readonly number[], limit = 120): Promise<string[]> {
    if (personIds.length === 0) return [];
    const refs = await this.db.conversationRef.findMany({
      where: { kind: 'personal', personId: { in: [...personIds] } }, select: { reference: true }, orderBy: { lastSeenAt: 'desc' }, take: limit,
    });
    const ids: string[] = [];
    for (const ref of refs) {
      const id = (ref.reference as { user?: { id?: unknown } } | null)?.user?.id;
      if (typeof id === 'string' && id) ids.push(id);
    }
    return ids;
  }

  async byConversationId(conversationId: string): Promise<StoredConversation | null> {
    const row = await this.db.conversationRef.findUnique({ where: { conversationId } });
    return row ? toStored(row) : null;
  }
}

function toStored(row: {
  id: number; conversationId: string; kind: ConversationKind; personId: number | null; teamId: string | null;
  name: string | null; tenantId: string | null; serviceUrl: string; reference: unknown;
  clusterId: number | null; workstreamId: number | null; poolSpecialism: string | null;
}): StoredConversation {
  return { ...row, reference: row.reference as Record<string, unknown> };
}
