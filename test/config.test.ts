import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DEMO_DATA).toBe(false);
    expect(config.NUDGE_CRON).toBe('0 9 * * 1-5');
    expect(config.EXTRA_BANK_HOLIDAYS).toEqual([]);
    expect(config.PGLITE_SHARED_BUFFERS).toBe('16MB');
    expect(config.MAINTENANCE_CRON).toBe('15 3 * * *');
  });

  it('reads flags, a pinned clock and extra bank holidays', () => {
    const config = loadConfig({ DEMO_DATA: '1', CLOCK_NOW: '2026-11-22T09:00:00Z', EXTRA_BANK_HOLIDAYS: '2027-06-04, 2028-05-08' });
    expect(config.DEMO_DATA).toBe(true);
    expect(config.CLOCK_NOW).toBe('2026-11-22T09:00:00Z');
    expect(config.EXTRA_BANK_HOLIDAYS).toEqual(['2027-06-04', '2028-05-08']);
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://x'],
    ['CLOCK_NOW', 'next tuesday'],
    ['BOT_TYPE', 'Anyone'],
    ['NUDGE_CRON', 'every day'],
    ['EXTRA_BANK_HOLIDAYS', '4 June'],
    ['PGLITE_SHARED_BUFFERS', '16 megabytes'],
    ['MAINTENANCE_CRON', 'nightly'],
  ])('stops on a bad %s with one line naming it', (name, value) => {
    let error: unknown;
    try { loadConfig({ [name]: value }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message.split('\n')).toHaveLength(1);
  });
});
