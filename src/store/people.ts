// People as the edge needs them: who is this Teams user?
import type { Person, Role, Specialism } from '../domain/plan/types.js';
import type { Db } from './database.js';

type PersonRow = {
  id: number; key: string; name: string; email: string | null; jobTitle: string | null;
  aadObjectId: string | null; roles: string[]; specialism: string | null; active: boolean;
};

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id, key: row.key, name: row.name, email: row.email, jobTitle: row.jobTitle,
    aadObjectId: row.aadObjectId, roles: row.roles as Role[], specialism: row.specialism as Specialism | null,
    active: row.active,
  };
}

export class PeopleRepository {
  constructor(private readonly db: Db) {}

  /** The active person with this Teams AAD object id, or null for someone the plan doesn't know. */
  async byAadObjectId(aadObjectId: string | undefined): Promise<Person | null> {
    if (!aadObjectId) return null;
    const row = await this.db.person.findUnique({ where: { aadObjectId } });
    return row && row.active ? toPerson(row) : null;
  }

  async byKey(key: string): Promise<Person | null> {
    const row = await this.db.person.findUnique({ where: { key } });
    return row ? toPerson(row) : null;
  }

  /** The plan's directory of adults: every person's name, for the privacy screen to accept. */
  async adultNames(): Promise<string[]> {
    const rows = await this.db.person.findMany({ select: { name: true } });
    return rows.map((r) => r.name);
  }

  async byId(id: number): Promise<Person | null> {
    const row = await this.db.person.findUnique({ where: { id } });
    return row ? toPerson(row) : null;
  }
}
