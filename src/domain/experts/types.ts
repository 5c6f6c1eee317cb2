// An Experts at Hand request as cards and answers need it: plain data, names resolved.
import type { Phase, RequestStatus, Specialism, SupportKind } from '../plan/types.js';

export interface PersonRef { id: number; key: string; name: string; jobTitle: string | null; aadObjectId: string | null }

export interface RequestView {
  id: number;
  ref: string;
  status: RequestStatus;
  specialism: Specialism;
  kind: SupportKind;
  summary: string;
  version: number;
  requester: PersonRef;
  assignee: PersonRef | null;
  setting: { id: number; name: string; phase: Phase };
  cluster: { id: number; code: string; name: string };
  createdAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
  /** The latest answer as the expert gave it ("Visit offered: … . text"), or null. */
  answer: string | null;
}

export interface SettingChoice { id: number; name: string; phase: Phase; clusterName: string }
