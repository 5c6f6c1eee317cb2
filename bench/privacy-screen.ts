// npm run bench:privacy [-- --rounds 20 --texts 100000]
// Throughput of the privacy screen (src/domain/privacy): the one-off cost of loading the name and
// word data sets, then microseconds per text over the committed corpora (test/domain/privacy/
// corpora: clean.jsonl, professional text that passes; refuse.jsonl, text that identifies a
// child; and the two together, split by whether the text is still beyond ASCII once normalised)
// and over ordinary plan text of about 100 characters (the kind every import row
// carries), with and without a directory of 2,000 adults. CPU time of this process is reported
// beside wall time: it is the steadier figure on a shared machine.
import fs from 'node:fs';
import path from 'node:path';
import { screenText } from '../src/domain/privacy/index.js';
import { normaliseForScreen } from '../src/domain/privacy/normalise.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = arg('--rounds', 20);
const N = arg('--texts', 100_000);

const CORPORA = path.join(path.dirname(new URL(import.meta.url).pathname), '../test/domain/privacy/corpora');
const corpus = (name: string): string[] =>
  fs.readFileSync(path.join(CORPORA, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);

// Ordinary plan text, about 100 characters each; one in five in small letters.
const PLAN_TEXTS = [
  'Training for SENCOs on the graduated approach delivered to 14 settings; evaluation forms returned.',
  'Local Offer pages rewritten with parents; 3 of 5 sections live, the rest due by the end of March.',
  'Waiting times for ASD assessment down from 18 to 14 months; CAMHS pilot extended to Batley and Dewsbury.',
  'Mrs Khan met the cluster chairs on 12 May; the agenda covered transition from Year 6 to Year 7 and EHCPs.',
  'EHC plans issued within 20 weeks rose to 61% in Q2; the target for the year is 70% across Kirklees.',
  'attendance in year 10 dropped to 88% this term; will review with the head of year and the EWO service.',
  'Joint commissioning group agreed the speech and language therapy offer for Reception and Key Stage 1.',
  'Parent carer forum survey: 212 replies, mostly positive about the new SEND information, advice and support.',
];
const plan = Array.from({ length: N }, (_, k) => {
  const t = PLAN_TEXTS[k % PLAN_TEXTS.length] as string;
  return k % 5 === 0 ? t.toLowerCase() : `${t} (${k})`;
});
const directory = Array.from({ length: 2000 }, (_, k) => `Person${k} Surname${k}`);

let started = performance.now();
screenText('warm up');
const loadMs = performance.now() - started;

interface Run { wall: number; cpu: number; refused: number; chars: number; count: number }

/** Microseconds per text over `rounds` passes of `texts`: wall clock and this process's CPU time. */
function run(texts: readonly string[], rounds: number, options: { adultNames?: string[] } = {}): Run {
  let refused = 0;
  started = performance.now();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const t of texts) if (!screenText(t, options).ok) refused++;
  const cpu = process.cpuUsage(cpu0);
  const count = texts.length * rounds;
  const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  return { wall: ((performance.now() - started) * 1000) / count, cpu: (cpu.user + cpu.system) / count, refused: refused / rounds, chars, count };
}

const clean = corpus('clean.jsonl');
const refuse = corpus('refuse.jsonl');
// Text that is still beyond ASCII once normalised (other scripts, accents) takes the Unicode
// expressions, the slower way (src/domain/privacy/fast-regex.ts): both corpora, split by that.
const beyondAscii = (t: string): boolean => /[^\t\n\r -~]/u.test(normaliseForScreen(t));
const unicode = [...clean, ...refuse].filter(beyondAscii);
const ascii = [...clean, ...refuse].filter((t) => !beyondAscii(t));
run(clean, 3); run(refuse, 3); run(plan.slice(0, 20_000), 1); // JIT warm-up
const rows: [string, Run][] = [
  [`clean.jsonl (${clean.length} texts × ${ROUNDS})`, run(clean, ROUNDS)],
  [`refuse.jsonl (${refuse.length} texts × ${ROUNDS})`, run(refuse, ROUNDS)],
  [`both corpora, ASCII once normalised (${ascii.length} texts × ${ROUNDS})`, run(ascii, ROUNDS)],
  [`both corpora, beyond ASCII once normalised (${unicode.length} texts × ${ROUNDS})`, run(unicode, ROUNDS)],
  [`ordinary plan text (${plan.length} texts)`, run(plan, 1)],
  [`ordinary plan text, 2,000 adults in the directory`, run(plan, 1, { adultNames: directory })],
];
console.log(`| data sets loaded (once per process) | ${loadMs.toFixed(0)} ms |`);
console.log('| texts | characters (mean) | refused | µs per text, CPU | µs per text, wall |');
console.log('| --- | --- | --- | --- | --- |');
for (const [label, r] of rows) {
  console.log(`| ${label} | ${r.chars.toFixed(0)} | ${r.refused} | ${r.cpu.toFixed(1)} | ${r.wall.toFixed(1)} |`);
}
const planCpu = rows[4]?.[1].cpu ?? 0;
console.log(`| 1,000,000 actions × 2 texts (title, last update), CPU | ${((planCpu * 2_000_000) / 1e6).toFixed(1)} s of one core |`);
