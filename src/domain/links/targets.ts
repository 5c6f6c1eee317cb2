// What "link this chat to …" names: the partnership, an Experts at Hand pool, a workstream or a
// cluster. One reader for all four, so every link command reads the same words the same way:
//   "the partnership", "the partnership channel"           → the partnership
//   "the speech and language pool", "the OT pool"           → a pool
//   "WS5", "ws 5", "workstream 5", "the data and insight workstream" → a workstream
//   "the Batley cluster", "Batley", "BS1"                   → a cluster
import { matchCluster, type NamedCluster } from '../clusters/names.js';
import { parseSpecialism, SPECIALISM_LABELS } from '../experts/labels.js';
import { SPECIALISMS, type Specialism, type Workstream } from '../plan/types.js';

export interface LinkCluster extends NamedCluster { chairId: number | null }

export type LinkTarget<C extends LinkCluster = LinkCluster> =
  | { kind: 'partnership' }
  | { kind: 'pool'; specialism: Specialism }
  | { kind: 'workstream'; workstream: Workstream }
  | { kind: 'cluster'; cluster: C };

export type LinkKind = LinkTarget['kind'];

/** The target a phrase names, or the sentence to say when it names none or several. */
export type TargetMatch<C extends LinkCluster> = { ok: true; target: LinkTarget<C> } | { ok: false; message: string };

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, '').replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
const PARTNERSHIP = /\bpartnership(?: (?:channel|chat|team))?$/;
const POOL = /\bpool$/;
const WORKSTREAM_WORD = /\b(?:ws ?\d{1,3}|work ?streams?)\b/;
const CLUSTER_WORD = /\bcluster\b/;
/** "WS5", "ws 5", "ws-5", "workstream 5", "work stream 5", "the ws5 workstream". */
const WORKSTREAM_NUMBER = /^(?:the )?(?:ws|work ?stream)(?: number)? ?(\d{1,3})(?: work ?stream)?$/;

/** A quoted phrase, shortened: what someone typed, said back. */
export const said = (phrase: string) => `"${phrase.length > 60 ? `${phrase.slice(0, 57)}...` : phrase}"`;

function workstreamName(w: Pick<Workstream, 'code' | 'name'>): string {
  return `${w.code} (${w.name})`;
}

function workstreamList(workstreams: readonly Workstream[]): string {
  return workstreams.map(workstreamName).join('; ');
}

/** The workstream a phrase names: by code ("WS5", "ws 5", "workstream 5") or by words of its name. */
export function matchWorkstream(phrase: string, workstreams: readonly Workstream[]): { kind: 'one'; workstream: Workstream } | { kind: 'many'; workstreams: Workstream[] } | { kind: 'none' } {
  const text = norm(phrase);
  const number = WORKSTREAM_NUMBER.exec(text)?.[1];
  const code = number !== undefined ? `ws${Number(number)}` : text.replace(/^the /, '').replace(/ /g, '');
  const byCode = workstreams.filter((w) => norm(w.code).replace(/ /g, '').replace(/(\D)0+(\d)/, '$1$2') === code);
  if (byCode.length === 1) return { kind: 'one', workstream: byCode[0]! };
  if (number !== undefined) return { kind: 'none' };
  const words = text.replace(/^the /, '').replace(/ ?\bwork ?stream\b/g, '').trim();
  if (!words) return { kind: 'none' };
  const named = workstreams.filter((w) => ` ${norm(w.name)} `.includes(` ${words} `));
  if (named.length === 1) return { kind: 'one', workstream: named[0]! };
  return named.length > 1 ? { kind: 'many', workstreams: named } : { kind: 'none' };
}

/** Reads what a link names against the plan's clusters and workstreams. */
export function readLinkTarget<C extends LinkCluster>(phrase: string, plan: { clusters: readonly C[]; workstreams: readonly Workstream[] }): TargetMatch<C> {
  const text = norm(phrase);
  if (PARTNERSHIP.test(text)) return { ok: true, target: { kind: 'partnership' } };
  if (POOL.test(text)) {
    const specialism = parseSpecialism(phrase);
    if (specialism) return { ok: true, target: { kind: 'pool', specialism } };
    return { ok: false, message: `Which pool? The Experts at Hand pools are: ${SPECIALISMS.map((s) => SPECIALISM_LABELS[s]).join(', ')}.` };
  }
  const aboutWorkstream = WORKSTREAM_WORD.test(text);
  const ws = matchWorkstream(phrase, plan.workstreams);
  if (ws.kind === 'one' && !CLUSTER_WORD.test(text)) return { ok: true, target: { kind: 'workstream', workstream: ws.workstream } };
  if (ws.kind === 'many') return { ok: false, message: `Which workstream do you mean: ${ws.workstreams.map((w) => w.code).join(' or ')}?` };
  if (aboutWorkstream) return { ok: false, message: unknownWorkstream(phrase, plan.workstreams) };
  const cluster = matchCluster(phrase, [...plan.clusters]);
  if (cluster.kind === 'one') return { ok: true, target: { kind: 'cluster', cluster: cluster.cluster } };
  if (cluster.kind === 'many') return { ok: false, message: `Which cluster do you mean: ${cluster.clusters.map((c) => c.name).join(' or ')}?` };
  const clusters = plan.clusters.map((c) => c.name).join(', ');
  if (CLUSTER_WORD.test(text)) return { ok: false, message: `I don't know a cluster called ${said(phrase)}. The clusters are: ${clusters || 'none yet'}.` };
  return {
    ok: false,
    message: `I don't know a cluster or workstream called ${said(phrase)}. I can link a chat to a cluster (${clusters || 'none yet'}), `
      + `a workstream (${plan.workstreams.map((w) => w.code).join(', ') || 'none yet'}), an Experts at Hand pool or the partnership.`,
  };
}

function unknownWorkstream(phrase: string, workstreams: readonly Workstream[]): string {
  if (workstreams.length === 0) return `I don't know a workstream called ${said(phrase)}: the plan has no workstreams yet.`;
  return `I don't know a workstream called ${said(phrase)}. The workstreams are: ${workstreamList(workstreams)}.`;
}

/** "the Batley cluster", "WS5", "the speech and language pool", "the partnership": a target in words. */
export function targetWords(t: LinkTarget): string {
  switch (t.kind) {
    case 'partnership': return 'the partnership';
    case 'pool': return `the ${SPECIALISM_LABELS[t.specialism]} pool`;
    case 'workstream': return t.workstream.code;
    case 'cluster': return `the ${t.cluster.name} cluster`;
  }
}
