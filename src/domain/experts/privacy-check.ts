// Free text people type into cards (request summaries, answers, outcomes, agenda items, notes) goes
// through the partnership's privacy screen (src/domain/privacy) before anything is stored. This
// only turns the screen's reasons into one message naming the field; the text itself is never
// repeated, stored or logged when it is refused.
import { type ScreenOptions, screenText } from '../privacy/index.js';

export interface ScreenedField { label: string; text: string }

export type FieldsCheck = { ok: true } | { ok: false; message: string; codes: string[] };

/** options.adultNames: the plan's directory, whose people may be named. */
export function screenFields(fields: ScreenedField[], options: ScreenOptions = {}): FieldsCheck {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const f of fields) {
    if (!f.text.trim()) continue;
    const result = screenText(f.text, options);
    if (result.ok) continue;
    const reasons = [...new Map(result.reasons.map((r) => [r.code, r])).values()];
    reasons.forEach((r) => codes.add(r.code));
    problems.push(`${f.label}: ${reasons.map((r) => r.message).join(' ')}`);
  }
  if (problems.length === 0) return { ok: true };
  return {
    ok: false,
    codes: [...codes],
    message: `I haven't saved this, so that no child can be identified. ${problems.join(' ')} Your text is still in the form: edit it and send it again.`,
  };
}
