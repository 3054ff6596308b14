/**
 * Names of the clearinghouse's codes in the reader's language, for the pages: controlled-list
 * terms (kinds, audiences, levels …) from the reference lists, topics and countries from the
 * vocabulary (imported data), languages from Intl. A code without a name shows as itself.
 */
import { CONTROLLED_LISTS } from '../../../core/reference/controlled-lists.js';
import { pick, type Language, type Localised } from '../../../shared/localised.js';
import type { Vocabulary } from '../vocabulary.js';

const LISTS = new Map(CONTROLLED_LISTS.map((list) => [list.name, new Map(list.terms.map((term) => [term.code, term.labels]))]));

/** The controlled lists the pages name codes from. */
export type ListName =
  | 'offering-kinds'
  | 'audiences'
  | 'target-groups'
  | 'levels'
  | 'modalities'
  | 'bandwidth'
  | 'certifications'
  | 'accessibility-features'
  | 'urgencies'
  | 'unmet-reasons'
  | 'umc-dimensions';

export function listLabel(lang: Language, list: ListName, code: string): string {
  return pick(LISTS.get(list)?.get(code), lang) || code;
}

/** Every code of a list, in the list's order. */
export function listCodes(list: ListName): string[] {
  return [...(LISTS.get(list)?.keys() ?? [])];
}

const languageNames = new Map<Language, Intl.DisplayNames>();
export function languageLabel(lang: Language, code: string): string {
  let names = languageNames.get(lang);
  if (!names) languageNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function topicLabel(lang: Language, vocab: Vocabulary, code: string): string {
  return pick(vocab.topics.get(code) as Localised | undefined, lang) || code;
}

export function countryLabel(lang: Language, vocab: Vocabulary, iso3: string): string {
  return pick(vocab.countries.get(iso3)?.names, lang) || iso3;
}

/** Countries sorted by their name in `lang`, for a select. */
export function countryChoices(lang: Language, vocab: Vocabulary): { value: string; label: string }[] {
  const collator = new Intl.Collator(lang);
  return [...vocab.countries.values()]
    .map((c) => ({ value: c.iso3, label: pick(c.names, lang) || c.iso3 }))
    .toSorted((a, b) => collator.compare(a.label, b.label));
}
