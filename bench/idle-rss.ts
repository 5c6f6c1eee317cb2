// npm run bench:rss -- [--size 100k] [--stores embedded,postgres]
// Idle resident memory of the process that serves /api/messages (VmRSS from /proc/<pid>/status of
// that very process: both are compiled and spawned as `node <entry>.js`, no npm or tsx wrapper), the
// bot with the generated plan imported, beside the echo bot started in the same session. bench:ask
// reports the same figures, read before its first request and again after its last.
import { parseArgs } from 'node:util';
import { benchAsk, type AskResult } from './ask.js';
import { parseSize, planFolder, sizeLabel, type StoreKind } from './lib/plan-stores.js';
import { LAUNCH } from './lib/servers.js';

const STORE: Record<StoreKind, string> = { embedded: 'embedded (DATA_DIR on disk)', postgres: 'PostgreSQL' };

export function rssTable(results: AskResult[]): string {
  const after = results.some((r) => r.questions > 0);
  const rows = results.flatMap((r) => {
    const label = `${STORE[r.store]}, ${sizeLabel(r.actions)} actions`;
    const x = (a: number, b: number) => `${(a / b).toFixed(1)} ×`;
    const tail = (mb: number, echo: number) => (after ? ` ${mb.toFixed(0)} | ${x(mb, echo)} |` : '');
    return [
      `| echo bot (same session as ${label}) | ${r.rss.echoIdle.toFixed(0)} | 1.0 × |${tail(r.rss.echoAfter, r.rss.echoAfter)}`,
      `| bot, ${label} | ${r.rss.botIdle.toFixed(0)} | ${x(r.rss.botIdle, r.rss.echoIdle)} |${tail(r.rss.botAfter, r.rss.echoAfter)}`,
    ];
  });
  const extra = after ? ' idle after the questions (MB) | × echo |' : '';
  return [
    `Both processes started with \`${LAUNCH}\` (SCHEDULER=0, SENDER=0); read 3 s after start${after ? ', and 3 s after the last question' : ''}.\n`,
    `| process | idle after start (MB) | × echo |${extra}`,
    `|---|---:|---:|${after ? '---:|---:|' : ''}`,
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100k' }, stores: { type: 'string', default: 'embedded,postgres' } } });
  const actions = parseSize(values.size);
  const folder = planFolder(actions);
  const results: AskResult[] = [];
  for (const kind of values.stores.split(',') as StoreKind[]) results.push(await benchAsk(kind, folder, actions, [], 0));
  console.log(rssTable(results));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
