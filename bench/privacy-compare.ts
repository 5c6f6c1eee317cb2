// npx tsx bench/privacy-compare.ts <old-tree>
// Checks that a change to the privacy screen changed no decision: every finding (code and span)
// and every result of the screen in <old-tree>/src/domain/privacy against the current one, over
// the corpora, every string in the privacy tests, each under eleven disguises, and 20 000 splices
// of two of them. Make the old tree with, for example:
//   mkdir -p bench/out/privacy-old && git archive main src/domain/privacy | tar -x -C bench/out/privacy-old
// (inside the project, so the name data packages resolve). Exit code 1 on any difference.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type * as ScreenModule from '../src/domain/privacy/screen.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const oldRoot = path.resolve(process.argv[2] ?? '');
type Screen = typeof ScreenModule;
const now = (await import('../src/domain/privacy/screen.js')) as Screen;
const old = (await import(path.join(oldRoot, 'src/domain/privacy/screen.ts'))) as Screen;

const dir = path.join(ROOT, 'test/domain/privacy/corpora');
const lines = ['refuse.jsonl', 'clean.jsonl', 'adults.jsonl'].flatMap((f) =>
  fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; directory?: string[] }));
const strings: string[] = [];
for (const f of ['corpus.ts', 'disguises.test.ts', 'screen.test.ts']) {
  const s = fs.readFileSync(path.join(ROOT, 'test/domain/privacy', f), 'utf8');
  for (const m of s.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\\n$]|\\.)*)`/g)) strings.push(m[1] ?? m[2] ?? m[3] ?? '');
}
const base = [...lines.map((l) => l.text), ...strings];
const ZW = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const disguises = [
  (s: string) => s.toLowerCase(), (s: string) => s.toUpperCase(), (s: string) => s.normalize('NFD'),
  (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
  (s: string) => s.replace(/'/g, '\u2019'), (s: string) => s.replace(/ /g, '\u00A0'), (s: string) => `"${s}"`,
  (s: string) => s.replace(/\p{L}(?=\p{L})/gu, (ch, i: number) => (i % 3 === 0 ? ch + (ZW[i % ZW.length] as string) : ch)),
  (s: string) => s.replace(/\b(\p{L})(\p{L}+)/gu, (_w, a: string, b: string) => a.toUpperCase() + b),
  (s: string) => s.replace(/o/g, '\u043E'), (s: string) => s.split('').join(' '),
];
const texts = [...base, ...base.flatMap((t) => disguises.map((d) => d(t)))];
for (const [a, b, i, j] of fc.sample(fc.tuple(fc.nat(base.length - 1), fc.nat(base.length - 1), fc.nat(30), fc.nat(30)), { numRuns: 20_000, seed: 42 })) {
  const wa = (base[a] as string).split(' ');
  const wb = (base[b] as string).split(' ');
  texts.push([...wa.slice(0, i % (wa.length + 1)), ...wb.slice(j % (wb.length + 1))].join(' '));
}
const directories = lines.flatMap((l) => (l.directory ? [l.directory] : []));
let differ = 0;
texts.forEach((t, k) => {
  const options = k % 7 === 0 && directories.length > 0 ? { adultNames: directories[k % directories.length], extraNames: k % 14 === 0 ? ['Zed Quux', 'Grace'] : [] } : {};
  const a = JSON.stringify([old.findPrivacyIssues(t, options), old.screenText(t, options)]);
  const b = JSON.stringify([now.findPrivacyIssues(t, options), now.screenText(t, options)]);
  if (a !== b && differ++ < 10) console.log(`differs: ${JSON.stringify(t)}\n  old ${a}\n  new ${b}`);
});
console.log(`${texts.length} texts, ${differ} with a different result`);
if (differ > 0) process.exitCode = 1;
