// npm run bench:data -- [--actions 100000] [--people 5000] [--out bench/out/plan-100k] [--seed 2026]
// Writes a big, valid, invented plan in the import CSV format: the demo's people, workstreams,
// clusters, settings, meetings and requests, plus generated people and actions. Deterministic for
// a given seed. Statuses are spread so that some open actions are overdue on 2026-11-22.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCsv, writeCsv } from '../src/importer/csv.js';
import { DEMO_DATA_DIR } from '../src/importer/demo-data.js';
import { AREA_LABELS, COLUMNS, type ImportFileName } from '../src/importer/rows.js';
import { ACTION_STATUSES, AREAS, SPECIALISMS, type ActionStatus } from '../src/domain/plan/types.js';

export interface GenerateOptions {
  actions: number;
  people: number;
  out: string;
  seed: number;
}

export interface GeneratedPlan {
  folder: string;
  actions: number;
  people: number;
  overdue: number;
}

export const DEFAULT_OUT = path.resolve(import.meta.dirname, 'out', 'plan-100k');
const TODAY = '2026-11-22';

/** mulberry32: small, fast and good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Alex', 'Amira', 'Ben', 'Bethany', 'Callum', 'Chloe', 'Daniel', 'Deepa', 'Ella', 'Ethan', 'Farah', 'Finn', 'Georgia', 'Hamza',
  'Hannah', 'Imran', 'Isla', 'Jack', 'Jasmine', 'Joseph', 'Kate', 'Kieran', 'Laura', 'Leon', 'Maya', 'Mohammed', 'Naomi', 'Noah', 'Olivia',
  'Oscar', 'Poppy', 'Rahul', 'Rebecca', 'Ryan', 'Sadia', 'Sophie', 'Thomas', 'Usman', 'Victoria', 'Zara'];
const LAST = ['Ahmed', 'Armitage', 'Bailey', 'Bibi', 'Brook', 'Chapman', 'Dawson', 'Ellis', 'Fletcher', 'Gill', 'Haigh', 'Hirst', 'Holroyd',
  'Hussain', 'Iqbal', 'Jagger', 'Kaur', 'Lockwood', "O'Neill", 'Mahmood', 'Marsden', 'Mellor', 'Nolan', 'Pearson', 'Quarmby', 'Rashid', 'Sykes',
  'Singh', 'Sutcliffe', 'Taylor', 'Thornton', 'Wadsworth', 'Walsh', 'Whiteley', 'Wood', 'Yates'];
const ORGANISATIONS = ['Kirklees Council', 'NHS West Yorkshire ICB', 'Kirklees Parent Carer Forum'];
const JOB_TITLES = ['Service Manager', 'Team Manager', 'Commissioning Manager', 'Senior Practitioner', 'Project Officer', 'Inclusion Adviser',
  'Designated Social Care Officer', 'Specialist Teacher', 'Health Visitor Lead', 'Transition Coordinator', 'Data Analyst', 'Headteacher'];
const EXPERT_TITLES: Record<string, string> = {
  occupational_therapy: 'Occupational Therapist', speech_and_language: 'Speech and Language Therapist', educational_psychology: 'Educational Psychologist',
};
const VERBS = ['Review', 'Publish', 'Agree', 'Pilot', 'Audit', 'Embed', 'Co-produce', 'Commission', 'Map', 'Train staff on', 'Evaluate', 'Roll out'];
const OBJECTS = ['the graduated approach guidance', 'the annual review process', 'the Local Offer pages', 'the transitions protocol',
  'the short breaks offer', 'the EHC needs assessment triage', 'the sensory support pathway', '"ordinarily available" provision',
  'the SENCO network programme', 'the parent carer feedback loop', 'the speech, language and communication pathway',
  'the post-16 destinations tracker', 'the joint commissioning framework', 'the waiting list validation'];
const PLACES = ['in Batley and Spen', 'in Dewsbury and Mirfield', 'in Huddersfield', 'across Kirklees Rural', 'for early years settings',
  'for special schools', 'with colleges', 'with health partners', 'with the parent carer forum', ''];
const UPDATES = ['On plan.', 'Draft shared with partners for comment.', 'Waiting for sign-off, expected next month.', 'Funding confirmed.',
  'Delayed: key officer on leave.', 'Two of five milestones met.', 'Partner data still missing, chased twice.', 'Complete, evidence filed.',
  'Scope agreed with the "task and finish" group.', 'Risk raised at the partnership board.'];
const WORKSTREAMS = [['WS1', 'COM'], ['WS2', 'GOV'], ['WS3', 'DAT'], ['WS4', 'INC'], ['WS5', 'EAH'], ['WS6', 'PFA'], ['WS7', 'SUF']] as const;
const SOURCES = ['Big Plan 3', 'SEND reform plan 2026'];

function readDemo(file: ImportFileName): string[][] {
  const { records } = parseCsv(fs.readFileSync(path.join(DEMO_DATA_DIR, file), 'utf8'));
  return records.slice(1).map((r) => r.fields);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function generatePlan(options: GenerateOptions): GeneratedPlan {
  const rnd = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let x = rnd() * items.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of items) { x -= w; if (x < 0) return v; }
    return items[items.length - 1]![0];
  };
  const guid = (): string => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rnd() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };

  // People: the demo's, then invented ones with unique keys, e-mails and Teams ids.
  const people = readDemo('people.csv');
  const keys = new Set(people.map((p) => p[0]!));
  const emails = new Set(people.map((p) => p[2]!));
  const owners = people.filter((p) => p[3]!.split(';').includes('owner')).map((p) => p[0]!);
  while (people.length < options.people) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const base = `${first[0]}${last}`.toLowerCase().replace(/[^a-z]/g, '');
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}${n}`;
    keys.add(key);
    const mailBase = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    let email = `${mailBase}@example.org`;
    for (let n = 2; emails.has(email); n++) email = `${mailBase}${n}@example.org`;
    emails.add(email);
    const role = weighted([['owner', 80], ['lead;owner', 5], ['expert', 7], ['senco', 8]] as const);
    const specialism = role === 'expert' ? pick(SPECIALISMS) : '';
    const jobTitle = role === 'senco' ? 'SENCO' : (specialism && EXPERT_TITLES[specialism]) || pick(JOB_TITLES);
    // Chosen by count, not by the random source, so the rest of the generated plan stays as it was.
    const organisation = role === 'senco' ? '' : ORGANISATIONS[keys.size % ORGANISATIONS.length]!;
    people.push([key, `${first} ${last}`, email, role, specialism, jobTitle, organisation, guid()]);
    if (role.includes('owner')) owners.push(key);
  }

  // Actions: refs per workstream (COM-00001…), due dates from September 2025 to March 2028.
  const counters = new Map<string, number>();
  const start = Date.parse('2025-09-01T00:00:00Z');
  const days = Math.round((Date.parse('2028-03-31T00:00:00Z') - start) / 86_400_000);
  const actions: string[][] = [];
  let overdue = 0;
  for (let i = 0; i < options.actions; i++) {
    const [workstream, prefix] = weighted(WORKSTREAMS.map((w, n) => [w, n === 1 || n === 4 ? 20 : 12] as const));
    const count = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, count);
    const due = isoDay(start + Math.floor(rnd() * (days + 1)) * 86_400_000);
    const past = due < TODAY;
    const status: ActionStatus = past
      ? weighted([['complete', 60], ['off_track', 20], ['at_risk', 12], ['on_track', 5], ['not_started', 3]] as const)
      : weighted([['on_track', 40], ['not_started', 30], ['at_risk', 15], ['off_track', 5], ['complete', 10]] as const);
    if (past && status !== 'complete') overdue++;
    const area = rnd() < 0.45 ? '' : AREA_LABELS[pick(AREAS)];
    const title = `${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)}`.trim();
    const update = status === 'not_started' || rnd() < 0.3 ? '' : pick(UPDATES);
    // No plain title: the columns follow COLUMNS['actions.csv'] (ref, title, plain_title, …).
    actions.push([`${prefix}-${String(count).padStart(5, '0')}`, title, '', workstream, area, pick(owners), due, status, update, pick(SOURCES)]);
  }
  if (!ACTION_STATUSES.every((s) => actions.some((a) => a[7] === s)) && options.actions >= 100) throw new Error('status spread failed');

  const files: Record<ImportFileName, string[][]> = {
    'people.csv': people,
    'workstreams.csv': readDemo('workstreams.csv'),
    'actions.csv': actions,
    'clusters.csv': readDemo('clusters.csv'),
    'settings.csv': readDemo('settings.csv'),
    'meetings.csv': readDemo('meetings.csv'),
    'expert_requests.csv': readDemo('expert_requests.csv'),
    'term_dates.csv': readDemo('term_dates.csv'),
  };
  fs.mkdirSync(options.out, { recursive: true });
  for (const [file, rows] of Object.entries(files) as [ImportFileName, string[][]][]) {
    fs.writeFileSync(path.join(options.out, file), writeCsv([[...COLUMNS[file]], ...rows]));
  }
  return { folder: options.out, actions: actions.length, people: people.length, overdue };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      actions: { type: 'string', default: '100000' },
      people: { type: 'string', default: '5000' },
      out: { type: 'string', default: DEFAULT_OUT },
      seed: { type: 'string', default: '2026' },
    },
  });
  const num = (name: string, v: string, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
    return n;
  };
  const started = performance.now();
  const plan = generatePlan({
    actions: num('actions', values.actions, 0), people: num('people', values.people, 17),
    out: path.resolve(values.out), seed: num('seed', values.seed, 0),
  });
  console.log(`Wrote ${plan.actions} actions (${plan.overdue} overdue on ${TODAY}) and ${plan.people} people to ${plan.folder} in ${Math.round(performance.now() - started)} ms.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
