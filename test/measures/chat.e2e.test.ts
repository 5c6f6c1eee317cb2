// Outcome measures in chat, through /api/messages on both stores: asking how a measure is doing,
// and recording a reading (only its owner, the lead, or an admin; who asks comes from Teams).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

describeEachStore('outcome measures in chat', (kind) => {
  let store: Store;
  let bot: TestBot;
  const clock = manualClock(DEMO_NOW);

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store, { clock });
  });
  afterAll(async () => { await bot.close(); });

  const readings = async (ref: string) =>
    (await store.db.measureReading.findMany({ where: { measure: { ref } }, orderBy: { id: 'asc' }, include: { recordedBy: true } }));

  it('"how are wheelchair waits doing?" gives the latest figure, the trend and the course', async () => {
    const reply = await bot.say('how are wheelchair waits doing?', { as: null });
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/Average wait for a wheelchair assessment: Getting better: 23 weeks on 30 September 2026, down from 27 weeks on 30 June 2026\./);
    expect(reply.text).toMatch(/On course for the target of 18 weeks by 31 March 2027\./);
  });

  it('"how are we doing on EHC plans?" answers the EHC measure, off course, with where it would get to', async () => {
    const reply = await bot.say('How are we doing on EHC plans?', { as: 'oprice' });
    expect(reply.text).toMatch(/EHC plans issued within 20 weeks: Getting better: 52% on 30 September 2026, up from 47%/);
    expect(reply.text).toMatch(/Off course for the target of 65% by 31 March 2027\. At this rate it would be about 61% by then\./);
  });

  it('"show the measures" lists every measure with its course', async () => {
    const reply = await bot.say('show the measures', { as: 'oprice' });
    expect(reply.text).toMatch(/The plan has 4 measures: /);
    for (const name of ['EHC plans issued within 20 weeks', 'Average wait for speech and language therapy', 'Schools at their cluster SENCO meeting']) {
      expect(reply.text).toContain(name);
    }
  });

  it("the action's owner records a figure, which becomes the latest, with the trend from the one before", async () => {
    const before = (await readings('EHC-20WK')).length;
    const reply = await bot.say('record 62% for EHC plans in 20 weeks', { as: 'nhussain' });
    expect(reply.text).toBe(
      'Recorded 62% for EHC plans issued within 20 weeks on 22 November 2026. Getting better: 62% on 22 November 2026, up from 52% on 30 September 2026. On course for the target of 65% by 31 March 2027.',
    );
    const rows = await readings('EHC-20WK');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ value: 62, via: 'chat', source: null });
    expect(rows.at(-1)!.recordedBy?.key).toBe('nhussain');
    const asked = await bot.say('how are we doing on EHC plans?', { as: null });
    expect(asked.text).toMatch(/62% on 22 November 2026/);
  });

  it('the workstream lead records for a workstream measure, with a date and a source', async () => {
    const reply = await bot.say('record 81% for attendance at cluster meetings on 31 October 2026 from the cluster registers', { as: 'dpatel' });
    expect(reply.text).toMatch(/^Recorded 81% for Schools at their cluster SENCO meeting on 31 October 2026\./);
    expect((await readings('CLUSTER-ATTEND')).at(-1)).toMatchObject({ value: 81, source: 'the cluster registers' });
  });

  it('refuses someone who does not answer for the measure, and a visitor; nothing is recorded', async () => {
    const before = (await readings('WHEELCHAIR-WAIT')).length;
    const refused = await bot.say('record 20 weeks for wheelchair waits', { as: 'oprice' });
    expect(refused.text).toBe('Only the owner of HLT-01, the lead of its workstream, or an admin can record figures for Average wait for a wheelchair assessment.');
    const stranger = await bot.say('record 20 weeks for wheelchair waits', { as: null });
    expect(stranger.text).toMatch(/I don't know you in the plan yet/);
    expect(await readings('WHEELCHAIR-WAIT')).toHaveLength(before);
  });

  it('an admin may record; bad figures, units, dates and child data are refused with the reason', async () => {
    const before = (await readings('THERAPY-WAIT')).length;
    expect((await bot.say('record 120% for EHC plans in 20 weeks', { as: 'amorgan' })).text).toBe('Nothing was recorded: the reading must be a percentage from 0 to 100.');
    expect((await bot.say('record 25% for therapy waits', { as: 'amorgan' })).text)
      .toBe('Average wait for speech and language therapy is counted in weeks, not %. Nothing was recorded.');
    expect((await bot.say('record 25 weeks for therapy waits on 2027-01-31', { as: 'amorgan' })).text).toBe('Nothing was recorded: the reading date is in the future.');
    const child = await bot.say('record 25 weeks for therapy waits from Jayden Smith DOB 03/04/2015', { as: 'amorgan' });
    expect(child.text).toMatch(/^Nothing was recorded: the source looks like it holds a child's details/);
    expect(child.text).not.toContain('Jayden');
    expect(await readings('THERAPY-WAIT')).toHaveLength(before);
    expect((await bot.say('record 25 weeks for therapy waits', { as: 'amorgan' })).text).toMatch(/^Recorded 25 weeks for Average wait for speech and language therapy/);
  });

  it('asks which measure when the words fit two, and says what there is when they fit none', async () => {
    expect((await bot.say('record 20 weeks for waits', { as: 'amorgan' })).text)
      .toMatch(/^That could be Average wait for speech and language therapy \(THERAPY-WAIT\) or Average wait for a wheelchair assessment \(WHEELCHAIR-WAIT\)\./);
    expect((await bot.say('record 20 for bus journeys', { as: 'amorgan' })).text).toMatch(/^I can't find a measure like that\. The measures are: /);
  });
});
