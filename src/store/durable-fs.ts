// The embedded database's file layer, made to sync. PGlite starts PostgreSQL with fsync off
// (`-F`), and its Node file layer (Emscripten's NODEFS) has no fsync: PostgreSQL's fsync() calls
// return success and do nothing, fdatasync() is a no-op in Emscripten. A commit then reaches the
// operating system's page cache (it survives the process being killed) but not the disk (a power
// cut or kernel crash can lose it, and can leave data files older than the WAL that was recycled).
//
// Here PostgreSQL starts without `-F`, with wal_sync_method=fsync (the one method that reaches
// the file layer's fsync), and NODEFS gets a real fsync (fs.fsyncSync on the file's descriptor).
// A commit then returns only after its WAL is on disk, and checkpoints sync data files before
// recycling WAL, as on a PostgreSQL server. Measured cost: docs/RELIABILITY.md, "Durability".
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { PGLITE_EXTENSIONS, withSharedBuffers } from './pglite.js';

type StreamOps = { fsync?: (stream: { nfd?: number }) => number };
type EmscriptenModule = { NODEFS?: { stream_ops?: StreamOps } };
type InitResult = Awaited<ReturnType<NodeFS['init']>>;

class SyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): Promise<InitResult> {
    const result = await super.init(pg, opts);
    const emscriptenOpts = result.emscriptenOpts as { preRun?: ((mod: EmscriptenModule) => void)[] };
    emscriptenOpts.preRun = [...(emscriptenOpts.preRun ?? []), (mod) => {
      const ops = mod.NODEFS?.stream_ops;
      if (!ops) throw new Error('PGlite\'s Node file layer has changed: cannot make it sync to disk');
      ops.fsync = (stream) => { if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd); return 0; };
    }];
    return result;
  }
}

/** PGlite's own start parameters, with fsync on and WAL synced through fsync() (and the memory settings). */
export function durableStartParams(sharedBuffers?: string): string[] {
  return withSharedBuffers([...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'], sharedBuffers);
}

/** Opens PGlite on a folder so that an acknowledged commit is on disk. */
export async function openDurablePGlite(dataDir: string, sharedBuffers?: string): Promise<PGlite> {
  return PGlite.create({ fs: new SyncingNodeFS(dataDir), startParams: durableStartParams(sharedBuffers), relaxedDurability: false, extensions: PGLITE_EXTENSIONS });
}
