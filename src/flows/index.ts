// The use cases, outside the Teams edge: plain TypeScript over repositories and a clock, built
// once by the composition root (src/runtime.ts) and handed to the Teams routes and chat commands.
// No botbuilder or teams-ai here, and no database calls: only repositories.
import type { PlanExamples } from '../domain/phrasing/welcome.js';
import type { WorkingCalendar } from '../domain/time/bank-holidays.js';
import type { Clock } from '../domain/time/clock.js';
import type { ReportArchive } from '../reports/store.js';
import type { Repositories } from '../store/repositories.js';
// ---- actions, maturity, reminders and reports ----
import { ActionFlows } from './actions/index.js';
import { JobCommandFlows } from './jobs-commands/index.js';
import { MaturityFlows } from './maturity.js';
import { MeasureFlows } from './measures.js';
// ---- end of actions, maturity, reminders and reports ----
// ---- Experts at Hand and cluster meetings ----
import { createGroupFlows, type GroupFlows } from './groups.js';
// ---- end of Experts at Hand and cluster meetings ----

export interface FlowDeps {
  clock: Clock;
  /** Working days (bank holidays included) for the quarterly rounds. */
  calendar: WorkingCalendar;
  repositories: Repositories;
  /** Building and keeping the quarterly report. */
  reports: ReportArchive;
  /** Real references, workstreams and clusters from the plan, for hints; none when it is empty. */
  examples(): Promise<PlanExamples>;
  // ---- Experts at Hand and cluster meetings ----
  /** Working days to an expert's first response (EXPERT_FIRST_RESPONSE_DAYS). */
  expertFirstResponseDays: number;
  /** A meeting's signed calendar address, when the bot has a public one. */
  calendarUrl?(meetingId: number): string | undefined;
  // ---- end of Experts at Hand and cluster meetings ----
}

export interface Flows {
  // ---- actions, maturity, reminders and reports ----
  actions: ActionFlows;
  maturity: MaturityFlows;
  measures: MeasureFlows;
  jobs: JobCommandFlows;
  // ---- end of actions, maturity, reminders and reports ----
  // ---- Experts at Hand and cluster meetings ----
  groups: GroupFlows;
  // ---- end of Experts at Hand and cluster meetings ----
}

export function createFlows(deps: FlowDeps): Flows {
  const { clock, repositories: r } = deps;
  return {
    // ---- actions, maturity, reminders and reports ----
    actions: new ActionFlows({ clock, actions: r.actions, conversations: r.conversations, people: r.people, examples: deps.examples, measures: r.measures }),
    maturity: new MaturityFlows({ clock, maturity: r.maturity, actions: r.actions, conversations: r.conversations, people: r.people }),
    measures: new MeasureFlows({ clock, measures: r.measures, people: r.people }),
    jobs: new JobCommandFlows({
      clock, calendar: deps.calendar, actions: r.actions, reminders: r.reminders, reach: r.reach, outbox: r.outbox, rounds: r.rounds, reports: deps.reports,
    }),
    // ---- end of actions, maturity, reminders and reports ----
    // ---- Experts at Hand and cluster meetings ----
    groups: createGroupFlows({
      clock, requests: r.requests, clusters: r.clusters, followUps: r.followUps, links: r.links, people: r.people, calendar: deps.calendar,
      firstResponseDays: deps.expertFirstResponseDays, examples: deps.examples, calendarUrl: deps.calendarUrl,
      schoolTerms: () => r.reminders.schoolTerms(),
    }),
    // ---- end of Experts at Hand and cluster meetings ----
  };
}
