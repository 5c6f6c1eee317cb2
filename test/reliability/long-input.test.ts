// Every parser and normaliser that reads what a person typed, fed 100 000 characters built to
// make a backtracking pattern rescan (runs of spaces, "?", "(", half a reference, half a period):
// each must answer in under 50 ms. A pattern like `[?!.\s]+$` took five seconds here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexDirectory } from '../../src/ask/directory.js';
import { cleanText, lowerQuestion, tokenize } from '../../src/ask/normalise.js';
import { parsePeriod } from '../../src/ask/periods.js';
import { findActionRefs, findGluedUnknownRefs, findRequestRefs } from '../../src/ask/references.js';
import { parseStatusWords } from '../../src/ask/status-words.js';
import { detectAspects, mentionsSelf, parsePaging, understand } from '../../src/ask/understand.js';
import { parseResumeDate } from '../../src/domain/nudges/snooze-words.js';
import { commandText } from '../../src/flows/command-text.js';
import { parseActionCommand } from '../../src/flows/actions/parse.js';
import type { CommandTurn } from '../../src/teams/commands/command.js';
import { chatCommands } from '../../src/teams/commands/index.js';
import { parseJobCommand } from '../../src/flows/jobs-commands/parse.js';
import { directory } from '../ask/support/directory.js';

const LENGTH = 100_000;
const BUDGET_MS = 50;
const TODAY = '2026-11-22';
const idx = indexDirectory(directory());

/** A turn whose services throw: a command whose pattern matched stops there, after the match was timed. */
const unusable = new Proxy({}, { get() { throw new Error('not for this test'); } });
function turnOf(text: string): CommandTurn {
  return { context: unusable as never, services: unusable as never, text, person: null, conversationKind: 'personal' };
}

const parsers: Record<string, (s: string) => unknown> = {
  commandText,
  parseActionCommand,
  parseJobCommand,
  parsePaging,
  cleanText,
  lowerQuestion,
  tokenize,
  'understand()': (s) => understand(s, { asker: null, today: TODAY }, idx),
  parsePeriod: (s) => parsePeriod(s, TODAY),
  detectAspects,
  mentionsSelf,
  parseStatusWords,
  findActionRefs: (s) => findActionRefs(s, ['com', 'pfa', 'suf']),
  findGluedUnknownRefs: (s) => findGluedUnknownRefs(s, ['COM', 'PFA']),
  findRequestRefs,
  parseResumeDate: (s) => parseResumeDate(s, TODAY),
  ...Object.fromEntries(chatCommands.map((c) => [`command ${c.name}`, (s: string) => c.tryHandle(turnOf(s)).catch(() => false)])),
};

/** Pieces that make patterns backtrack when repeated: whitespace, punctuation, half-matches. */
const UNITS = [' ', '?', '.', '!', '(', '( ', '\t', '\n', "'s", '-', '0 ', 'com-', 'com ', 'from ', 'page ', 'next ', 'the ', 'in ', 'a ', 'x', '**', '[', '](', '<at>', '&amp;'];
const unit = fc.oneof(fc.constantFrom(...UNITS), fc.string({ minLength: 1, maxLength: 6 }));
const long = (head: string, u: string, tail: string) => `${head}${u.repeat(Math.ceil(LENGTH / u.length)).slice(0, LENGTH)}${tail}`;
const longInput = fc.tuple(fc.string({ maxLength: 40 }), unit, fc.string({ maxLength: 40 })).map(([h, u, t]) => long(h, u, t));
/** Always tried as well: each piece repeated between two letters, so a `…+$` pattern has to give up. */
const examples: [string][] = UNITS.map((u) => [long('a', u, 'z')]);

/**
 * CPU milliseconds (user and system) the call took: a backtracking pattern burns CPU, while a
 * machine shared by many only stretches the wall clock, which would fail linear code.
 */
async function timed(f: (s: string) => unknown, s: string): Promise<number> {
  const start = process.cpuUsage();
  await f(s);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('long input never takes long', () => {
  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name} answers 100 000 characters in under ${BUDGET_MS} ms`, async () => {
      await parse('warm up the patterns once');
      await fc.assert(fc.asyncProperty(longInput, async (s) => {
        // The faster of two tries counts: a garbage collection can land in one of them.
        const ms = Math.min(await timed(parse, s), await timed(parse, s));
        expect(ms, `${name} on ${JSON.stringify(s.slice(0, 60))}…`).toBeLessThan(BUDGET_MS);
      }), { numRuns: 25, examples });
    }, 60_000);
  }
});
