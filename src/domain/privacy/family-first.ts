// Names written family name first, as Chinese, Korean and Vietnamese names are ("Li Na is 6", "Sun
// Li, 8,"): a cue after the name points at the given name, which is often too short or too rare
// for the data sets ("Na", "Yu"). A capitalised given name straight after one of these family
// names is a name whenever a cue points at it. Only family names that are not also English words
// a sentence could put there ("Park", "Song", "Fan", "Tan", "Le") are listed.
import { isTitleCase } from './text.js';
import { isNotAName } from './vocabulary.js';

const FAMILY_NAMES_FIRST = new Set([
  // Chinese (Pinyin and common Cantonese spellings)
  'li', 'wang', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo',
  'lin', 'luo', 'gao', 'zheng', 'liang', 'xie', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian',
  'dong', 'pan', 'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ren', 'shen', 'yao', 'cui',
  'zhong', 'fu', 'chan', 'wong', 'leung', 'cheung', 'lau', 'ng', 'chow', 'ho',
  // Korean
  'kim', 'lee', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim',
  // Vietnamese
  'nguyen', 'tran', 'pham', 'hoang', 'phan', 'vu', 'dang', 'bui', 'ngo', 'duong', 'ly',
]);

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);

/**
 * Where the family name before `word` (which starts at `start`) begins, when the two read as one
 * name written family name first: both capitalised, one space apart. Capitals are the only sign
 * here, so shouted text never counts.
 */
export function familyNameBefore(text: string, start: number, word: string, shouted: boolean): number | undefined {
  if (shouted || start < 3 || text.charAt(start - 1) !== ' ' || !isTitleCase(word) || isNotAName(word)) return undefined;
  let from = start - 1;
  while (from > 0 && isLetter(text.charAt(from - 1))) from--;
  const family = text.slice(from, start - 1);
  if (!FAMILY_NAMES_FIRST.has(family.toLowerCase()) || !isTitleCase(family)) return undefined;
  return from;
}
