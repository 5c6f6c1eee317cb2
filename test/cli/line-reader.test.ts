// The chat tool reads a piped script whole: no line is lost while the bot answers, and the end of
// input ends the chat instead of throwing.
import { PassThrough } from 'node:stream';
import readline from 'node:readline/promises';
import { describe, expect, it } from 'vitest';
import { lineReader } from '../../src/cli/line-reader.js';

describe('lineReader', () => {
  it('keeps lines that arrive while nothing is asking, then answers null at the end', async () => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, terminal: false });
    const ask = lineReader(rl, false);
    input.end('first\nsecond\nthird\n');
    await new Promise((r) => setTimeout(r, 20));
    expect(await ask('')).toBe('first');
    expect(await ask('')).toBe('second');
    expect(await ask('')).toBe('third');
    expect(await ask('')).toBeNull();
  });
  it('waits for a line typed later', async () => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, terminal: false });
    const ask = lineReader(rl, false);
    const pending = ask('');
    input.write('later\n');
    expect(await pending).toBe('later');
    rl.close();
    expect(await ask('')).toBeNull();
  });
});
