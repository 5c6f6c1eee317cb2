// The Experts at Hand request form: setting (theirs preselected), specialism, kind of support and a
// summary that must not identify a child. After a refusal the form comes back with the text kept.
import type { SettingChoice } from '../../domain/experts/index.js';
import { capitalise, SPECIALISM_LABELS, SUMMARY_MAX, SUPPORT_KIND_LABELS } from '../../domain/experts/index.js';
import type { Specialism } from '../../domain/plan/types.js';
import { SPECIALISMS, SUPPORT_KINDS } from '../../domain/plan/types.js';
import { adaptiveCard, heading, text, type Card, type CardElement } from '../common.js';
import { noticeBlock, type Notice } from '../meetings/meeting-card.js';
import { EXPERT_VERBS, PHASE_LABELS } from './request-card.js';

export interface RequestFormDraft { settingId?: string; specialism?: string; kind?: string; summary?: string }

export interface RequestFormOptions {
  draft?: RequestFormDraft;
  specialism?: Specialism;
  notice?: Notice;
  /** Opened from a meeting card: the card goes back to the meeting afterwards. */
  meetingId?: number;
  /** Opened for one of the meeting's follow-ups: the request is noted on it. */
  followUpId?: number;
  /** EXPERT_FIRST_RESPONSE_DAYS. */
  firstResponseDays?: number;
}

export function requestForm(settings: SettingChoice[], o: RequestFormOptions = {}): Card {
  const d = o.draft ?? {};
  const body: CardElement[] = [];
  if (o.notice) body.push(noticeBlock(o.notice));
  body.push(heading('New Experts at Hand request'));
  body.push(text(`An occupational therapist, speech and language therapist or educational psychologist from the pool picks it up within ${o.firstResponseDays ?? 3} working days.`, { isSubtle: true }));
  body.push({
    type: 'Input.ChoiceSet', id: 'settingId', label: 'Setting', isRequired: true, errorMessage: 'Choose a setting',
    value: d.settingId ?? String(settings[0]?.id ?? ''),
    choices: settings.map((s) => ({ title: `${s.name} (${PHASE_LABELS[s.phase]}, ${s.clusterName})`, value: String(s.id) })),
  });
  body.push({
    type: 'Input.ChoiceSet', id: 'specialism', label: 'Expert', style: 'expanded', isRequired: true, errorMessage: 'Choose an expert',
    ...(d.specialism ?? o.specialism ? { value: d.specialism ?? o.specialism } : {}),
    choices: SPECIALISMS.map((s) => ({ title: capitalise(SPECIALISM_LABELS[s]), value: s })),
  });
  body.push({
    type: 'Input.ChoiceSet', id: 'kind', label: 'Kind of support', style: 'expanded', isRequired: true, errorMessage: 'Choose the kind of support',
    ...(d.kind ? { value: d.kind } : {}),
    choices: SUPPORT_KINDS.map((k) => ({ title: capitalise(SUPPORT_KIND_LABELS[k]), value: k })),
  });
  body.push({
    type: 'Input.Text', id: 'summary', label: 'What do you need?', isMultiline: true, isRequired: true, errorMessage: 'Describe what you need',
    maxLength: SUMMARY_MAX, value: d.summary ?? '',
    placeholder: 'For example: a Year 2 class where several children have limited expressive vocabulary; we would like whole-class strategies.',
  });
  body.push(text('Do not identify a child: no names, dates of birth, addresses, postcodes, UPNs or NHS numbers. Describe year groups and needs instead.', { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body, [{ type: 'Action.Execute', verb: EXPERT_VERBS.open, title: 'Send to Experts at Hand', style: 'positive', data: { ...(o.meetingId ? { meetingId: o.meetingId } : {}), ...(o.followUpId ? { followUpId: o.followUpId } : {}) } }], 'New Experts at Hand request');
}
