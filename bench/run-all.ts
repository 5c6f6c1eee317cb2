// npm run bench -- [--size 100k] [--questions 480] [--pg-1m] [--only ask,cards,startup] [--doc docs/BENCHMARKS.md]
// Runs every benchmark of issue 15 (bench:ask on both stores, idle RSS, bench:cards, bench:startup),
// each in its own process as it runs alone, and writes their tables into the doc between the
// markers below, with the date, the 1-minute load average at start (a warning when it is 2 or
// more), Node's version and this command line. Re-running replaces the previous tables.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AskResult } from './ask.js';
import { rssTable } from './idle-rss.js';
import { parseSize, sizeLabel } from './lib/plan-stores.js';
import { ROOT } from './lib/servers.js';

export const START = '<!-- bench:start (written by npm run bench; edits inside are replaced) -->';
export const END = '<!-- bench:end -->';

/** The doc with everything between the markers replaced (markers appended when missing). */
export function replaceBetweenMarkers(doc: string, content: string): string {
  const block = `${START}\n${content.trim()}\n${END}`;
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a >= 0 && b > a) return doc.slice(0, a) + block + doc.slice(b + END.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

function step(script: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    console.error(`bench: ${script} ${args.join(' ')}`);
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.once('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${script} failed with ${code}`))));
  });
}

export interface Options {
  size: string; questions: number;
  /** The large PostgreSQL run: '1M' with --pg-1m; smaller in the smoke test; none by default. */
  pgLarge?: string;
  only: string[]; doc: string; cardIterations?: number; cardConcurrent?: number; command?: string }

async function askSection(o: Options, tmp: string): Promise<string> {
  const json = path.join(tmp, 'ask.json');
  const table = await step('bench/ask.ts', ['--size', o.size, '--questions', String(o.questions), '--json', json]);
  const results = JSON.parse(fs.readFileSync(json, 'utf8')) as AskResult[];
  const parts = [`### Questions, ${sizeLabel(parseSize(o.size))} actions (\`npm run bench:ask -- --size ${o.size} --questions ${o.questions}\`)\n`, table];
  if (o.pgLarge) {
    const jsonLarge = path.join(tmp, 'ask-large.json');
    const label = sizeLabel(parseSize(o.pgLarge));
    parts.push(`\n### Questions, ${label} actions, PostgreSQL (\`npm run bench:ask -- --size ${o.pgLarge} --stores postgres --questions ${o.questions}\`)\n`);
    parts.push(await step('bench/ask.ts', ['--size', o.pgLarge, '--stores', 'postgres', '--questions', String(o.questions), '--json', jsonLarge]));
    results.push(...(JSON.parse(fs.readFileSync(jsonLarge, 'utf8')) as AskResult[]));
  }
  parts.push('\n### Idle memory of the serving process (from the same sessions; `npm run bench:rss` alone)\n', rssTable(results));
  return parts.join('\n');
}

export async function runAll(o: Options): Promise<string> {
  const load = os.loadavg()[0]!;
  const started = new Date();
  const command = o.command ?? `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-all-'));
  const sections: string[] = [];
  try {
    if (o.only.includes('ask')) sections.push(await askSection(o, tmp));
    if (o.only.includes('cards')) {
      const env: Record<string, string> = {};
      if (o.cardIterations) env.ITERATIONS = String(o.cardIterations);
      if (o.cardConcurrent) env.CONCURRENT = String(o.cardConcurrent);
      if (o.cardIterations && o.cardIterations < 30) env.WARMUP = String(o.cardIterations); // smoke runs
      sections.push(`### Card saves (\`npm run bench:cards\`)\n\n${await step('bench/card-update.ts', [], env)}`);
    }
    if (o.only.includes('startup')) sections.push(`### Start-up (\`npm run bench:startup\`)\n\n${await step('bench/startup.ts', [])}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const busy = load >= 2
    ? `**Measured while the machine was busy:** the 1-minute load average was ${load.toFixed(2)} at the start (2 or more: other work shared the ${os.cpus().length} cores), so every figure is an upper bound and the ratios carry noise.`
    : `The 1-minute load average was ${load.toFixed(2)} at the start (below 2).`;
  const header = [
    `Run on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, \`${command}\`, Node ${process.version}, ${os.cpus().length} cores, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; took ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min; load average at the end ${os.loadavg()[0]!.toFixed(2)}.`,
    '', busy,
  ];
  const content = [header.join('\n'), ...sections].join('\n\n');
  const doc = fs.existsSync(o.doc) ? fs.readFileSync(o.doc, 'utf8') : '# Benchmarks\n';
  fs.writeFileSync(o.doc, replaceBetweenMarkers(doc, content));
  return content;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    size: { type: 'string', default: '100k' }, questions: { type: 'string', default: '480' }, 'pg-1m': { type: 'boolean', default: false },
    only: { type: 'string', default: 'ask,cards,startup' }, doc: { type: 'string', default: path.join(ROOT, 'docs', 'BENCHMARKS.md') },
    'card-iterations': { type: 'string' }, 'card-concurrent': { type: 'string' },
  } });
  const content = await runAll({
    size: values.size, questions: Number(values.questions), pgLarge: values['pg-1m'] ? '1M' : undefined, only: values.only.split(','), doc: values.doc,
    cardIterations: values['card-iterations'] ? Number(values['card-iterations']) : undefined,
    cardConcurrent: values['card-concurrent'] ? Number(values['card-concurrent']) : undefined,
  });
  console.log(content);
  console.error(`bench: tables written to ${values.doc}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
