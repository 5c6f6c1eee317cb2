// A question asked in a chat linked to a workstream or a cluster, that names none, is about that
// workstream or cluster: "what's overdue?" in the WS5 chat is "what's overdue in WS5?", and the
// answer says so ("In WS5, ..."); "when is the next meeting?" in a cluster's chat is that cluster's.
// A question that names its own scope (a workstream, an owner, "my", an area, a reference) keeps it.
import type { ChatScope } from './context.js';
import type { DirectoryIndex } from './directory.js';
import type { Intent } from './intent.js';

export interface Scoped { intent: Intent; lead?: string }

export function scopeToChat(intent: Intent, scope: ChatScope | null, idx: DirectoryIndex): Scoped {
  const ws = scope && scope.workstreamId !== null ? idx.workstreamById.get(scope.workstreamId) : undefined;
  if (intent.kind === 'list') {
    const { fromChat, ...f } = intent.filter;
    // A follow-up keeps the chat's workstream ("and what's at risk?"); one that names another drops it.
    if (ws && fromChat && f.workstreams?.length === 1 && f.workstreams[0]?.id === ws.id) return { intent, lead: `In ${ws.code}` };
    const named = f.workstreams?.length || f.owner || f.ownerIsAsker || f.area || f.refPrefix || f.source;
    if (ws && !named) return { intent: { ...intent, filter: { ...f, workstreams: [ws], fromChat: true } }, lead: `In ${ws.code}` };
    if (fromChat) return { intent: { ...intent, filter: f } };
  }
  const cluster = scope && scope.clusterId !== null ? idx.clusterById.get(scope.clusterId) : undefined;
  if (cluster && intent.kind === 'meetings' && !intent.clusters?.length && !intent.mine) {
    return { intent: { ...intent, clusters: [cluster] } };
  }
  return { intent };
}

/** "In WS5, 3 actions are overdue." The first word keeps its capital when it is a name or a code. */
export function withLead<A extends { text: string }>(answer: A, lead: string | undefined): A {
  if (!lead) return answer;
  const t = answer.text;
  const first = /^\S+/.exec(t)?.[0] ?? '';
  const keep = first.length > 1 && (first === first.toUpperCase() || /\d/.test(first) || first === 'I');
  const rest = keep || !first ? t : `${t.charAt(0).toLowerCase()}${t.slice(1)}`;
  return { ...answer, text: `${lead}, ${rest}` };
}
