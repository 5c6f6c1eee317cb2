// The one way text reaches a card or a Teams message. A plain string is always text: the card
// builders escape it (src/domain/text/escape.ts), so a note like "[verify](https://evil) **x**"
// shows as typed. Markup the bot means (bold references) is built with md`…`, whose
// interpolations are escaped in turn: forgetting to escape a person's words is not possible.
import { escapeTeamsMarkdown } from '../domain/text/escape.js';

const MARKUP = Symbol('markup');

/** Teams Markdown the bot wrote, with every interpolated value already escaped. */
export interface Markup { readonly [MARKUP]: string }

export type Interpolated = string | number | Markup;

function isMarkup(v: unknown): v is Markup {
  return typeof v === 'object' && v !== null && MARKUP in v;
}

/** md`**${ref}** ${title}`: the literal parts are the bot's Markdown, the values are text. */
export function md(strings: TemplateStringsArray, ...values: Interpolated[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((v, i) => { out += (isMarkup(v) ? v[MARKUP] : escapeTeamsMarkdown(String(v))) + (strings[i + 1] ?? ''); });
  return { [MARKUP]: out };
}

/** What goes in a TextBlock's or a fact's text: markup as built, any plain string escaped. */
export function cardMarkdown(value: string | Markup): string {
  return isMarkup(value) ? value[MARKUP] : escapeTeamsMarkdown(value);
}

/** A person's words for the text of a Teams message (which Teams also reads as Markdown). */
export const messageText = escapeTeamsMarkdown;
