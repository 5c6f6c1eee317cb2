// The question set for bench:ask, made from the plan folder that was imported (so every
// reference, title word, person and workstream is one the loaded plan really has, or is
// deliberately one it has not). Every question is distinct in its parameters, not only in its
// wording, so no answer can come from a cache filled by an earlier question of the same run.
// Each question is asked by a different person where the plan has enough people with Teams ids.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../src/importer/csv.js';
import { random } from './generate-plan.js';
import { shuffle } from './lib/client.js';

export type Category = 'ref' | 'history' | 'title' | 'title-missing' | 'month' | 'area' | 'workstream' | 'person' | 'mine' | 'plan';

export interface Question { text: string; category: Category; key: string; asker: { aad: string; name: string } }

interface Plan {
  actions: { ref: string; title: string; workstream: string; owner: string; due: string }[];
  people: { key: string; name: string; aad: string }[];
  workstreams: { code: string; prefix: string }[];
  vocabulary: Set<string>;
}

function rows(folder: string, file: string): Record<string, string>[] {
  const { records } = parseCsv(fs.readFileSync(path.join(folder, file), 'utf8'));
  const header = records[0]?.fields ?? [];
  return records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
}

export function readPlan(folder: string): Plan {
  const actions = rows(folder, 'actions.csv').map((a) => ({ ref: a.ref!, title: a.title!, workstream: a.workstream!, owner: a.owner!, due: a.due! }));
  const people = rows(folder, 'people.csv').map((p) => ({ key: p.key!, name: p.name!, aad: p.teams_aad_object_id ?? '' }));
  const prefixes = new Map(actions.map((a) => [a.workstream, a.ref.split('-')[0]!]));
  const workstreams = rows(folder, 'workstreams.csv').map((w) => ({ code: w.code!, prefix: prefixes.get(w.code!) ?? '' }));
  const names = [...rows(folder, 'clusters.csv').map((c) => `${c.name} ${c.area}`), ...rows(folder, 'settings.csv').map((s) => s.name!)];
  const vocabulary = new Set([...actions.map((a) => a.title), ...people.map((p) => p.name), ...names].flatMap((t) => t.toLowerCase().split(/[^a-z]+/)));
  return { actions, people, workstreams, vocabulary };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AREAS = ['EHC plans', 'Communication', 'Preparing for Adulthood', 'health waiting times'];
const STATUS = ['overdue', 'at risk', 'off track', 'on track', 'not started', 'complete'];
const MISSING_ADJ = ['regional', 'digital', 'bilingual', 'mobile', 'outdoor', 'volunteer', 'citywide', 'quarterly', 'paperless', 'refreshed'];
const MISSING_NOUN = ['newsletter', 'minibus', 'helpline', 'podcast', 'roadshow', 'hackathon', 'webinar', 'leaflet', 'playscheme', 'allotment',
  'orchestra', 'canteen', 'chatbot', 'kiosk', 'mascot', 'calendar'];
const STOP = new Set(['the', 'a', 'on', 'in', 'for', 'with', 'and', 'of', 'to', 'across']);

type Pick = <T>(xs: readonly T[]) => T;
type Maker = (plan: Plan, pick: Pick, rnd: () => number) => { key: string; text: string } | null;

/** "COM-00042" as people type it: "com 42", "COM42", "Com-042", "com-00042". */
export function looseRef(ref: string, rnd: () => number): string {
  const [prefix = '', digits = ''] = ref.split('-');
  const n = String(Number(digits));
  const forms = [`${prefix.toLowerCase()} ${n}`, `${prefix}${n}`, `${prefix.charAt(0)}${prefix.slice(1).toLowerCase()}-${n.padStart(3, '0')}`,
    `${prefix.toLowerCase()}-${digits}`, `${prefix.toLowerCase()}${digits}`, ref];
  return forms[Math.floor(rnd() * forms.length)]!;
}

const refQuestion: Maker = (plan, pick, rnd) => {
  const a = pick(plan.actions);
  const r = looseRef(a.ref, rnd);
  const forms = [`who owns ${r}?`, `who's got ${r}`, `when is ${r} due?`, `${r} deadline?`, `${r} status`, `Is ${r} on track?`,
    `latest on ${r}?`, `tell me about ${r}`, `which workstream is ${r} in?`, `how many days late is ${r}`, `what's happening with ${r}?`];
  return { key: a.ref, text: pick(forms) };
};

const historyQuestion: Maker = (plan, pick, rnd) => {
  const a = pick(plan.actions);
  const r = looseRef(a.ref, rnd).replace(/^([A-Za-z]+)(\d)/, '$1 $2');
  return { key: a.ref, text: pick([`history of ${r}`, `what changed on ${r}`, `who changed ${r}`, `show me the history of ${r}`, `${r} history`]) };
};

const titleQuestion: Maker = (plan, pick, rnd) => {
  // Two to four consecutive words of a real title, without stop words at either end.
  const words = pick(plan.actions).title.replace(/"/g, '').split(/\s+/);
  const len = Math.min(words.length, 2 + Math.floor(rnd() * 3));
  const at = Math.floor(rnd() * (words.length - len + 1));
  let phrase = words.slice(at, at + len);
  while (phrase.length && STOP.has(phrase[0]!.toLowerCase())) phrase = phrase.slice(1);
  while (phrase.length && STOP.has(phrase[phrase.length - 1]!.toLowerCase())) phrase = phrase.slice(0, -1);
  if (phrase.length < 2) return null;
  const p = phrase.join(' ').toLowerCase();
  return { key: p, text: pick([`who is doing the ${p}?`, `when is the ${p} due?`, `how is the ${p} going?`, `what's the latest on the ${p}?`, `who's responsible for the ${p}?`]) };
};

const missingTitleQuestion: Maker = (plan, pick) => {
  const p = `${pick(MISSING_ADJ)} ${pick(MISSING_NOUN)}`;
  if (p.split(' ').some((w) => plan.vocabulary.has(w))) return null; // must be in no title, name or place
  return { key: p, text: pick([`who is doing the ${p}?`, `when is the ${p} due?`, `any news on the ${p}?`, `who's in charge of the ${p}?`]) };
};

const monthQuestion: Maker = (plan, pick) => {
  const month = pick(MONTHS);
  const year = pick(['2025', '2026', '2027']);
  const ws = pick([null, ...plan.workstreams]);
  const where = ws ? ` in ${ws.code}` : '';
  return { key: `${month} ${year} ${ws?.code ?? ''}`, text: pick([`What is due in ${month} ${year}${where}?`, `which actions were due in ${month} ${year}${where}`, `due in ${month.toLowerCase()} ${year}${where}?`]) };
};

const areaQuestion: Maker = (_plan, pick) => {
  const area = pick(AREAS);
  const status = pick(STATUS);
  return { key: `${area} ${status}`, text: pick([`What is ${status} in the ${area} area?`, `${status} actions in the ${area} area for improvement`, `how many actions in the ${area} area are ${status}?`]) };
};

const workstreamQuestion: Maker = (plan, pick) => {
  const ws = pick(plan.workstreams);
  const n = ws.code.replace(/\D/g, '');
  const name = pick([ws.code, `ws ${n}`, `workstream ${n}`, ws.code.toLowerCase()]);
  const what = pick(['summary', 'lead', ...STATUS, 'due next month']);
  const text = what === 'summary' ? pick([`How is ${name} doing?`, `Summary of ${name}`])
    : what === 'lead' ? `who leads ${name}?`
      : what === 'due next month' ? `what is due next month in ${name}?`
        : pick([`What is ${what} in ${name}?`, `how many ${what} actions in ${name}?`]);
  return { key: `${ws.code} ${what}`, text };
};

const personQuestion: Maker = (plan, pick) => {
  const counts = new Map<string, number>();
  for (const p of plan.people) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const owners = new Set(plan.actions.map((a) => a.owner));
  const p = pick(plan.people.filter((x) => counts.get(x.name) === 1 && owners.has(x.key)));
  if (!p) return null;
  return { key: p.name, text: pick([`What is ${p.name} working on?`, `what does ${p.name} own that is overdue?`, `${p.name}'s actions due next month`, `How many actions does ${p.name} have?`]) };
};

const MINE = ['What are my open actions?', "what's overdue for me", 'my actions due next month', 'which of my actions are at risk?',
  'how many actions do I own?', 'my off track actions', 'what have I got due in the next two weeks?', 'am I late on anything?'];
const PLAN = ["What's overdue?", 'Which actions are at risk?', 'how many actions are off track?', "What's due in the next two weeks?",
  'what is due this week', 'what was completed last month?', 'How many actions are not started?', 'plan summary'];
const mineQuestion: Maker = (_plan, pick) => { const t = pick(MINE); return { key: t, text: t }; };
const planQuestion: Maker = (_plan, pick) => { const t = pick(PLAN); return { key: t, text: t }; };

/** Shares of the mix, in order; round-robin over these until the count is reached. */
const MIX: [Category, Maker, number][] = [
  ['ref', refQuestion, 9], ['title', titleQuestion, 7], ['title-missing', missingTitleQuestion, 5], ['history', historyQuestion, 5],
  ['month', monthQuestion, 6], ['area', areaQuestion, 3], ['workstream', workstreamQuestion, 5], ['person', personQuestion, 5],
  ['mine', mineQuestion, 1], ['plan', planQuestion, 1],
];

function pickQuestions(plan: Plan, count: number, rnd: () => number): { category: Category; key: string; text: string }[] {
  const pick: Pick = (xs) => xs[Math.floor(rnd() * xs.length)]!;
  const seen = new Set<string>();
  const usedRefs = new Set<string>(); // a ref is asked about once, whether as a question or its history
  const made = new Map<Category, number>();
  const out: { category: Category; key: string; text: string }[] = [];
  const live = [...MIX];
  while (out.length < count && live.length > 0) {
    // The category furthest below its share goes next, so even 20 questions cover the mix.
    live.sort((a, b) => (made.get(a[0]) ?? 0) / a[2] - (made.get(b[0]) ?? 0) / b[2]);
    const [category, make] = live[0]!;
    const isRef = category === 'ref' || category === 'history';
    let q = null;
    for (let attempt = 0; attempt < 200 && !q; attempt++) {
      const c = make(plan, pick, rnd);
      if (c && !seen.has(`${category}:${c.key}`) && !seen.has(c.text.toLowerCase()) && !(isRef && usedRefs.has(c.key))) q = c;
    }
    if (!q) { live.shift(); continue; } // this category has no distinct question left
    seen.add(`${category}:${q.key}`).add(q.text.toLowerCase());
    if (isRef) usedRefs.add(q.key);
    made.set(category, (made.get(category) ?? 0) + 1);
    out.push({ category, ...q });
  }
  return shuffle(out, rnd);
}

/** `count` distinct questions, each with its own asker (owners for "my" questions). */
export function makeQuestions(folder: string, count: number, seed = 15): Question[] {
  const plan = readPlan(folder);
  const rnd = random(seed);
  const picked = pickQuestions(plan, count, rnd);
  if (picked.length < count) throw new Error(`only ${picked.length} distinct questions can be made from ${folder} (wanted ${count})`);
  const owners = new Set(plan.actions.map((a) => a.owner));
  const people = shuffle(plan.people.filter((p) => p.aad), rnd);
  const used = new Set<string>();
  // A different person for every question while the plan has enough; "my" questions need an owner.
  const next = (wantOwner: boolean) => {
    const fresh = people.find((p) => !used.has(p.aad) && (!wantOwner || owners.has(p.key)));
    if (!fresh) used.clear();
    const p = fresh ?? people.find((x) => !wantOwner || owners.has(x.key)) ?? people[0]!;
    used.add(p.aad);
    return { aad: p.aad, name: p.name };
  };
  return picked.map((q) => ({ ...q, asker: next(q.category === 'mine') }));
}
