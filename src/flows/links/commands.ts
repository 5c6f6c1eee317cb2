// Chat commands that link a group chat or channel to what it is for, read from the text alone:
//   "link this chat to the Batley cluster", "link this channel to the speech and language pool",
//   "link this chat to WS5", "link this channel to the partnership"      (link, or move a link here)
//   "unlink this chat", "unlink this channel from the partnership"       (remove this chat's links)
//   "which chats are linked?"                                            (admins: every linked chat)
//   "what is this chat linked to?"                                       (anyone, in the chat)
// What the words after "to" name is read by src/domain/links/targets.ts.
import { tidyText } from '../command-text.js';

export type LinkCommand =
  | { kind: 'link'; phrase: string }
  | { kind: 'unlink'; phrase?: string }
  | { kind: 'list' }
  | { kind: 'here' };

const THIS = 'this (?:group )?(?:chat|channel|conversation|team)';
const LINK = new RegExp(`^(?:please )?(?:link|connect) ${THIS} (?:to|with) (.{1,200})$`, 'i');
const UNLINK = new RegExp(`^(?:please )?(?:unlink|disconnect) ${THIS}(?: (?:from|to) (.{1,200}))?$`, 'i');
const LIST = /^(?:(?:which|what) (?:group )?(?:chats|channels|chats and channels|conversations) are linked(?: to (?:what|anything))?|(?:list|show)(?: me)?(?: all)? (?:the )?linked (?:chats|channels)|linked (?:chats|channels))$/i;
const HERE = new RegExp(`^(?:what is|what's|whats|is) ${THIS} linked(?: to)?(?: anything| what)?$`, 'i');

/** The command a message gives, or undefined when it is not about linking chats. */
export function parseLinkCommand(typed: string): LinkCommand | undefined {
  const text = tidyText(typed);
  const link = LINK.exec(text);
  if (link) return { kind: 'link', phrase: link[1]!.trim() };
  const unlink = UNLINK.exec(text);
  if (unlink) return unlink[1] ? { kind: 'unlink', phrase: unlink[1].trim() } : { kind: 'unlink' };
  if (LIST.test(text)) return { kind: 'list' };
  if (HERE.test(text)) return { kind: 'here' };
  return undefined;
}
