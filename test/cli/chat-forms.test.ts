// The card inputs of `npm run chat`: labels, choices by title, answers read back into values.
import { describe, expect, it } from 'vitest';
import { fillForm, formInputs, promptFor, readAnswer, shownValue } from '../../src/cli/chat-forms.js';

const card = {
  type: 'AdaptiveCard',
  body: [
    { type: 'Input.ChoiceSet', id: 'status', label: 'Status', value: 'off_track', choices: [{ title: 'On track', value: 'on_track' }, { title: 'Off track', value: 'off_track' }, { title: 'Complete', value: 'complete' }] },
    { type: 'Input.Text', id: 'note', label: 'Update note', isRequired: true },
    { type: 'Input.Toggle', id: 'public', title: 'Show on the public page', valueOn: 'true', valueOff: 'false' },
    { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: 'Add an agenda item', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'item', label: 'Agenda item' }] } }] },
  ],
};

describe('chat forms', () => {
  it('lists a card\'s own inputs, not those of a sub-card behind a button', () => {
    expect(formInputs(card).map((i) => i.id)).toEqual(['status', 'note', 'public']);
    expect(formInputs((card.body[3] as { actions: { card: unknown }[] }).actions[0]!.card).map((i) => i.label)).toEqual(['Agenda item']);
  });

  it('asks with the label, numbered choice titles, and the current value by its title', () => {
    const [status, note, toggle] = formInputs(card);
    expect(promptFor(status!)).toBe('Status (1 On track, 2 Off track, 3 Complete) [Off track]: ');
    expect(promptFor(note!)).toBe('Update note *: ');
    expect(promptFor(toggle!)).toBe('Show on the public page (yes or no) [no]: ');
  });

  it('reads a choice by number, title or value in any case, and refuses one that is not there', () => {
    const status = formInputs(card)[0]!;
    expect(readAnswer(status, '1')).toEqual({ ok: true, value: 'on_track' });
    expect(readAnswer(status, '  COMPLETE ')).toEqual({ ok: true, value: 'complete' });
    expect(readAnswer(status, 'on_track')).toEqual({ ok: true, value: 'on_track' });
    expect(readAnswer(status, '')).toEqual({ ok: true, value: 'off_track' });
    expect(readAnswer(status, '9')).toMatchObject({ ok: false, message: expect.stringContaining('1 On track') });
    expect(readAnswer(status, 'sorted')).toMatchObject({ ok: false });
    expect(shownValue(status, 'complete')).toBe('Complete');
  });

  it('reads several choices of a multi-select, and a toggle by yes or no', () => {
    const multi = formInputs({ type: 'Input.ChoiceSet', id: 'm', isMultiSelect: true, choices: [{ title: 'OT', value: 'ot' }, { title: 'SLT', value: 'slt' }] })[0]!;
    expect(readAnswer(multi, '2, ot')).toEqual({ ok: true, value: 'slt,ot' });
    const toggle = formInputs(card)[2]!;
    expect(readAnswer(toggle, 'Yes')).toEqual({ ok: true, value: 'true' });
    expect(readAnswer(toggle, 'maybe')).toMatchObject({ ok: false });
  });

  it('asks again after an answer it cannot read, and says each changed value back by its title', async () => {
    const answers = ['sorted', '3', 'Venue booked.', ''];
    const told: string[] = [];
    const values = await fillForm(formInputs(card), async () => answers.shift() ?? '', (l) => told.push(l.trim()));
    expect(values).toEqual({ status: 'complete', note: 'Venue booked.', public: 'false' });
    expect(told).toEqual([expect.stringContaining('"sorted" is not one of the choices'), 'Status: Complete', 'Update note: Venue booked.']);
  });
});
