// answerQuestion over the demo plan: a meeting's length, who raised a request (and who may be
// told), what Experts at Hand is, and one's own requests of a specialism; with near-misses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type Answer, type Asker } from '../../src/ask/answer-question.js';
import { SPECIALISM_LABELS, SUPPORT_KIND_LABELS } from '../../src/domain/experts/index.js';
import type { PlanReader } from '../../src/domain/plan/reader.js';
import type { Person } from '../../src/domain/plan/types.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { toPerson } from '../../src/store/people.js';
import { PrismaPlanReader } from '../../src/store/cached-plan-reader.js';
import { MeasureStore } from '../../src/store/measures.js';
import { cardProblems } from '../cards/support-validate.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const clock = fixedClock('2026-11-22T09:00:00Z');

/** The answer's text and every string its cards show. */
function visible(a: Answer): string {
  const out: string[] = [a.text];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    for (const v of Object.values(n)) { if (typeof v === 'string') out.push(v); else walk(v); }
  };
  walk(a.cards);
  return out.join('\n');
}

describeEachStore('Experts at Hand and meeting answers over the demo plan', (kind) => {
  let store: Store;
  let reader: PlanReader;
  let measures: MeasureStore;
  const people: Record<string, Person> = {};
  const ask = async (text: string, as: string, conversationKind: Asker['conversationKind'] = 'personal') => {
    const a = await answerQuestion(text, { person: people[as] ?? null, conversationKind }, { reader, clock, measures: () => measures.all(), onError: (e) => { throw e; } });
    for (const card of a.cards) expect(cardProblems(card)).toEqual([]);
    return a;
  };

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, clock.now());
    for (const p of await store.db.person.findMany()) people[p.key] = toPerson(p);
    reader = new PrismaPlanReader(store.db);
    measures = new MeasureStore(store.db);
  });
  afterAll(async () => { await store.close(); });

  describe("a meeting's length", () => {
    it('leads with the length when asked, however it is asked', async () => {
      for (const text of ['how long is the holme valley meeting', 'how long does the holme valley cluster meeting last?', "what's the length of the next holme valley meeting"]) {
        const a = await ask(text, 'amorgan');
        expect(a.text, text).toMatch(/^The next Holme Valley cluster meeting lasts 1 hour 30 minutes: it is on Thursday 3 December 2026 from 09:30 to 11:00 at /);
        expect(visible(a), text).toContain('09:30 to 11:00 (1 hour 30 minutes)');
      }
      expect((await ask('how long is the next huddersfield north meeting?', 'amorgan')).text).toContain('lasts 1 hour 15 minutes');
    });

    it('every meeting answer says how long it lasts', async () => {
      expect((await ask('when is the next batley cluster meeting?', 'amorgan')).text).toContain('from 13:30 to 15:00 (1 hour 30 minutes)');
      expect(visible(await ask('tell me about the holme valley cluster', 'amorgan'))).toContain('09:30 to 11:00 (1 hour 30 minutes)');
    });

    it('is not taken for the measure about attending cluster meetings', async () => {
      expect((await ask('how long does the batley cluster meeting last', 'amorgan')).text).not.toMatch(/\d+%/);
      expect((await ask('how is attendance at cluster meetings?', 'amorgan')).text).toMatch(/\d+%/);
    });
  });

  describe('who raised a request', () => {
    it('names the person to those who may read the request, in text and card', async () => {
      for (const [text, as, raiser] of [
        ['who raised EAH-R-0001', 'amorgan', 'Emma Clarke'], ['who made request eah-r-2', 'cbarnes', 'Aisha Khan'], ['who asked for EAH-R-0003?', 'btaylor', 'Ben Taylor'],
      ] as const) {
        const a = await ask(text, as);
        expect(a.text, text).toMatch(new RegExp(`^EAH-R-000\\d was raised by ${raiser} \\(SENCO\\)`));
        expect(visible(a), text).toContain('Raised by');
      }
      // Any answer about the request carries it.
      expect((await ask('status of eah-r-2', 'akhan')).text).toContain('raised by Aisha Khan (SENCO)');
    });

    it('tells others the setting only, and why', async () => {
      for (const [as, chat] of [['pshah', 'personal'], ['amorgan', 'groupChat']] as const) {
        const a = await ask('who raised EAH-R-0002?', as, chat);
        expect(a.text).toMatch(/^EAH-R-0002 was raised by Riverside Academy in the Dewsbury North cluster on 17 November 2026\. The name of the person/);
        expect(visible(a)).not.toContain('Aisha Khan');
        expect(visible(a)).not.toContain('Raised by');
      }
    });

    it('near-miss: an action of the Experts at Hand workstream is still that action', async () => {
      const a = await ask('who owns EAH-02', 'amorgan');
      expect(a.text).toContain('Dev Patel');
      expect(a.text).not.toContain('EAH-R-');
    });
  });

  describe('what Experts at Hand is', () => {
    it("names the domain's specialisms and kinds of help, and how to make a request", async () => {
      for (const text of ['what specialisms do experts at hand cover', 'what kinds of help can I get from experts at hand', 'what is experts at hand']) {
        const a = await ask(text, 'akhan');
        for (const label of [...Object.values(SPECIALISM_LABELS), ...Object.values(SUPPORT_KIND_LABELS)]) expect(a.text, text).toContain(label);
        expect(a.text, text).toContain('"new Experts at Hand request"');
        expect(a.text, text).toContain('Fatima Ali');
        expect(JSON.stringify(a.cards), text).toContain('Start a request');
      }
    });

    it('near-miss: "who are the experts at hand" still lists the experts with their contacts', async () => {
      expect((await ask('who are the experts at hand?', 'akhan')).text).toMatch(/^The Experts at Hand experts are: .*fatima\.ali@example\.org/);
    });
  });

  describe("one's own requests of a specialism", () => {
    it('shows the asker\'s requests of that specialism with their status', async () => {
      for (const text of ['has my OT request been assigned yet?', 'any news on my occupational therapy request', 'has anyone picked up my OT referral?']) {
        const a = await ask(text, 'btaylor');
        expect(a.text, text).toBe('You have 1 occupational therapy request in Experts at Hand. EAH-R-0003 is new: it is waiting for an expert to pick it up.');
      }
      const ep = await ask("what's happening with my ed psych request", 'akhan');
      expect(ep.text).toContain('EAH-R-0002 is assigned to Chloe Barnes');
    });

    it('says when they have none of that specialism, and how to make one', async () => {
      const a = await ask('any news on my speech therapy request', 'btaylor');
      expect(a.text).toMatch(/^You have not made a speech and language therapy request through Experts at Hand\. Your other requests are EAH-R-0003 \(occupational therapy\)\./);
      expect(a.text).toContain('"I need advice from a speech and language therapist"');
      expect(JSON.stringify(a.cards)).toContain('I need advice from a speech and language therapist');
    });

    it('near-miss: "I need an OT" still starts a request', async () => {
      const a = await ask('I need an OT', 'btaylor');
      expect(a.text).toMatch(/^To get help from an occupational therapist, make an Experts at Hand request/);
      expect(JSON.stringify(a.cards)).toContain('I need advice from an occupational therapist');
    });
  });
});
