// The plan as the domain sees it: plain data, no database or Teams types.
// Dates without a time (due dates) are ISO strings 'YYYY-MM-DD'; instants are Date.

import type { IsoDate } from '../time/dates.js';

export type { IsoDate };

export const ACTION_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const AREAS = ['preparing_for_adulthood', 'health_waiting_times', 'ehc_plans', 'communication'] as const;
export type Area = (typeof AREAS)[number];

export const ROLES = ['lead', 'owner', 'admin', 'expert', 'senco'] as const;
export type Role = (typeof ROLES)[number];

export const SPECIALISMS = ['occupational_therapy', 'speech_and_language', 'educational_psychology'] as const;
export type Specialism = (typeof SPECIALISMS)[number];

export const SUPPORT_KINDS = ['whole_setting_support', 'tailored_guidance', 'strategic_advice'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const PHASES = ['early_years', 'primary', 'secondary', 'post_16', 'special'] as const;
export type Phase = (typeof PHASES)[number];

export const REQUEST_STATUSES = ['new', 'assigned', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const CHANGE_CHANNELS = ['card', 'chat', 'import', 'system'] as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

export interface Person {
  id: number;
  key: string;
  name: string;
  email: string | null;
  jobTitle: string | null;
  /** The employer (council, health board, school, forum): public pages show it with the job title. */
  organisation: string | null;
  aadObjectId: string | null;
  roles: Role[];
  specialism: Specialism | null;
  active: boolean;
}

export interface Workstream {
  id: number;
  code: string;
  name: string;
  pillar: string;
  leadId: number | null;
}

export interface Action {
  id: number;
  ref: string;
  title: string;
  /** The title in plain words for the public pages (absent when the reader does not load it). */
  plainTitle?: string | null;
  workstreamId: number;
  area: Area | null;
  ownerId: number | null;
  dueDate: IsoDate;
  status: ActionStatus;
  lastUpdate: string | null;
  lastUpdateAt: Date | null;
  successMeasure: string | null;
  source: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActionChange {
  actionId: number;
  actorId: number | null;
  at: Date;
  via: ChangeChannel;
  statusFrom: ActionStatus | null;
  statusTo: ActionStatus | null;
  dueFrom: IsoDate | null;
  dueTo: IsoDate | null;
  note: string | null;
  version: number | null;
}

export interface Cluster {
  id: number;
  code: string;
  name: string;
  area: string;
  chairId: number | null;
}

export interface Setting {
  id: number;
  name: string;
  phase: Phase;
  clusterId: number;
  sencoId: number | null;
}

export interface ClusterMeeting {
  id: number;
  clusterId: number;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  location: string;
  agenda: string[];
  notes: string | null;
  followUps: string[];
  version: number;
}

export interface ExpertRequest {
  id: number;
  ref: string;
  requesterId: number;
  settingId: number;
  specialism: Specialism;
  kind: SupportKind;
  summary: string;
  status: RequestStatus;
  assigneeId: number | null;
  outcome: string | null;
  version: number;
  createdAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
}
