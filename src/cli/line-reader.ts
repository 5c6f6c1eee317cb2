// Reads lines for the chat tool, typed or piped. readline's question() drops lines that arrive
// while nothing is asking (a piped script is read at once) and throws once input has ended, so
// lines are queued as they come and the end of input is an answer of its own (null).
import type readline from 'node:readline/promises';

export type AskLine = (prompt: string) => Promise<string | null>;

export function lineReader(rl: readline.Interface, echo = !process.stdin.isTTY): AskLine {
  const queued: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let ended = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line); else queued.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(null);
  });
  return (prompt) => {
    process.stdout.write(prompt);
    const line = queued.shift();
    if (line !== undefined) {
      if (echo) process.stdout.write(`${line}\n`);
      return Promise.resolve(line);
    }
    if (ended) return Promise.resolve(null);
    return new Promise((resolve) => waiting.push((l) => {
      if (echo && l !== null) process.stdout.write(`${l}\n`);
      resolve(l);
    }));
  };
}
