// A new embedded folder is created by a child process (so the bot does not keep initdb's memory);
// the store then opens it, migrates it and works as before. Failures are reported, not hidden.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initialiseInChild, isInitialised } from '../../src/store/embedded-init.js';
import { openStore } from '../../src/store/database.js';

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-init-'));
  made.push(dir);
  return dir;
}
afterEach(() => { for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('creating the embedded database in a child process', () => {
  it('initialises a new folder, which the store then opens and migrates', async () => {
    const dir = path.join(tempDir(), 'pglite');
    fs.mkdirSync(dir);
    expect(isInitialised(dir)).toBe(false);
    await initialiseInChild(dir);
    expect(isInitialised(dir)).toBe(true);
    const store = await openStore({ dataDir: dir, onLockLost: () => undefined });
    try {
      expect(store.migration.applied.length).toBeGreaterThan(0);
      await store.db.person.count();
    } finally { await store.close(); }
  }, 120_000);

  it('leaves an initialised folder alone', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '17\n');
    await initialiseInChild(dir);
    expect(fs.readdirSync(dir)).toEqual(['PG_VERSION']);
  });

  it('reports a folder it cannot create, with the reason', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    await expect(initialiseInChild(path.join(file, 'pglite'))).rejects.toThrow(/Could not create the embedded database/);
  }, 60_000);
});
