// Time windows in everyday words: the parser lives in ./when/ (chrono-node for days, the domain's
// calendar for quarters, Easter, Christmas, bank holidays and school terms). Kept as the import
// path the rest of src/ask uses.
export { NO_TERM_DATES, parsePeriod, type Period, type PeriodOptions } from './when/index.js';
