// Who the bot must be able to reach (owners of open actions, workstream leads) and who it can
// (people with a personal chat with it), for "who can't I reach?".
import type { Person } from '../domain/plan/types.js';
import type { Db } from './database.js';
import { loadPeople } from './plan-load.js';

export interface Audience {
  people: Map<number, Person>;
  openOwnerIds: number[];
  workstreamLeadIds: number[];
  personalChatIds: number[];
}

export class ReachRepository {
  constructor(private readonly db: Db) {}

  async audience(): Promise<Audience> {
    const [people, owners, leads, reachable] = await Promise.all([
      loadPeople(this.db),
      this.db.action.findMany({ where: { status: { not: 'complete' }, ownerId: { not: null } }, distinct: ['ownerId'], select: { ownerId: true } }),
      this.db.workstream.findMany({ where: { leadId: { not: null } }, select: { leadId: true } }),
      this.db.conversationRef.findMany({ where: { kind: 'personal', personId: { not: null } }, distinct: ['personId'], select: { personId: true } }),
    ]);
    return {
      people,
      openOwnerIds: owners.map((o) => o.ownerId!),
      workstreamLeadIds: leads.map((l) => l.leadId!),
      personalChatIds: reachable.map((r) => r.personId!),
    };
  }
}
