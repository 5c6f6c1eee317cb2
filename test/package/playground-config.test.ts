// The Playground's mock people are demo people, recognised by the bot through their aadObjectIds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAYGROUND_CONFIG, PLAYGROUND_PEOPLE, playgroundConfig } from '../../src/cli/playground.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function demoPeople(): Map<string, { name: string; email: string; aad: string; roles: string }> {
  const [header, ...rows] = fs.readFileSync(path.join(ROOT, 'prisma', 'demo', 'kirklees', 'people.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const people = new Map<string, { name: string; email: string; aad: string; roles: string }>();
  for (const row of rows) {
    // Quoted job titles may hold commas: the columns used here come before and after them.
    const cells = row.split(',');
    const get = (name: string) => cells[columns.indexOf(name)]!;
    people.set(cells[0]!, { name: get('name'), email: get('email'), roles: get('roles'), aad: cells.at(-1)! });
  }
  return people;
}

describe('.m365agentsplayground.yml', () => {
  it('is what playgroundConfig writes for Owen Price (edit the people in src/cli/playground.ts)', () => {
    expect(fs.readFileSync(PLAYGROUND_CONFIG, 'utf8')).toBe(playgroundConfig('oprice'));
  });

  it('has the current user and exactly five users, as the Playground requires', () => {
    const text = playgroundConfig('oprice');
    expect(text).toMatch(/^version: "0\.1\.1"$/m);
    const users = text.slice(text.indexOf('\nusers:'), text.indexOf('\npersonalChat:'));
    expect(users.match(/^ {2}- id: /gm)).toHaveLength(5);
    expect(text).toMatch(/currentUser:\n {2}# .*\n {2}id: 29:oprice\n {2}name: Owen Price/);
  });

  it('uses demo people with their demo aadObjectIds: an owner, a workstream lead, an admin and SENCOs', () => {
    const demo = demoPeople();
    for (const p of PLAYGROUND_PEOPLE) {
      const d = demo.get(p.key);
      expect(d, p.key).toBeDefined();
      expect(p.name).toBe(d!.name);
      expect(p.email).toBe(d!.email);
      expect(p.aadObjectId).toBe(d!.aad);
    }
    const roles = (key: string) => demo.get(key)!.roles.split(';');
    expect(roles('oprice')).toContain('owner');
    expect(roles('pshah')).toContain('lead');
    expect(roles('amorgan')).toContain('admin');
    expect(roles('eclarke')).toContain('senco');
    expect(roles('jwalker')).toContain('senco');
  });

  it('can make anyone of them the current user, with the other five as users', () => {
    const text = playgroundConfig('eclarke');
    expect(text).toMatch(/currentUser:\n {2}# .*\n {2}id: 29:eclarke/);
    expect(text).toMatch(/^ {2}- id: 29:oprice$/m);
    expect(text).not.toMatch(/^ {2}- id: 29:eclarke$/m);
    expect(() => playgroundConfig('nobody')).toThrow(/No mock person "nobody"/);
  });
});
