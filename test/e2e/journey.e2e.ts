// The journeys in a real Teams client emulator: Microsoft 365 Agents Playground (0.2.28) driven by
// Debian Chromium, headless, through playwright-core. Nobody here wrote that client: what it shows
// is what the bot really sent. Screenshots go to docs/screenshots/.
//
// Owen Price (an action owner): the welcome; "What's overdue?"; the update card, a status changed
// and the card replaced in place; the same question in a group chat with an @mention; in that chat,
// the message extension from the compose box (a search by words of a title, then "com 6", COM-06
// picked from the list and its card sent to the chat); a proactive nudge from
// `npm run job -- owner-nudges` with a pinned clock against the same database.
// Emma Clarke (a SENCO): an Experts at Hand request raised from its card.
//
// Each run starts a fresh Playground (its state is in memory) and a fresh database: PostgreSQL when
// one answers (TEST_DATABASE_URL, default postgres@127.0.0.1:5432), otherwise the embedded one.
// Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) everything is skipped, visibly.
import { spawn } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSearchCommand } from '../../src/cli/playground-manifest.js';
import { startPlayground, type RunningPlayground } from '../../src/cli/playground.js';
import { ROOT, STEP_MS, chat, freshDatabase, hasChromium, messageExtension, openBrowser, openPlayground } from './playground-page.js';

const DEMO_NOW = '2026-11-22T09:00:00Z';
/** The next working day at 09:00 in London: when the scheduler runs owner nudges. */
const NUDGE_NOW = '2026-11-23T09:00:00Z';

