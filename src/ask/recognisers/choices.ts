// Asking back instead of guessing: when words name more than one person, workstream, cluster or
// setting, the reply offers each as a button that sends the question again, naming it exactly.
import type { Person, Workstream } from '../../domain/plan/types.js';
import type { Mention, WorkstreamMention } from '../directory-search.js';
import type { Choice, Intent } from '../intent.js';
import { stemAll, unique } from '../mentions.js';
import { titleCase } from '../normalise.js';
import { asQuestion, type Question } from '../question.js';
import type { Span } from '../references.js';

/** The question again with the words at `span` replaced: "… Sam …" → "… Sam Jones …?". */
export function replaceSpan(lower: string, span: Span, by: string): string {
  return asQuestion(`${lower.slice(0, span.start)}${by}${lower.slice(span.end)}`);
}

/** The workstreams the mentions agree on: a code or pillar beats words; a phrase beats a single word. */
export function pickWorkstreams(mentions: WorkstreamMention[]): Workstream[] {
  const known = mentions.filter((m) => !m.unknown && m.items.length);
  for (const how of ['code', 'pillar', 'phrase', 'word'] as const) {
    const list = known.filter((m) => m.how === how);
    if (!list.length) continue;
    const all = unique(list.flatMap((m) => m.items));
    // Several mentions that agree on one workstream, or one mention naming several.
    if (how === 'phrase' && all.length > 1) {
      const counts = new Map<Workstream, number>();
      for (const m of list) for (const w of m.items) counts.set(w, (counts.get(w) ?? 0) + 1);
      const best = Math.max(...counts.values());
      return [...counts].filter(([, n]) => n === best).map(([w]) => w);
    }
    return all;
  }
  return [];
}

export function chooseWorkstream(q: Question, mentions: WorkstreamMention[], options: Workstream[]): Intent {
  const m = mentions.find((x) => options.some((o) => x.items.includes(o))) ?? mentions[0];
  const said = m?.text ?? '';
  return {
    kind: 'choose',
    prompt: `"${said}" could mean more than one workstream. Which one do you mean?`,
    choices: options.slice(0, 6).map((w) => ({
      title: `${w.code} ${w.name}`,
      question: m ? replaceSpan(q.lower, m, `${w.code}${/\bwork ?stream\b/.test(m.text) ? ' workstream' : ''}`).replace(/\b(WS\d+) workstream workstream\b/, '$1 workstream') : `How is ${w.code} doing?`,
    })),
  };
}

export function choosePerson(q: Question, m: Mention<Person>): Intent {
  const possessive = /'s?$/.test(m.text);
  const shown = m.items.slice(0, 6);
  const sameName = new Set(shown.map((p) => p.name)).size < shown.length;
  return {
    kind: 'choose',
    prompt: `I know ${m.items.length} people called ${titleCase(m.text.replace(/'s?$/, ''))}. Which one do you mean?`,
    choices: shown.map((p) => {
      // Namesakes are told apart by their key, which the question then carries.
      const name = sameName ? `${p.name} (${p.key})` : p.name;
      return { title: p.jobTitle ? `${name}, ${p.jobTitle}` : name, question: replaceSpan(q.lower, m, possessive ? `${name}'s` : name) };
    }),
  };
}

/** "More than one cluster matches …": one button per thing the words could mean. */
export function chooseAmong<T>(q: Question, what: string, m: Mention<T>, title: (item: T) => string, name: (item: T) => string): Intent {
  const choices: Choice[] = m.items.slice(0, 6).map((x) => ({ title: title(x), question: replaceSpan(q.lower, m, name(x)) }));
  return { kind: 'choose', prompt: `More than one ${what} matches "${titleCase(m.text)}". Which one do you mean?`, choices };
}

/**
 * A workstream named only by words of its name, among other words a title may hold ("who owns
 * the shared accountability framework action", "the joint post-16 sufficiency review"): an
 * action whose title holds every word answers first, and the workstream reading only if none
 * does. `verbs` are the question's own words ("lead", "charge") that no title is about.
 */
export function titleBeforeWorkstream(q: Question, intent: Intent, verbs: ReadonlySet<string> = new Set()): Intent {
  const mentions = q.workstreams.filter((m) => !m.unknown);
  if (q.cues.workstreamWord || !mentions.length || mentions.some((m) => m.how === 'code' || m.how === 'pillar')) return intent;
  if (!q.mentions.listWords.some((w) => !verbs.has(w))) return intent;
  const words = stemAll(q.mentions.detailWords.filter((w) => !verbs.has(w)));
  return words.length >= 2 ? { kind: 'actionSearch', words, aspects: q.aspects, fallback: intent, whole: true } : intent;
}
