// One process owns an embedded data folder. PGlite takes no lock of its own, and two processes
// writing one folder lose each other's writes silently, so the folder is locked before it is
// opened: proper-lockfile's lock (a `<folder>.lock` directory whose mtime the holder refreshes)
// plus a small `<folder>.lock.owner` file beside it naming the holder's pid and host, for the
// error message and for a safe takeover.
//
// Takeover of a lock left by a killed process (kill -9, power cut): at once when the owner file
// names a process on this host that no longer exists (or names our own pid: a container restarted
// with the same pid); otherwise once the lock has not been refreshed for STALE_MS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock not refreshed for this long belongs to a dead or frozen process. Generous, because a
 * long PGlite query blocks the event loop (and so the refresh) of the process that holds it. */
const STALE_MS = 120_000;

export class FolderLockedError extends Error {
  constructor(readonly folder: string, readonly holderPid: number | null) {
    super(`The data folder ${folder} is in use by another process${holderPid ? ` (pid ${holderPid})` : ''}: stop it first, or use PostgreSQL (DATABASE_URL) to run more than one process.`);
    this.name = 'FolderLockedError';
  }
}

interface Owner { pid: number; host: string; since: string }

export interface FolderLock {
  release(): Promise<void>;
}

function readOwner(file: string): Owner | null {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? { pid: o.pid, host: o.host, since: String(o.since ?? '') } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Folders this process holds: its own pid in an owner file is then no sign of a dead holder. */
const heldHere = new Set<string>();

/** The lock's holder is certainly gone: it ran on this host and its pid is dead (or is ours). */
function holderIsGone(owner: Owner | null): boolean {
  if (!owner || owner.host !== os.hostname()) return false;
  return owner.pid === process.pid || !isAlive(owner.pid);
}

/**
 * Locks `folder` for this process, or throws FolderLockedError. `onLost` is called if the lock is
 * lost while held (its refresh failed for longer than the stale time); the caller should stop.
 */
export async function lockFolder(folder: string, onLost: (err: Error) => void): Promise<FolderLock> {
  const target = path.resolve(folder);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const lockDir = `${target}.lock`;
  const ownerFile = `${target}.lock.owner`;
  if (heldHere.has(target)) throw new FolderLockedError(target, process.pid);
  if (fs.existsSync(lockDir) && holderIsGone(readOwner(ownerFile))) {
    // Same removal proper-lockfile makes for a stale lock, only sooner: its holder is dead.
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, { realpath: false, lockfilePath: lockDir, stale: STALE_MS, retries: 0, onCompromised: onLost });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new FolderLockedError(target, readOwner(ownerFile)?.pid ?? null);
    throw err;
  }
  const owner: Owner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  fs.writeFileSync(ownerFile, JSON.stringify(owner));
  heldHere.add(target);
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      heldHere.delete(target);
      if (readOwner(ownerFile)?.pid === process.pid) fs.rmSync(ownerFile, { force: true });
      await release().catch(() => undefined);
    },
  };
}
