// Names written in Cyrillic or Greek letters ("Іван", "Дмитро", "Наташа", "Γιώργος") are the same
// names the data sets spell in Latin letters. Each such word is read in Latin letters the ways a
// family would spell it in English (Ukrainian and Russian conventions differ: "и" is "y" in
// Ukrainian and "i" in Russian, "г" is "h" and "g"), and each reading is looked up like any
// other word, in any case, as a Latin one is ("олександр шевченко" is refused like "oliver smith").

const COMMON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ь: '', ы: 'y', э: 'e', ю: 'yu',
  я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', ђ: 'dj', ћ: 'c', џ: 'dz',
};
/** The letters the two conventions spell differently: [Russian, Ukrainian]. */
const DIFFERS: Record<string, [string, string]> = { и: ['i', 'y'], г: ['g', 'h'], х: ['kh', 'kh'], й: ['y', 'i'] };

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

const CYRILLIC_OR_GREEK = /[\u0370-\u03FF\u0400-\u052F]/u;

/** Latin readings of a Cyrillic or Greek word; none for any other word. */
export function latinReadings(word: string): string[] {
  if (!CYRILLIC_OR_GREEK.test(word)) return [];
  // Accents go first ("Γιώργος" → "Γιωργος"); ё and й are letters of their own, so they are kept.
  const lower = word.toLowerCase().normalize('NFD').replace(/(?<![еи])[\u0300-\u036F]/gu, '').normalize('NFC');
  const readings = new Set<string>();
  for (const style of [0, 1] as const) {
    let out = '';
    let prev = '';
    for (const ch of lower) {
      const differs = DIFFERS[ch];
      // Greek "ου" is "ou" ("Νίκου" → "Nikou"); "υ" elsewhere is "y".
      out += differs ? differs[style] : ch === 'υ' && prev === 'ο' ? 'u' : COMMON[ch] ?? GREEK[ch] ?? ch;
      prev = ch;
    }
    readings.add(out);
  }
  return [...readings];
}
