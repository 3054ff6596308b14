/**
 * What a person would need to learn for a role: the gap between their skills and the role's
 * requirements, and which offerings suit them given their country's connectivity. Pure.
 *
 * Method. A DigComp requirement (an area or a competence, with a proficiency 1–8) is met by a
 * competence of the person at that level or above (for an area: any of its competences); else it
 * is a gap, with the best level the person has towards it. A topic is met when the person lists
 * it. A language is met at the level asked or above (CEFR order, native highest). Gaps are listed
 * in the role's order: competences, then topics, then languages.
 *
 * Connectivity. Where fewer than half the people use the internet (the latest ITU/World Bank
 * value for the duty-station country), only offerings that need no or low bandwidth are
 * suggested: a course that streams video is no help where the connection cannot carry it.
 */
import { digcompArea, languageRank, type CompetenceSkill, type LanguageSkill } from './skills.js';

export interface SkillGap {
  readonly kind: 'digcomp' | 'topic' | 'language';
  readonly code: string;
  /** The level asked: 1–8 (DigComp), a CEFR level (language), null (topic). */
  readonly need: number | string | null;
  /** The best the person has towards it: a DigComp level, a language level, or null for none. */
  readonly have: number | string | null;
}

export interface SkillsHeld {
  readonly topics: readonly string[];
  readonly digcomp: readonly CompetenceSkill[];
  readonly languages: readonly LanguageSkill[];
}

const covers = (requirement: string, competence: string) =>
  requirement.includes('.') ? competence === requirement : digcompArea(competence) === requirement;

/**
 * @example skillGaps({ topics: [], digcomp: [{ code: '4.2', level: 3 }], languages: [] }, { topics: [], digcomp: [{ code: '4', level: 5 }], languages: [] })
 * // [{ kind: 'digcomp', code: '4', need: 5, have: 3 }]
 */
export function skillGaps(person: SkillsHeld, role: SkillsHeld): SkillGap[] {
  const gaps: SkillGap[] = [];
  for (const need of role.digcomp) {
    const levels = person.digcomp.filter((c) => covers(need.code, c.code)).map((c) => c.level);
    const best = levels.length > 0 ? Math.max(...levels) : null;
    if (best === null || best < need.level) gaps.push({ kind: 'digcomp', code: need.code, need: need.level, have: best });
  }
  for (const topic of role.topics) if (!person.topics.includes(topic)) gaps.push({ kind: 'topic', code: topic, need: null, have: null });
  for (const need of role.languages) {
    const held = person.languages.find((l) => l.code === need.code);
    if (!held || languageRank(held.level) < languageRank(need.level))
      gaps.push({ kind: 'language', code: need.code, need: need.level, have: held?.level ?? null });
  }
  return gaps;
}

/** Share of people using the internet below which only low-bandwidth offerings are suggested (%). */
export const LOW_CONNECTIVITY_BELOW = 50;

/**
 * The bandwidths an offering may need to be suggested, or undefined for any.
 * @example bandwidthFor(31.2) // ['offline', 'low']
 */
export function bandwidthFor(internetUsePercent: number | null): string[] | undefined {
  return internetUsePercent !== null && internetUsePercent < LOW_CONNECTIVITY_BELOW ? ['offline', 'low'] : undefined;
}

/** The DigComp level a completed learning item raises a competence to: never lowers what the person has. */
export function raisedLevel(current: number | null, target: number): number {
  return Math.max(current ?? 0, target);
}
