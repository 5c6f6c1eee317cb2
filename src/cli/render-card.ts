// Renders an Adaptive Card as plain terminal text, and lists its buttons so the chat CLI
// can press them (Action.Execute → invoke; Action.Submit messageBack → a message; Action.ShowCard
// opens its sub-card).
import { formInputs, shownValue } from './chat-forms.js';

export interface CardButton {
  title: string;
  kind: 'execute' | 'submit' | 'url' | 'show';
  verb?: string;
  data?: Record<string, unknown>;
  url?: string;
  /** The sub-card an Action.ShowCard button opens (a form of its own: Add an agenda item, Answer, Close). */
  card?: Record<string, unknown>;
}

type Node = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function renderCard(card: Node, buttons: CardButton[] = []): string {
  const lines: string[] = [];
  walk(card.body, lines, buttons, '');
  collectActions(card.actions, lines, buttons, '');
  return lines.join('\n');
}

function walk(node: unknown, lines: string[], buttons: CardButton[], indent: string): void {
  if (Array.isArray(node)) { node.forEach((n) => walk(n, lines, buttons, indent)); return; }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  switch (n.type) {
    case 'TextBlock': {
      const text = str(n.text);
      if (text) lines.push(indent + (n.weight === 'Bolder' || n.size === 'Large' || n.size === 'Medium' ? text.toUpperCase() : text));
      break;
    }
    case 'RichTextBlock':
      lines.push(indent + (Array.isArray(n.inlines) ? n.inlines.map((i) => (typeof i === 'string' ? i : str((i as Node).text))).join('') : ''));
      break;
    case 'FactSet':
      for (const f of (n.facts as Node[] | undefined) ?? []) lines.push(`${indent}${str(f.title)}: ${str(f.value)}`);
      break;
    case 'ColumnSet': {
      const cells = ((n.columns as Node[] | undefined) ?? []).map((c) => {
        const inner: string[] = [];
        walk(c.items, inner, buttons, '');
        return inner.join(' ');
      }).filter(Boolean);
      if (cells.length) lines.push(indent + cells.join(' | '));
      if (n.selectAction) collectActions([n.selectAction], lines, buttons, indent);
      break;
    }
    case 'Container':
      walk(n.items, lines, buttons, indent);
      if (n.selectAction) collectActions([n.selectAction], lines, buttons, indent);
      break;
    case 'ActionSet':
      collectActions(n.actions, lines, buttons, indent);
      break;
    case 'Input.Text': case 'Input.Date': case 'Input.Time': case 'Input.ChoiceSet': case 'Input.Number': case 'Input.Toggle': {
      // Shown as Teams shows it: a choice by its title, the other choices after it.
      const [input] = formInputs(n);
      if (!input) break;
      const value = input.value ? ` = ${shownValue(input, input.value)}` : '';
      const choices = input.choices.length ? ` (${input.choices.map((c) => c.title).join(', ')})` : '';
      lines.push(`${indent}[input ${input.id}] ${input.label}${value}${choices}`);
      break;
    }
    default:
      if (Array.isArray(n.items)) walk(n.items, lines, buttons, indent);
  }
}

function collectActions(actions: unknown, lines: string[], buttons: CardButton[], indent: string): void {
  if (!Array.isArray(actions)) return;
  const labels: string[] = [];
  for (const a of actions as Node[]) {
    const title = str(a.title) || 'Open';
    const data = (a.data && typeof a.data === 'object' ? a.data : {}) as Record<string, unknown>;
    const button: CardButton = a.type === 'Action.Execute'
      ? { title, kind: 'execute', verb: str(a.verb), data }
      : a.type === 'Action.OpenUrl' ? { title, kind: 'url', url: str(a.url) }
      : a.type === 'Action.ShowCard' ? { title, kind: 'show', ...(a.card && typeof a.card === 'object' ? { card: a.card as Node } : {}) }
      : { title, kind: 'submit', data };
    buttons.push(button);
    labels.push(`[${buttons.length}] ${title}`);
  }
  if (labels.length) lines.push(indent + labels.join('  '));
}
