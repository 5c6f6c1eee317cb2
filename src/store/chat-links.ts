// Links from a group chat or channel to what it is for: a cluster (meeting cards and reminders),
// an Experts at Hand pool (requests), a workstream (its digest, alerts and questions) or the
// partnership (quarterly summaries). One mechanism for all four: each is a column of the
// conversation's stored reference, each thing has at most one chat (linking another moves it), and
// a chat holds at most one link of each kind (linking it to another workstream moves it too).
import type { Specialism, Workstream } from '../domain/plan/types.js';
import type { ConversationKind } from './conversations.js';
import type { Db } from './database.js';

export type LinkRef =
  | { kind: 'cluster'; clusterId: number }
  | { kind: 'pool'; specialism: Specialism }
  | { kind: 'workstream'; workstreamId: number }
  | { kind: 'partnership' };
export type LinkRefKind = LinkRef['kind'];

export interface LinkedChat { conversationId: string; kind: ConversationKind; name: string | null }

/** What one chat is linked to. */
export interface ChatLinks {
  cluster: { id: number; code: string; name: string; chairId: number | null } | null;
  workstream: Workstream | null;
  pool: Specialism | null;
  partnership: boolean;
}

export interface LinkedChatRow extends LinkedChat { links: ChatLinks }

export interface LinkResult {
  /** The chat that held this link before (now unlinked from it), if another did. */
  replaced: LinkedChat | null;
  /** What this chat was linked to before. */
  before: ChatLinks;
}

const TX = { maxWait: 10_000, timeout: 20_000 };
const chatSelect = { conversationId: true, kind: true, name: true } as const;
const clusterSelect = { select: { id: true, code: true, name: true, chairId: true } } as const;
const workstreamSelect = { select: { id: true, code: true, name: true, pillar: true, leadId: true } } as const;
const linkSelect = { ...chatSelect, cluster: clusterSelect, workstream: workstreamSelect, poolSpecialism: true, partnership: true } as const;

type LinkRow = LinkedChat & { cluster: ChatLinks['cluster']; workstream: ChatLinks['workstream']; poolSpecialism: Specialism | null; partnership: boolean };

function holding(ref: LinkRef) {
  switch (ref.kind) {
    case 'cluster': return { clusterId: ref.clusterId };
    case 'pool': return { poolSpecialism: ref.specialism };
    case 'workstream': return { workstreamId: ref.workstreamId };
    case 'partnership': return { partnership: true };
  }
}

const CLEARED = { cluster: { clusterId: null }, pool: { poolSpecialism: null }, workstream: { workstreamId: null }, partnership: { partnership: false } } as const;

const HAS_ANY_LINK = { OR: [{ clusterId: { not: null } }, { workstreamId: { not: null } }, { poolSpecialism: { not: null } }, { partnership: true }] };

function toRow(r: LinkRow): LinkedChatRow {
  return { conversationId: r.conversationId, kind: r.kind, name: r.name, links: { cluster: r.cluster, workstream: r.workstream, pool: r.poolSpecialism, partnership: r.partnership } };
}

/** The chat linked to this cluster, pool, workstream or the partnership. */
export function linkedChat(db: Pick<Db, 'conversationRef'>, ref: LinkRef): Promise<LinkedChat | null> {
  return db.conversationRef.findFirst({ where: holding(ref), orderBy: { lastSeenAt: 'desc' }, select: chatSelect });
}

export class ChatLinkStore {
  constructor(private readonly db: Db) {}

  chatFor(ref: LinkRef): Promise<LinkedChat | null> {
    return linkedChat(this.db, ref);
  }

  /** What this chat is linked to; null when the bot has no reference for it. */
  async linksOf(conversationId: string): Promise<LinkedChatRow | null> {
    const row = await this.db.conversationRef.findUnique({ where: { conversationId }, select: linkSelect });
    return row ? toRow(row) : null;
  }

  /** Every chat linked to something, by name. */
  async linked(): Promise<LinkedChatRow[]> {
    const rows = await this.db.conversationRef.findMany({ where: HAS_ANY_LINK, select: linkSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 500 });
    return rows.map(toRow);
  }

  /** The chats linked to workstreams, by workstream id. */
  async workstreamChats(): Promise<Map<number, LinkedChat>> {
    const rows = await this.db.conversationRef.findMany({ where: { workstreamId: { not: null } }, select: { ...chatSelect, workstreamId: true } });
    return new Map(rows.map((r) => [r.workstreamId!, { conversationId: r.conversationId, kind: r.kind, name: r.name }]));
  }

  /** Makes this chat the one for `ref`, moving the link from any other chat. Null when the chat is not stored. */
  link(conversationId: string, ref: LinkRef): Promise<LinkResult | null> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.conversationRef.findUnique({ where: { conversationId }, select: linkSelect });
      if (!row) return null;
      const others = { ...holding(ref), NOT: { conversationId } };
      const replaced = await tx.conversationRef.findFirst({ where: others, select: chatSelect });
      await tx.conversationRef.updateMany({ where: others, data: CLEARED[ref.kind] });
      await tx.conversationRef.update({ where: { conversationId }, data: holding(ref) });
      return { replaced, before: toRow(row).links };
    }, TX);
  }

  /** Removes this chat's links of these kinds (every kind when none is given); what it was linked to before, or null when not stored. */
  unlink(conversationId: string, kinds: readonly LinkRefKind[] = ['cluster', 'pool', 'workstream', 'partnership']): Promise<ChatLinks | null> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.conversationRef.findUnique({ where: { conversationId }, select: linkSelect });
      if (!row) return null;
      const data = Object.assign({}, ...kinds.map((k) => CLEARED[k])) as Record<string, null | false>;
      await tx.conversationRef.update({ where: { conversationId }, data });
      return toRow(row).links;
    }, TX);
  }

  /** The plan's clusters and workstreams, which a link may name. */
  async linkables(): Promise<{ clusters: Array<NonNullable<ChatLinks['cluster']>>; workstreams: Workstream[] }> {
    const [clusters, workstreams] = await Promise.all([
      this.db.cluster.findMany({ ...clusterSelect, orderBy: { code: 'asc' } }),
      this.db.workstream.findMany({ ...workstreamSelect, orderBy: { id: 'asc' } }),
    ]);
    return { clusters, workstreams };
  }
}
