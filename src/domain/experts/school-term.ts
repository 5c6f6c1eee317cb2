// English school terms, kept simple on purpose (real dates vary by school and by year):
//   autumn: 1 September – 31 December
//   spring: 1 January – 31 March (Easter usually ends it; a fixed date keeps answers stable)
//   summer: 1 April – 31 August (the summer holiday counts with the summer term, so every date
//           belongs to a term and "this term" in August still means something)
import type { IsoDate } from '../plan/types.js';
import { parseIsoDate, toIsoDate } from '../time/dates.js';
import { formatDate } from '../time/format.js';

export type TermName = 'autumn' | 'spring' | 'summer';

export interface SchoolTerm {
  name: TermName;
  /** 'autumn term 2026'. */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

export function schoolTerm(d: IsoDate): SchoolTerm {
  const { year, month } = parseIsoDate(d);
  const [name, start, end]: [TermName, IsoDate, IsoDate] =
    month >= 9 ? ['autumn', toIsoDate(year, 9, 1), toIsoDate(year, 12, 31)]
    : month <= 3 ? ['spring', toIsoDate(year, 1, 1), toIsoDate(year, 3, 31)]
    : ['summer', toIsoDate(year, 4, 1), toIsoDate(year, 8, 31)];
  return { name, label: `${name} term ${year}`, start, end };
}

/** 'autumn term 2026 (1 September to 31 December 2026)'. */
export function describeTerm(t: SchoolTerm): string {
  return `${t.label} (${formatDate(t.start).replace(/ \d{4}$/, '')} to ${formatDate(t.end)})`;
}
