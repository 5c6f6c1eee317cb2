// Helpers for the job tests: configs, job deps over a test store, the demo plan, a scripted
// messenger, and a manual clock whose sleep moves time instead of waiting.
import { loadConfig, type Config } from '../../src/config.js';
import { manualClock } from '../../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { jobDeps } from '../../src/jobs/deps.js';
import type { JobDeps } from '../../src/jobs/types.js';
import { createLogger } from '../../src/log/logger.js';
import type { Store } from '../../src/store/database.js';
import type { Messenger, OutgoingMessage, SendResult } from '../../src/jobs/messenger.js';
import { createJobStores } from '../../src/store/job-stores.js';

export const log = createLogger('silent');

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: '0', DATA_DIR: '/tmp/partnership-bot-test-data', ...env });
}

export function depsFor(store: Store, env: Record<string, string> = {}): JobDeps {
  return jobDeps({ config: testConfig(env), log, jobStores: createJobStores(store.db) });
}

export async function withDemo(store: Store, loadedAt = '2026-11-22T09:00:00Z'): Promise<Store> {
  await loadDemoDataIfEmpty(store.db, new Date(loadedAt));
  return store;
}

/** Gives every person a personal conversation (serviceUrl as given) so the sender can reach them. */
export async function reachEveryone(store: Store, serviceUrl = 'http://127.0.0.1:9/', except: string[] = []): Promise<void> {
  const people = await store.db.person.findMany();
  for (const p of people) {
    if (except.includes(p.key)) continue;
    const conversationId = `a:personal-${p.key}`;
    await store.db.conversationRef.create({
      data: {
        conversationId, kind: 'personal', personId: p.id, serviceUrl, tenantId: 'tenant',
        reference: {
          channelId: 'msteams', serviceUrl, conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant' },
          bot: { id: '28:partnership-bot', name: 'Partnership Bot' }, user: { id: `29:${p.key}`, aadObjectId: p.aadObjectId },
        },
      },
    });
  }
}

/**
 * A clock tests move by hand, and a sleep that moves it to the sleeper's wake-up time (no real
 * waiting; concurrent sleepers never add their waits together).
 */
export function virtualTime(start: string) {
  const clock = manualClock(start);
  const sleeps: number[] = [];
  return {
    clock,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      const target = clock.now().getTime() + ms;
      if (target > clock.now().getTime()) clock.set(new Date(target));
      await Promise.resolve();
    },
  };
}

export interface ScriptedSend { at: number; message: OutgoingMessage; result: SendResult }

/**
 * A messenger that answers from a script (one SendResult per call, then ok) and records every
 * call with the clock time: what "the connector" saw.
 */
export function scriptedMessenger(clock: { now(): Date }, script: SendResult[] = []): Messenger & { calls: ScriptedSend[]; delivered: OutgoingMessage[]; script: SendResult[] } {
  const calls: ScriptedSend[] = [];
  const delivered: OutgoingMessage[] = [];
  return {
    calls, delivered, script,
    async send(message) {
      const result = script.shift() ?? { ok: true, status: 200 };
      calls.push({ at: clock.now().getTime(), message, result });
      if (result.ok) delivered.push(message);
      return result;
    },
  };
}
