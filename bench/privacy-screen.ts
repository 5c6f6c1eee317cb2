// npx tsx bench/privacy-screen.ts [--texts 200000]
// Throughput of the privacy screen (src/domain/privacy): the one-off cost of loading the name and
// word data sets, then microseconds per text for ordinary plan text of about 100 characters (the
// kind every import row and every note carries), with and without a directory of 2,000 adults.
import { screenText } from '../src/domain/privacy/index.js';

const args = process.argv.slice(2);
const i = args.indexOf('--texts');
const N = i >= 0 ? Number(args[i + 1]) : 200_000;

// Ordinary plan text, about 100 characters each; one in five varies in case.
const TEXTS = [
  'Training for SENCOs on the graduated approach delivered to 14 settings; evaluation forms returned.',
  'Local Offer pages rewritten with parents; 3 of 5 sections live, the rest due by the end of March.',
  'Waiting times for ASD assessment down from 18 to 14 months; CAMHS pilot extended to Batley and Dewsbury.',
  'Mrs Khan met the cluster chairs on 12 May; the agenda covered transition from Year 6 to Year 7 and EHCPs.',
  'EHC plans issued within 20 weeks rose to 61% in Q2; the target for the year is 70% across Kirklees.',
  'attendance in year 10 dropped to 88% this term; will review with the head of year and the EWO service.',
  'Joint commissioning group agreed the speech and language therapy offer for Reception and Key Stage 1.',
  'Parent carer forum survey: 212 replies, mostly positive about the new SEND information, advice and support.',
];
const texts = Array.from({ length: N }, (_, k) => {
  const t = TEXTS[k % TEXTS.length]!;
  return k % 5 === 0 ? t.toLowerCase() : `${t} (${k})`;
});
const directory = Array.from({ length: 2000 }, (_, k) => `Person${k} Surname${k}`);

let started = performance.now();
screenText('warm up');
const loadMs = performance.now() - started;

/** Microseconds per text: wall clock, and this process's CPU time (steadier on a busy machine). */
function run(options: { adultNames?: string[] }): { wall: number; cpu: number } {
  let refused = 0;
  started = performance.now();
  const cpu0 = process.cpuUsage();
  for (const t of texts) if (!screenText(t, options).ok) refused++;
  const cpu = process.cpuUsage(cpu0);
  const wall = ((performance.now() - started) * 1000) / texts.length;
  if (refused > 0) console.log(`  (${refused} of ${texts.length} refused)`);
  return { wall, cpu: (cpu.user + cpu.system) / texts.length };
}

run({}); // JIT warm-up
const plain = run({});
const withDirectory = run({ adultNames: directory });
const show = (r: { wall: number; cpu: number }) => `${r.wall.toFixed(1)} µs wall, ${r.cpu.toFixed(1)} µs CPU`;
const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
console.log(`| data sets loaded (once) | ${loadMs.toFixed(0)} ms |`);
console.log(`| texts screened | ${texts.length} of ${chars.toFixed(0)} characters on average |`);
console.log(`| per text | ${show(plain)} |`);
console.log(`| per text, 2,000 adults in the directory | ${show(withDirectory)} |`);
console.log(`| 1,000,000 actions × 2 texts (title, last update), CPU | ${((plain.cpu * 2_000_000) / 1e6).toFixed(1)} s of one core |`);
