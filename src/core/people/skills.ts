/**
 * The skills vocabulary of profiles and project roles, and the tokens the expert finder indexes
 * them by. A person lists languages with a level, topics (what their work is about), DigComp 2.2
 * competences with a proficiency level and ESCO skills. The finder must find a person who knows a
 * language "at least" at a level, and a DigComp area must find people with any of its competences;
 * both are answered by expanding a person's values into tokens once, when the profile is saved, so
 * that a search is an array containment on a GIN index rather than a computation per row.
 */

/** CEFR levels, then `native`; the UN language proficiency framework reads onto the same scale. */
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

/** DigComp 2.2 proficiency levels 1–8: foundation (1–2), intermediate (3–4), advanced (5–6), highly specialised (7–8). */
export const PROFICIENCY_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type Proficiency = (typeof PROFICIENCY_LEVELS)[number];

export interface LanguageSkill {
  readonly code: string;
  readonly level: LanguageLevel;
}

export interface CompetenceSkill {
  /** A DigComp 2.2 competence code such as `4.2`. */
  readonly code: string;
  readonly level: Proficiency;
}

/** @example languageRank('B2') // 3 */
export function languageRank(level: LanguageLevel): number {
  return LANGUAGE_LEVELS.indexOf(level);
}

/**
 * One token per language known, and one per level reached: `fr`, `fr>=A1` … `fr>=C1` for French
 * at C1. "At least B2" is then the token `fr>=B2`.
 * @example languageTokens([{ code: 'fr', level: 'B1' }]) // ['fr>=A1', 'fr>=A2', 'fr>=B1']
 */
export function languageTokens(languages: readonly LanguageSkill[]): string[] {
  return languages.flatMap(({ code, level }) => LANGUAGE_LEVELS.slice(0, languageRank(level) + 1).map((l) => `${code}>=${l}`));
}

/** The area of a DigComp competence code. @example digcompArea('4.2') // '4' */
export function digcompArea(code: string): string {
  return code.split('.')[0] ?? code;
}

/**
 * A person's DigComp codes with the areas they fall in, so that searching an area finds them.
 * @example digcompCodes([{ code: '4.2', level: 5 }]) // ['4', '4.2']
 */
export function digcompCodes(competences: readonly CompetenceSkill[]): string[] {
  return [...new Set(competences.flatMap(({ code }) => [digcompArea(code), code]))].toSorted();
}

/**
 * One token per code and proficiency level reached, areas taking their best competence:
 * `4.2>=1` … `4.2>=5` and `4>=1` … `4>=5` for competence 4.2 at level 5.
 * @example digcompLevelTokens([{ code: '1.1', level: 2 }]) // ['1.1>=1', '1.1>=2', '1>=1', '1>=2']
 */
export function digcompLevelTokens(competences: readonly CompetenceSkill[]): string[] {
  const best = new Map<string, number>();
  for (const { code, level } of competences) {
    for (const key of [code, digcompArea(code)]) best.set(key, Math.max(best.get(key) ?? 0, level));
  }
  return [...best].flatMap(([code, level]) => PROFICIENCY_LEVELS.filter((l) => l <= level).map((l) => `${code}>=${l}`));
}
