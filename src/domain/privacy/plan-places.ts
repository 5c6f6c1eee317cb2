// The plan's own places as words the screen knows are not people. Setting and cluster names are
// mostly place words ("Greenbank College", "Holme Valley"), and people write them short ("tutors
// at Greenbank", "the River Holme"). Such a word alone is accepted like a directory adult's
// surname; a word that is also a first name ("Shelley and Skelmanthorpe") is not, since a child
// could carry it.
const placeCache = new WeakMap<readonly string[], ReadonlySet<string>>();

export function placeWords(placeNames: readonly string[], isFirstName: (w: string) => boolean): ReadonlySet<string> {
  const cached = placeCache.get(placeNames);
  if (cached) return cached;
  const words = new Set<string>();
  for (const name of placeNames) {
    for (const w of name.normalize('NFKC').toLowerCase().replace(/\u2019/gu, "'").split(/[^\p{L}'-]+/u)) {
      if (w.length >= 3 && !isFirstName(w)) words.add(w);
    }
  }
  placeCache.set(placeNames, words);
  return words;
}
