// npm run build: the JavaScript that production runs (`node dist/app/main.js`), one file per source
// file, so that the process serving /api/messages is plain node with no TypeScript loader in it.
// esbuild only strips types; `npm run typecheck` (part of npm test) is what checks them.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { fromRoot } from '../paths/package-root.js';

const SRC = fromRoot('src');
export const OUT = fromRoot('dist', 'app');
const GENERATED = path.join(SRC, 'generated');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith(GENERATED + path.sep));
}

/** How every entry is compiled: types stripped, one ESM file per source file, for Node 22+. */
export const COMPILE = { platform: 'node', format: 'esm', target: 'node22' } as const;

export async function buildApp(): Promise<void> {
  if (!fs.existsSync(GENERATED)) throw new Error('src/generated is missing: run `npx prisma generate` first');
  fs.rmSync(OUT, { recursive: true, force: true });
  await build({
    entryPoints: sources(SRC), outdir: OUT, outbase: SRC,
    ...COMPILE, sourcemap: 'linked', logLevel: 'warning',
  });
  // The Prisma client is generated JavaScript: it is copied beside the compiled code, at the same
  // relative place as in src/, so imports of '../generated/prisma/…' resolve unchanged.
  fs.cpSync(GENERATED, path.join(OUT, 'generated'), { recursive: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  await buildApp();
  console.log(`Built ${path.relative(process.cwd(), OUT)} in ${Date.now() - started} ms.`);
}
