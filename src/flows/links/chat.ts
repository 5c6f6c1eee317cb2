// Linking a group chat or channel to a cluster, a pool, a workstream or the partnership; unlinking
// it; and saying what is linked. One flow for all four: what the words name, who may link it and
// what the chat then receives differ only in the target (src/domain/links).
import { SPECIALISM_LABELS } from '../../domain/experts/labels.js';
import { canLink, canListLinks, readLinkTarget, targetWords, type LinkCluster, type LinkTarget } from '../../domain/links/index.js';
import { escapeTeamsMarkdown as asText } from '../../domain/text/escape.js';
import { listWords } from '../../domain/text/list-words.js';
import type { ChatLinks, ChatLinkStore, LinkedChat, LinkedChatRow, LinkRef } from '../../store/chat-links.js';
import { say, type ChatReply, type GroupViewer } from '../group-turn.js';
import type { LinkCommand } from './commands.js';

export interface LinkFlowDeps {
  links: Pick<ChatLinkStore, 'link' | 'unlink' | 'linksOf' | 'linked' | 'linkables'>;
  /** What to say once a chat is linked to a cluster (its next meeting card). */
  clusterLinked(viewer: GroupViewer, cluster: LinkCluster, replaced: LinkedChat | null): Promise<ChatReply>;
}

const NOT_STORED = "I couldn't link this chat just now. Please try again in a moment.";
const GROUP_ONLY = 'Linking works in a group chat or team channel, not in our personal chat: mention me there and say this again, and I\'ll link that chat.';

/** A chat by its name, as text (people name their chats). */
function chatName(c: Pick<LinkedChat, 'name' | 'kind'>): string {
  const kind = c.kind === 'channel' ? 'channel' : 'group chat';
  return c.name ? `${asText(c.name)} (${kind})` : `a ${kind} with no name`;
}

function refOf(t: LinkTarget): LinkRef {
  switch (t.kind) {
    case 'cluster': return { kind: 'cluster', clusterId: t.cluster.id };
    case 'pool': return { kind: 'pool', specialism: t.specialism };
    case 'workstream': return { kind: 'workstream', workstreamId: t.workstream.id };
    case 'partnership': return { kind: 'partnership' };
  }
}

/** What a chat is linked to, as targets (partnership first, then workstream, cluster, pool). */
export function targetsOf(l: ChatLinks): LinkTarget[] {
  return [
    ...(l.partnership ? [{ kind: 'partnership' as const }] : []),
    ...(l.workstream ? [{ kind: 'workstream' as const, workstream: l.workstream }] : []),
    ...(l.cluster ? [{ kind: 'cluster' as const, cluster: l.cluster }] : []),
    ...(l.pool ? [{ kind: 'pool' as const, specialism: l.pool }] : []),
  ];
}


export class LinkFlows {
  constructor(private readonly deps: LinkFlowDeps) {}

  run(command: LinkCommand, viewer: GroupViewer): Promise<ChatReply> {
    switch (command.kind) {
      case 'link': return this.link(viewer, command.phrase);
      case 'unlink': return this.unlink(viewer, command.phrase);
      case 'list': return this.list(viewer);
      case 'here': return this.here(viewer);
    }
  }

  async link(viewer: GroupViewer, phrase: string): Promise<ChatReply> {
    const found = readLinkTarget(phrase, await this.deps.links.linkables());
    if (viewer.conversationKind === 'personal' || !viewer.conversationId) {
      return say(found.ok && found.target.kind === 'cluster'
        ? "Say this in the cluster's group chat or team channel (mentioning me there), and I'll link that chat to the cluster."
        : GROUP_ONLY);
    }
    if (!found.ok) return say(found.message);
    const target = found.target;
    const allowed = canLink(viewer.person, target);
    if (!allowed.ok) return say(allowed.message);
    const linked = await this.deps.links.link(viewer.conversationId, refOf(target));
    if (!linked) return say(NOT_STORED);
    switch (target.kind) {
      case 'cluster': return this.deps.clusterLinked(viewer, target.cluster, linked.replaced);
      case 'pool': {
        const label = SPECIALISM_LABELS[target.specialism];
        return say(`Linked: this is now the ${label} pool. New Experts at Hand requests for ${label} appear here, with reminders about any nobody has picked up.`);
      }
      case 'workstream': {
        const ws = target.workstream;
        const moved = linked.before.workstream && linked.before.workstream.id !== ws.id ? ` It is no longer ${linked.before.workstream.code}'s chat.` : '';
        return say(`Linked: this is now the ${ws.code} chat (${ws.name}). I'll post ${ws.code}'s weekly digest and its lead's alerts here, `
          + `and a question asked here without a workstream, such as "what's overdue?", is about ${ws.code}.${moved}${replacedText(linked.replaced, ws.code)}`);
      }
      case 'partnership':
        return say('Linked: this is now the partnership channel. When a quarterly update round closes, I\'ll post the summary here '
          + `with a link to the published report.${replacedText(linked.replaced, 'partnership')}`);
    }
  }

