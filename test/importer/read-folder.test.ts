import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readFolder } from '../../src/importer/read-folder.js';

const temps: string[] = [];
afterAll(() => { for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true }); });

async function read(text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-folder-test-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'maturity_ratings.csv'), text);
  const input = await readFolder(dir);
  return { rows: (input.files['maturity_ratings.csv'] ?? []).map((p) => [p.line, p.row.note]), issues: input.issues.map((i) => `${i.line}: ${i.reason}`) };
}

const HEADER = 'pillar,score,note,rated_by,rated_at';

it('gives each row its physical line with CRLF line ends, a CRLF inside a quoted field, blank lines and a byte order mark', async () => {
  const text = `\uFEFF${HEADER}\r\n1,2,"a\r\nb",,2026-01-01T00:00:00Z\r\n\r\n   \r\n3,1,"c\r\nd",,2026-01-02T00:00:00Z\r\n4,1,x,,bad\r\n`;
  const { rows, issues } = await read(text);
  expect(rows).toEqual([[2, 'a\nb'], [6, 'c\nd']]);
  expect(issues).toEqual([expect.stringMatching(/^8: rated_at "bad" is not a date-time/)]);
});

it('reads lone CR line ends, and reports a stray quote and a short row at their lines', async () => {
  const { rows, issues } = await read(`${HEADER}\r1,2,"a\rb",,2026-01-01T00:00:00Z\r3,1,x"y,,2026-01-02T00:00:00Z\r1,2\r`);
  expect(rows).toEqual([[2, 'a\nb']]);
  expect(issues).toEqual([expect.stringMatching(/^4: a " inside an unquoted field/), expect.stringMatching(/^5: has 2 fields but the header has 5/)]);
});

it('stops at a quoted field that is never closed, naming the line it starts on', async () => {
  const { issues } = await read(`${HEADER}\n1,2,ok,,2026-01-01T00:00:00Z\n1,2,"never closed,,2026-01-01T00:00:00Z\n1,2,more,,2026-01-01T00:00:00Z\n`);
  expect(issues).toEqual(['3: a quoted field is never closed (a " is missing)']);
});

it('refuses a file that is not UTF-8 with one line and no rows', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-folder-test-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'maturity_ratings.csv'), Buffer.concat([Buffer.from(`${HEADER}\n1,2,`), Buffer.from([0xff, 0xfe]), Buffer.from(',,2026-01-01T00:00:00Z\n')]));
  const input = await readFolder(dir);
  expect(input.files['maturity_ratings.csv']).toEqual([]);
  expect(input.issues).toEqual([{ file: 'maturity_ratings.csv', line: 1, reason: 'is not UTF-8 text (save it as "CSV UTF-8")' }]);
});

it('names the line of text after a closing quote when the quoted field held CRLF line breaks', async () => {
  const { issues } = await read(`${HEADER}\r\n"\r\n\r\n"unterminated\r\n`);
  expect(issues).toEqual([expect.stringMatching(/^4: text after a closing quote/)]);
});

it('names the line of text after a closing quote on a later record, after earlier CRLFs in quotes', async () => {
  const { issues } = await read(`${HEADER}\r\n1,2,"a\r\nb",,2026-01-01T00:00:00Z\r\n1,2,"x\r\ny"z,,2026-01-01T00:00:00Z\r\n`);
  expect(issues).toEqual([expect.stringMatching(/^5: text after a closing quote/)]);
});
