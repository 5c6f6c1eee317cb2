// The inputs of a card as `npm run chat` asks for them: each with its label, the value the card
// holds (a choice shown by its title, as Teams shows it), and the answer typed read back into the
// value the bot expects (a choice by its number, title or value; a toggle by yes or no).

type Node = Record<string, unknown>;

export interface FormInput {
  id: string;
  label: string;
  kind: 'text' | 'date' | 'time' | 'number' | 'toggle' | 'choice';
  /** The value the card holds now ('' when none). */
  value: string;
  choices: { title: string; value: string }[];
  multi: boolean;
  required: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const KINDS: Record<string, FormInput['kind']> = {
  'Input.Text': 'text', 'Input.Date': 'date', 'Input.Time': 'time', 'Input.Number': 'number', 'Input.Toggle': 'toggle', 'Input.ChoiceSet': 'choice',
};

/** The inputs of a card, in order; not those of a sub-card behind a ShowCard button (they are a form of their own). */
export function formInputs(card: unknown): FormInput[] {
  const found: FormInput[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    const o = n as Node;
    if (o.type === 'Action.ShowCard') return;
    const kind = typeof o.type === 'string' ? KINDS[o.type] : undefined;
    if (kind && typeof o.id === 'string') {
      const choices = Array.isArray(o.choices) ? (o.choices as Node[]).map((c) => ({ title: str(c.title) || str(c.value), value: str(c.value) })) : [];
      found.push({
        id: o.id, kind, choices, label: str(o.label) || str(o.placeholder) || str(o.title) || o.id,
        value: kind === 'toggle' ? str(o.value ?? o.valueOff ?? 'false') : str(o.value),
        multi: o.isMultiSelect === true, required: o.isRequired === true,
      });
    }
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return found;
}

/** A value as a person reads it: a choice by its title ("On track", not "on_track"), a toggle as yes or no. */
export function shownValue(input: FormInput, value: string): string {
  if (input.kind === 'toggle') return value === 'true' ? 'yes' : 'no';
  if (input.kind !== 'choice' || !value) return value;
  return value.split(',').map((v) => input.choices.find((c) => c.value === v)?.title ?? v).join(', ');
}

/** The question for one input: its label, the choices numbered, and the current value by its title. */
export function promptFor(input: FormInput): string {
  const choices = input.kind === 'choice' ? ` (${input.choices.map((c, i) => `${i + 1} ${c.title}`).join(', ')}${input.multi ? '; several with commas' : ''})` : '';
  const toggle = input.kind === 'toggle' ? ' (yes or no)' : '';
  const now = input.value ? ` [${shownValue(input, input.value)}]` : '';
  return `${input.label}${input.required ? ' *' : ''}${choices}${toggle}${now}: `;
}

/** The typed answer as the value the card would send; '' keeps the current value. */
export function readAnswer(input: FormInput, typed: string): { ok: true; value: string } | { ok: false; message: string } {
  const answer = typed.trim();
  if (!answer) return { ok: true, value: input.value };
  if (input.kind === 'toggle') {
    if (/^(y|yes|true|on|1)$/i.test(answer)) return { ok: true, value: 'true' };
    if (/^(n|no|false|off|0)$/i.test(answer)) return { ok: true, value: 'false' };
    return { ok: false, message: 'Please answer yes or no.' };
  }
  if (input.kind !== 'choice') return { ok: true, value: answer };
  const parts = input.multi ? answer.split(',').map((p) => p.trim()).filter(Boolean) : [answer];
  const values: string[] = [];
  for (const part of parts) {
    const byNumber = /^\d+$/.test(part) ? input.choices[Number(part) - 1] : undefined;
    const choice = byNumber ?? input.choices.find((c) => c.title.toLowerCase() === part.toLowerCase() || c.value.toLowerCase() === part.toLowerCase());
    if (!choice) return { ok: false, message: `"${part}" is not one of the choices: ${input.choices.map((c, i) => `${i + 1} ${c.title}`).join(', ')}.` };
    values.push(choice.value);
  }
  return { ok: true, value: values.join(',') };
}

/** Asks for every input in turn (again after an answer that cannot be read); returns the values to send. */
export async function fillForm(inputs: FormInput[], ask: (prompt: string) => Promise<string>, tell: (line: string) => void): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const input of inputs) {
    for (;;) {
      const read = readAnswer(input, await ask(`   ${promptFor(input)}`));
      if (!read.ok) { tell(`   ${read.message}`); continue; }
      if (read.value) values[input.id] = read.value;
      if (read.value !== input.value) tell(`   ${input.label}: ${shownValue(input, read.value) || '(empty)'}`);
      break;
    }
  }
  return values;
}