  async unlink(viewer: GroupViewer, phrase: string | undefined): Promise<ChatReply> {
    if (viewer.conversationKind === 'personal' || !viewer.conversationId) return say('Our personal chat is never linked to anything. Say this in the group chat or channel you want to unlink, mentioning me there.');
    const here = await this.deps.links.linksOf(viewer.conversationId);
    const linked = here ? targetsOf(here.links) : [];
    let chosen = linked;
    if (phrase) {
      const found = readLinkTarget(phrase, await this.deps.links.linkables());
      if (!found.ok) return say(found.message);
      chosen = linked.filter((t) => t.kind === found.target.kind && sameTarget(t, found.target));
      if (chosen.length === 0) return say(`This chat isn't linked to ${targetWords(found.target)}, so there is nothing to unlink.${linkedNow(linked)}`);
    }
    if (chosen.length === 0) return say('This chat isn\'t linked to anything, so there is nothing to unlink.');
    for (const t of chosen) {
      const allowed = canLink(viewer.person, t);
      if (!allowed.ok) return say(allowed.message.replace(/\blink a chat to\b/, 'unlink a chat from').replace('choose the partnership channel', 'unlink the partnership channel'));
    }
    await this.deps.links.unlink(viewer.conversationId, chosen.map((t) => t.kind));
    const rest = linked.filter((t) => !chosen.includes(t));
    return say(`Unlinked: this chat is no longer linked to ${listWords(chosen.map(targetWords))}.${stopsText(chosen)}${rest.length ? ` It is still linked to ${listWords(rest.map(targetWords))}.` : ''}`);
  }

  async list(viewer: GroupViewer): Promise<ChatReply> {
    const allowed = canListLinks(viewer.person);
    if (!allowed.ok) return say(allowed.message);
    const rows = await this.deps.links.linked();
    if (rows.length === 0) return say('No chat is linked yet. In a group chat or channel, mention me and say "link this chat to" a cluster, a workstream, an Experts at Hand pool or the partnership.');
    const lines = rows.map((r: LinkedChatRow) => `- ${chatName(r)}: ${listWords(targetsOf(r.links).map(targetWords))}`);
    return say([`${rows.length === 1 ? '1 chat is' : `${rows.length} chats are`} linked:`, ...lines].join('\n'));
  }

  async here(viewer: GroupViewer): Promise<ChatReply> {
    if (viewer.conversationKind === 'personal' || !viewer.conversationId) return say('Our personal chat is never linked to anything: links are for group chats and channels.');
    const here = await this.deps.links.linksOf(viewer.conversationId);
    const linked = here ? targetsOf(here.links) : [];
    return say(linked.length ? `This chat is linked to ${listWords(linked.map(targetWords))}.` : 'This chat isn\'t linked to anything.');
  }
}

function sameTarget(a: LinkTarget, b: LinkTarget): boolean {
  if (a.kind === 'cluster' && b.kind === 'cluster') return a.cluster.id === b.cluster.id;
  if (a.kind === 'workstream' && b.kind === 'workstream') return a.workstream.id === b.workstream.id;
  if (a.kind === 'pool' && b.kind === 'pool') return a.specialism === b.specialism;
  return a.kind === b.kind;
}

function linkedNow(linked: LinkTarget[]): string {
  return linked.length ? ` It is linked to ${listWords(linked.map(targetWords))}.` : '';
}

function replacedText(replaced: LinkedChat | null, what: string): string {
  return replaced ? ` It replaces the previous ${what === 'partnership' ? 'partnership channel' : `${what} chat`}, ${chatName(replaced)}.` : '';
}

/** What stops coming here once these links are gone. */
function stopsText(gone: LinkTarget[]): string {
  const what = gone.map((t) => {
    switch (t.kind) {
      case 'partnership': return 'quarterly summaries';
      case 'workstream': return `${t.workstream.code}'s digests and alerts`;
      case 'cluster': return `${t.cluster.name} meeting cards and reminders`;
      case 'pool': return `${SPECIALISM_LABELS[t.specialism]} requests`;
    }
  });
  return ` I won't post ${listWords(what)} here any more.`;
}

