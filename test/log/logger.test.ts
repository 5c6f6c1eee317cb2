// Log format: JSON lines for machines, readable lines for a person at a terminal; redaction either way.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, wantsPrettyLogs } from '../../src/log/logger.js';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  return { stream, text: () => chunks.join('') };
}

describe('the log format', () => {
  it('is pretty only at a terminal, outside tests and CI', () => {
    expect(wantsPrettyLogs({}, true)).toBe(true);
    expect(wantsPrettyLogs({}, false)).toBe(false);
    expect(wantsPrettyLogs({ CI: 'true' }, true)).toBe(false);
    expect(wantsPrettyLogs({ VITEST: 'true' }, true)).toBe(false);
    expect(wantsPrettyLogs({ NODE_ENV: 'test' }, true)).toBe(false);
    // Here, under vitest, the default is JSON whatever stdout is.
    expect(wantsPrettyLogs()).toBe(false);
  });

  it('writes one JSON object a line by default', () => {
    const out = sink();
    createLogger('info', out.stream).info({ port: 3978 }, 'bot listening');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'bot listening', port: 3978, service: 'send-partnership-bot' });
  });

  it('writes readable lines when pretty, still redacted', () => {
    const out = sink();
    createLogger('info', out.stream, { pretty: true }).info({ port: 3978, text: 'a child called Sam', authorization: 'Bearer x' }, 'bot listening');
    const text = out.text();
    expect(text).toMatch(/INFO.*bot listening/);
    expect(text).toContain('port: 3978');
    expect(() => JSON.parse(text.trim())).toThrow();
    expect(text).not.toContain('Sam');
    expect(text).not.toContain('Bearer');
    expect(text).toContain('[redacted]');
  });
});
