// People as the edge needs them: who is this Teams user?
import type { Person, Role, Specialism } from '../domain/plan/types.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './database.js';
import { preparedFor } from './prepared.js';

type PersonRow = {
  id: number; key: string; name: string; email: string | null; jobTitle: string | null; organisation: string | null;
  aadObjectId: string | null; roles: string[]; specialism: string | null; active: boolean;
};

/** The plan's adults and places, as the privacy screen takes them. */
export interface ScreenDirectory { adultNames: readonly string[]; placeNames: readonly string[] }

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id, key: row.key, name: row.name, email: row.email, jobTitle: row.jobTitle, organisation: row.organisation,
    aadObjectId: row.aadObjectId, roles: row.roles as Role[], specialism: row.specialism as Specialism | null,
    active: row.active,
  };
}

/** How long who-is-this answers are kept: a change to a person (left, new role) shows within this. */
export const PERSON_CACHE_MS = 5_000;
const PERSON_CACHE_MAX = 5_000;

export class PeopleRepository {
  /** Every message and card press asks who is speaking; a burst from one person asks once. */
  private readonly recent = new Map<string, { at: number; person: Person | null }>();
  /**
   * The directory of adults and places, kept as long as a person is: every save with a note
   * screens it, and the same arrays each time let the screen keep what it built from them (new
   * ones cost a read of every person, setting and cluster and a rebuild of the screen's tables).
   */
  private directory: { at: number; value: ScreenDirectory } | undefined;

  constructor(private readonly db: Db, private readonly cacheMs = PERSON_CACHE_MS, private readonly elapsed: () => number = () => performance.now()) {}

  /** The active person with this Teams AAD object id, or null for someone the plan doesn't know. */
  async byAadObjectId(aadObjectId: string | undefined): Promise<Person | null> {
    if (!aadObjectId) return null;
    const now = this.elapsed();
    const hit = this.recent.get(aadObjectId);
    if (hit && now - hit.at < this.cacheMs) return hit.person;
    // Prepared: every message asks this, and a model query costs Prisma's query compiler about a millisecond.
    const rows = await preparedFor(this.db).rows<PersonRow>(Prisma.sql`
      SELECT id, key, name, email, job_title AS "jobTitle", organisation, aad_object_id AS "aadObjectId", roles,
        specialism::text AS specialism, active
      FROM people WHERE aad_object_id = ${aadObjectId}::text AND active LIMIT 1`);
    const person = rows[0] ? toPerson(rows[0]) : null;
    if (this.recent.size >= PERSON_CACHE_MAX) this.recent.clear();
    this.recent.set(aadObjectId, { at: now, person });
    return person;
  }

  /** Forget who was who (after an import in this process). */
  forget(): void {
    this.recent.clear();
    this.directory = undefined;
  }

  async byKey(key: string): Promise<Person | null> {
    const row = await this.db.person.findUnique({ where: { key } });
    return row ? toPerson(row) : null;
  }

  /** The plan's directory of adults: every person's name, for the privacy screen to accept. */
  async adultNames(): Promise<readonly string[]> {
    return (await this.screenDirectory()).adultNames;
  }

  /**
   * What the privacy screen may know of the plan (src/domain/privacy/types.ts ScreenOptions):
   * every person's name, and the names of its settings and clusters.
   */
  async screenDirectory(): Promise<ScreenDirectory> {
    const now = this.elapsed();
    if (this.directory && now - this.directory.at < this.cacheMs) return this.directory.value;
    const [people, settings, clusters] = await Promise.all([
      this.db.person.findMany({ select: { name: true } }),
      this.db.setting.findMany({ select: { name: true } }),
      this.db.cluster.findMany({ select: { name: true } }),
    ]);
    const value = { adultNames: people.map((r) => r.name), placeNames: [...settings, ...clusters].map((r) => r.name) };
    this.directory = { at: now, value };
    return value;
  }

  async byId(id: number): Promise<Person | null> {
    const row = await this.db.person.findUnique({ where: { id } });
    return row ? toPerson(row) : null;
  }
}
