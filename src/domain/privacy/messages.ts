// What we tell the person who wrote the text. Short, kind, plain English, and fixed: a message
// must never quote the text it is about (so no examples that could echo a real name or number).
import type { PrivacyReasonCode } from './types.js';

export const PRIVACY_MESSAGES: Readonly<Record<PrivacyReasonCode, string>> = Object.freeze({
  personal_name:
    "It looks like this includes someone's name. Please leave out names of children, families and staff, and describe them instead, for example 'a pupil in Year 4'.",
  date_of_birth:
    "It looks like this includes a date of birth. Please give the child's year group instead, for example 'Year 2'.",
  age_with_name:
    "It looks like this gives a child's age next to their name. Please take the name out and describe the child without it, for example 'a pupil in Key Stage 2'.",
  upn:
    'It looks like this includes a Unique Pupil Number (UPN). Please take it out: the expert does not need it to help.',
  nhs_number:
    'It looks like this includes an NHS number. Please take it out: the expert does not need it to help.',
  address:
    'It looks like this includes a home address. Please take it out, or just name the town or area instead.',
  postcode:
    'It looks like this includes a full postcode. Please take it out, or keep only the first half (the part before the space).',
});
