// A private PostgreSQL server for tests and benchmarks that stop and start their database: initdb
// in a temporary folder, its own port, the shared server on 5432 never touched. As root, initdb
// and pg_ctl run as the postgres OS user (initdb refuses root).
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function findPgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(base, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/** uid/gid of the postgres OS user, when this process is root (initdb refuses to run as root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export const isRoot = process.getuid?.() === 0;
const PG_BIN = findPgBin();
/** The postgres OS user, when this process is root. */
export const PG_USER = isRoot ? postgresUser() : undefined;
/** Why a private server cannot be started here, or undefined when it can. */
export const privatePostgresUnavailable = !PG_BIN ? 'the PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin) are not installed'
  : isRoot && !PG_USER ? 'running as root and there is no postgres OS user to run initdb as' : undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface PrivatePostgres { url: string; port: number; start(): Promise<void>; stop(mode?: 'fast' | 'immediate'): Promise<void>; remove(): Promise<void> }

export async function privatePostgres(): Promise<PrivatePostgres> {
  const bin = PG_BIN!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-pg-'));
  if (PG_USER) fs.chownSync(dir, PG_USER.uid, PG_USER.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pgRun = async (tool: string, args: string[]): Promise<void> => {
    const [file, argv] = PG_USER ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    try {
      await run(file, argv, { cwd: dir, timeout: 60_000 });
    } catch (err) {
      const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000) : '';
      throw new Error(`${tool} ${args.join(' ')} failed: ${err instanceof Error ? err.message : String(err)}\n${log}`);
    }
  };
  await pgRun('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  // Whatever happens to the test (a hook timing out, a crash), the server does not outlive it.
  const emergencyStop = () => {
    const stop = [path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
    spawnSync(PG_USER ? 'runuser' : stop[0]!, PG_USER ? ['-u', 'postgres', '--', ...stop] : stop.slice(1), { stdio: 'ignore', timeout: 30_000 });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', emergencyStop);
  const server: PrivatePostgres = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => pgRun('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']),
    stop: (mode = 'fast') => pgRun('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']),
    remove: async () => {
      process.removeListener('exit', emergencyStop);
      await server.stop('immediate').catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
