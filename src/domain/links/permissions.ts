// Who may link a group chat or channel to something, and unlink it:
// - a cluster: that cluster's chair or an admin (src/domain/clusters/permissions.ts);
// - an Experts at Hand pool: an admin;
// - a workstream: that workstream's lead or an admin;
// - the partnership: an admin.
// Seeing every linked chat ("which chats are linked?") is for admins.
import { canLinkClusterChat, canLinkPool, isAdmin, type Permission } from '../clusters/permissions.js';
import type { Person } from '../plan/types.js';
import type { LinkTarget } from './targets.js';

const OK: Permission = { ok: true };
const no = (message: string): Permission => ({ ok: false, message });
const UNKNOWN = "I don't recognise you, so I can't link this chat. Ask an admin to add you to the partnership's people list.";

export function canLink(person: Person | null, target: LinkTarget): Permission {
  switch (target.kind) {
    case 'cluster': return canLinkClusterChat(person, target.cluster);
    case 'pool': return canLinkPool(person);
    case 'workstream': {
      if (!person) return no(UNKNOWN);
      const ws = target.workstream;
      if (isAdmin(person) || (person.active && ws.leadId === person.id)) return OK;
      return no(`Only the lead of ${ws.code} or an admin can link a chat to ${ws.code}.`);
    }
    case 'partnership':
      if (!person) return no(UNKNOWN);
      return isAdmin(person) ? OK : no('Only an admin can choose the partnership channel.');
  }
}

export function canListLinks(person: Person | null): Permission {
  if (!person) return no("I don't recognise you, so I can't list the linked chats.");
  return isAdmin(person) ? OK : no('Only an admin can see which chats are linked. You can ask "what is this chat linked to?" here.');
}
