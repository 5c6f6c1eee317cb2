// The plan's files: the eight plan files, the two measure files, the glossary and the three append-only history files, and their
// columns in the order export writes them (see prisma/demo/kirklees/README.md).

export const IMPORT_FILES = [
  'people.csv', 'workstreams.csv', 'actions.csv', 'clusters.csv', 'settings.csv', 'meetings.csv', 'expert_requests.csv',
  'term_dates.csv',
] as const;
export type ImportFileName = (typeof IMPORT_FILES)[number];

/**
 * Append-only history, written by export so that export → wipe → import restores the plan with
 * its audit trail. Optional on import; rows already stored are never written twice.
 */
export const HISTORY_FILES = ['action_history.csv', 'maturity_ratings.csv', 'expert_request_events.csv'] as const;
export type HistoryFileName = (typeof HISTORY_FILES)[number];

/**
 * Outcome measures and their readings (optional). Readings are append-only like history: a row
 * already stored (same measure, date, value, source and recorder) is never written twice.
 */
export const MEASURE_FILES = ['measures.csv', 'measure_readings.csv'] as const;
export type MeasureFileName = (typeof MEASURE_FILES)[number];

/**
 * The glossary (optional): the terms the public pages and reports explain on first use and list
 * (see glossary.ts). Upserted by term; a term left out of the file is kept.
 */
export const GLOSSARY_FILES = ['glossary.csv'] as const;
export type GlossaryFileName = (typeof GLOSSARY_FILES)[number];

/** Every file import reads and export writes: the plan, its measures, its glossary, then its history. */
export const PLAN_FILES = [...IMPORT_FILES, ...MEASURE_FILES, ...GLOSSARY_FILES, ...HISTORY_FILES] as const;
export type PlanFileName = (typeof PLAN_FILES)[number];

/** The life-cycle events of an Experts at Hand request (the database's RequestEventKind). */
export const REQUEST_EVENT_KINDS = ['created', 'claimed', 'answered', 'closed', 'reminded', 'escalated', 'noted'] as const;

/** Columns of each file, in the order export writes them. */
export const COLUMNS = {
  'people.csv': ['key', 'name', 'email', 'roles', 'specialism', 'job_title', 'organisation', 'teams_aad_object_id'],
  'workstreams.csv': ['code', 'name', 'maturity_pillar', 'lead'],
  'actions.csv': ['ref', 'title', 'plain_title', 'workstream', 'area_for_improvement', 'owner', 'due', 'status', 'last_update', 'source'],
  'clusters.csv': ['code', 'name', 'area', 'chair'],
  'settings.csv': ['name', 'phase', 'cluster', 'senco'],
  'meetings.csv': ['cluster', 'starts_at', 'duration_minutes', 'location', 'agenda'],
  'expert_requests.csv': ['ref', 'requested_by', 'setting', 'specialism', 'kind', 'summary', 'status', 'assigned_to', 'created_at', 'first_response_at', 'closed_at'],
  'term_dates.csv': ['academic_year', 'term', 'starts_on', 'ends_on', 'half_term_starts_on', 'half_term_ends_on'],
  'measures.csv': [
    'ref', 'name', 'unit', 'direction', 'baseline_value', 'baseline_date', 'target_value', 'target_date', 'action', 'workstream', 'area_for_improvement',
  ],
  'measure_readings.csv': ['measure', 'date', 'value', 'source', 'recorded_by'],
  'glossary.csv': ['term', 'meaning'],
  'action_history.csv': ['ref', 'at', 'actor', 'via', 'status_from', 'status_to', 'due_from', 'due_to', 'note', 'version'],
  'maturity_ratings.csv': ['pillar', 'score', 'note', 'rated_by', 'rated_at'],
  'expert_request_events.csv': ['ref', 'at', 'actor', 'kind', 'note'],
} as const satisfies Record<PlanFileName, readonly string[]>;

/**
 * Columns a file may leave out: files written before the column existed still import. An absent
 * column changes nothing that is stored; a present, empty cell clears the value.
 */
export const OPTIONAL_COLUMNS: { readonly [F in PlanFileName]?: readonly string[] } = {
  'people.csv': ['organisation'],
  'actions.csv': ['plain_title'],
};