function runJob(name: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'job', '--', name], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
    const timer = setTimeout(() => { child.kill('SIGTERM'); reject(new Error(`npm run job -- ${name} took over 60 s:\n${output}`)); }, 60_000);
    child.once('error', (err) => { clearTimeout(timer); reject(err); });
    child.once('exit', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

describe.runIf(hasChromium)('Owen Price, an action owner, in the Playground', () => {
  let browser: Browser;
  let playground: RunningPlayground;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let page: Page;
  let c: ReturnType<typeof chat>;

  beforeAll(async () => {
    database = await freshDatabase();
    if (!database) console.warn('[e2e] PostgreSQL is not reachable: using the embedded database (the bot stops before the nudge job runs).');
    playground = await startPlayground({ playgroundPort: 0, now: DEMO_NOW, databaseUrl: database?.url });
    browser = await openBrowser();
    page = await openPlayground(browser, playground.url);
    c = chat(page);
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await database?.drop();
  });

  it('welcomes Owen by name when the personal chat opens', async () => {
    const welcome = c.cards.filter({ hasText: 'Hello Owen!' });
    await welcome.waitFor();
    await expect.poll(() => welcome.innerText()).toMatch(/snooze reminders/i);
    await c.shot('e2e-01-personal-welcome');
  });

  it('answers "What\'s overdue?" with the overdue actions, Owen\'s COM-06 among them', async () => {
    const reply = await c.ask("What's overdue?", /Overdue actions/);
    const text = await reply.innerText();
    expect(text).toMatch(/6 actions/);
    expect(text).toMatch(/COM-06/);
    expect(text).toMatch(/8 days late/);
    await c.shot('e2e-02-whats-overdue');
  });

  it('opens the update card for COM-06, changes its status, and the card is replaced in place', async () => {
    const answer = await c.ask('Who owns COM-06?', /Owen Price/);
    const messages = await c.cards.count();
    await answer.getByRole('button', { name: 'Update' }).click();

    // Action.Execute "action.edit": the same message now holds the form.
    const form = c.cards.filter({ hasText: 'Update COM-06' }).last();
    await form.waitFor();
    expect(await c.cards.count()).toBe(messages);
    await form.getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'On track' }).click();
    await form.getByRole('textbox').first().fill('North venue booked at Dewsbury Town Hall.');
    await c.shot('e2e-03-update-card');

    await form.getByRole('button', { name: 'Save' }).click();
    const saved = c.cards.filter({ hasText: 'Saved. COM-06 is now on track' }).last();
    await saved.waitFor();
    expect(await c.cards.count()).toBe(messages);
    expect(await saved.innerText()).toMatch(/North venue booked at Dewsbury Town Hall\./);
    await c.shot('e2e-04-card-replaced');

    // The change is stored: asking again shows it.
    const again = await c.ask('Who owns COM-06?', /Owen Price/);
    expect(await again.innerText()).toMatch(/on track/i);
  });

  it('answers the same question in the group chat when @mentioned', async () => {
    await page.getByRole('treeitem', { name: /Batley cluster SENCOs/ }).click();
    const before = await c.cards.count();
    await c.mention('Partnership Bot', "what's overdue?");
    await expect.poll(() => c.cards.count(), { timeout: STEP_MS }).toBeGreaterThan(before);
    const reply = c.cards.filter({ hasText: /Overdue actions/ }).last();
    await reply.waitFor();
    expect(await reply.innerText()).toMatch(/COM-06/);
    await c.shot('e2e-05-group-chat-mention');
  });

  it('finds COM-06 with the message extension from the compose box and shares its card in the group chat', async () => {
    // Still in "Batley cluster SENCOs". The Playground reads no manifest: it is told the search
    // command's id and parameter, as the manifest tells Teams.
    const me = messageExtension(page);
    const command = manifestSearchCommand();
    await me.open(command.id, command.parameter);

    // Words of a title find it too.
    await me.search('local offer events', /COM-06/);

    // A loose reference: one result, with its reference, title, status (changed above) and due date.
    const row = await me.search('com 6', /COM-06 Hold Local Offer Live events/);
    await expect.poll(() => me.rows.count(), { timeout: STEP_MS }).toBe(1);
    expect(await row.innerText()).toMatch(/on track, due 14 November 2026 \(8 days late\) · Owen Price/);
    await c.shot('e2e-09-compose-search');

    // Picked: the card goes into the compose box, and is sent from there.
    const messages = await c.sent.count();
    await row.click();
    await me.panel.waitFor({ state: 'hidden' });
    await expect.poll(() => c.composer.innerText(), { timeout: STEP_MS }).toMatch(/COM-06 Hold Local Offer Live events/);
    await page.getByRole('button', { name: 'Send Message' }).click();
    await expect.poll(() => c.sent.count(), { timeout: STEP_MS }).toBeGreaterThan(messages);
    const shared = c.sent.last();
    const text = await shared.innerText();
    expect(text).toMatch(/COM-06 Hold Local Offer Live events in North and South Kirklees/);
    expect(text).toMatch(/Owen Price/);
    expect(text).toMatch(/Saturday 14 November 2026/);
    expect(text).toMatch(/North venue booked at Dewsbury Town Hall\./);
    // Read-only: whoever reads the chat may not own the action.
    expect(await shared.getByRole('button', { name: 'Update' }).count()).toBe(0);
    await expect.poll(() => c.composer.innerText(), { timeout: STEP_MS }).not.toMatch(/COM-06/);
    await c.shot('e2e-10-compose-card-shared');
  });

  it('receives a proactive nudge when the owner-nudges job runs with a pinned clock', async () => {
    await page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    await c.cards.filter({ hasText: 'Hello Owen!' }).waitFor();
    const before = await c.cards.count();
    // The embedded database belongs to one process at a time: let the job have it.
    if (!database) await playground.stopBot();
    const env = { ...process.env as Record<string, string>, ...playground.botEnvironment, CLOCK_NOW: NUDGE_NOW, LOG_LEVEL: 'warn' };
    const job = await runJob('owner-nudges', env);
    expect(job.code, job.output).toBe(0);
    expect(job.output).toMatch(/Sent [1-9]/);

    await expect.poll(() => c.cards.count(), { timeout: STEP_MS }).toBeGreaterThan(before);
    const nudge = c.last();
    const text = await nudge.innerText();
    expect(text).toMatch(/COM-06/);
    expect(text).toMatch(/COM-03/); // due within the week
    await c.shot('e2e-06-proactive-nudge');
  });
});

describe.runIf(hasChromium)('Emma Clarke, a SENCO, raises an Experts at Hand request', () => {
  let browser: Browser;
  let playground: RunningPlayground;
  let page: Page;

  beforeAll(async () => {
    playground = await startPlayground({ playgroundPort: 0, now: DEMO_NOW, as: 'eclarke' });
    browser = await openBrowser();
    page = await openPlayground(browser, playground.url);
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });

  it('fills in the request card and gets a reference back in the same card', async () => {
    const c = chat(page);
    await c.cards.filter({ hasText: 'Hello Emma!' }).waitFor();
    const form = await c.ask('new Experts at Hand request', /New Experts at Hand request/);
    const messages = await c.cards.count();
    await form.getByRole('radio', { name: 'Speech and language therapy' }).check();
    await form.getByRole('radio', { name: 'Whole-setting support' }).check();
    await form.getByRole('textbox').first().fill('A Year 2 class where several pupils have limited expressive vocabulary; we would like whole-class strategies.');
    await c.shot('e2e-07-experts-at-hand-form');
    await form.getByRole('button', { name: 'Send to Experts at Hand' }).click();
    const sent = c.cards.filter({ hasText: /EAH-R-\d+/ }).last();
    await sent.waitFor();
    expect(await c.cards.count()).toBe(messages);
    expect(await sent.innerText()).toMatch(/speech and language/i);
    await c.shot('e2e-08-experts-at-hand-sent');
  });
});
