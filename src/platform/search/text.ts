/**
 * Pure text handling for search: which text search configuration a language
 * uses, the Chinese (and Japanese, Korean) method, and how queries and
 * documents are cut into words.
 *
 * Chinese is written without spaces, and PostgreSQL's parser would keep
 * 国家网络安全战略 as one word. Text in CJK scripts is therefore indexed as
 * overlapping character bigrams (国家 家网 网络 络安 安全 全战 战略) and a
 * query as all of its bigrams (网络 & 络安 & 安全): a query finds every text
 * that contains it (overlapping pairs such as 络安 tie the others together),
 * with no dictionary to maintain and the same behaviour for words no
 * dictionary knows. A single character is looked up as a prefix of the bigrams.
 */

/** Stemmed configurations created by migration 600, by language; everything else uses `dcp_simple`. */
export const STEMMED_CONFIGURATIONS: Readonly<Record<string, string>> = {
  en: 'dcp_en',
  fr: 'dcp_fr',
  es: 'dcp_es',
  ru: 'dcp_ru',
  ar: 'dcp_ar',
};
export const SIMPLE_CONFIGURATION = 'dcp_simple';
/** Every configuration a query is stemmed with: the reader's language is not known to be the text's. */
export const QUERY_CONFIGURATIONS: readonly string[] = [...Object.values(STEMMED_CONFIGURATIONS), SIMPLE_CONFIGURATION];

/**
 * @example configurationFor('fr') // 'dcp_fr'
 * @example configurationFor('sw') // 'dcp_simple'
 */
export function configurationFor(language: string): string {
  return STEMMED_CONFIGURATIONS[language] ?? SIMPLE_CONFIGURATION;
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/**
 * Separates CJK runs from the rest of a text.
 * @example splitCjk('5G 网络安全 policy') // { rest: '5G      policy', runs: ['网络安全'] }
 */
export function splitCjk(text: string): { rest: string; runs: string[] } {
  const runs: string[] = [];
  const rest = text.replace(CJK_RUN, (run) => {
    runs.push(run);
    return ' '.repeat(run.length);
  });
  return { rest, runs };
}

/**
 * Overlapping character pairs of a CJK run; a run of one character is itself.
 * @example bigrams('网络安全') // ['网络', '络安', '安全']
 */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Most words a query is cut into; the rest is ignored (a search box is not a document). */
export const MAX_QUERY_TERMS = 12;

export interface QueryTerms {
  /** Words outside CJK scripts, as typed (case kept; PostgreSQL lower-cases). */
  readonly words: readonly string[];
  /** CJK runs, each searched as all of its bigrams. */
  readonly runs: readonly string[];
}

/**
 * Cuts a search box's text into words and CJK runs. Punctuation and operators
 * are dropped: every term must match (AND), so nothing the reader types can
 * build a query of its own.
 * @example queryTerms("Cybersécurité: l'IA 国家网络安全") // { words: ['Cybersécurité', 'l', 'IA'], runs: ['国家网络安全'] }
 */
export function queryTerms(text: string): QueryTerms {
  const { rest, runs } = splitCjk(text.normalize('NFC'));
  const words = [...rest.matchAll(WORD)].map((m) => m[0]).filter((w) => w.length <= 60);
  const kept = dedupe(words).slice(0, MAX_QUERY_TERMS);
  return { words: kept, runs: dedupe(runs).slice(0, Math.max(0, MAX_QUERY_TERMS - kept.length)) };
}

/**
 * Distinct lower-cased words of 3 to 60 letters outside CJK scripts, for the
 * typo lexicon. Numbers and codes are left out: a typo in "5G" is not corrected.
 * @example lexiconWords(['Cyber hygiene for CIRTs, 2027']) // ['cyber', 'hygiene', 'for', 'cirts']
 */
export function lexiconWords(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const [word] of splitCjk(text.normalize('NFC')).rest.matchAll(/\p{L}+/gu)) {
      if (word.length >= 3 && word.length <= 60) words.add(word.toLowerCase());
    }
  }
  return [...words];
}

function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
