/**
 * How well a person fits a project role: a small, transparent scorer until the platform's
 * matching engine (src/core/matching, built on another branch) takes over. Its shape is the
 * engine's: a score from 0 to 1 and one explanation entry per component with the points it gave,
 * so the projects feature can swap it for the shared engine without changing its API.
 *
 * Method. Four components, each a fraction from 0 to 1 times its weight; the score is their sum.
 * - skills (0.45): the share of the role's required skills the person has. A topic or an ESCO
 *   skill counts when listed. A DigComp competence counts in full at or above the required
 *   proficiency, in proportion below it (level 3 of a required 6 gives half), and half when the
 *   person only has another competence of the same area (the taxonomy's hierarchy). A required
 *   area counts in full for any of its competences.
 * - languages (0.25): per required language, full at or above the level, in proportion below
 *   (B1 of a required C1 is 3/5), nothing when absent.
 * - availability (0.20): the best stated period over the role's time: the share of the role's days
 *   it covers times the share of time offered against the share asked (capped at 1). A role
 *   without dates is measured at `today`.
 * - duty station (0.10): in one of the project's countries 1, in the same sub-region 0.6, the same
 *   region 0.3, elsewhere 0.
 * A component with nothing to compare (a role asking no language) gives its full weight: nothing
 * the role asks for is missing. Only what the viewer may see of a profile is given to the scorer,
 * so a hidden part counts as absent and cannot raise or lower anyone in a way that reveals it.
 * Pure and deterministic; ties are broken by the caller.
 */
import { digcompArea, languageRank, type CompetenceSkill, type LanguageSkill } from './skills.js';

export const WEIGHTS = { skills: 0.45, languages: 0.25, availability: 0.2, dutyStation: 0.1 } as const;
export type Component = keyof typeof WEIGHTS;

export interface AvailabilityPeriod {
  /** Share of working time, 1–100. */
  readonly share: number;
  readonly from: string;
  /** null: open-ended. */
  readonly to: string | null;
}

export interface RoleRequirements {
  readonly topics: readonly string[];
  readonly digcomp: readonly CompetenceSkill[];
  readonly esco: readonly string[];
  readonly languages: readonly LanguageSkill[];
  /** Share of time the role needs, 1–100. */
  readonly timeShare: number;
  readonly from: string | null;
  readonly to: string | null;
  /** The project's countries (ISO alpha-3). */
  readonly countries: readonly string[];
}

/** What the viewer may see of a candidate; `null` for a part hidden from them. */
export interface CandidateFacts {
  readonly topics: readonly string[] | null;
  readonly digcomp: readonly CompetenceSkill[] | null;
  readonly esco: readonly string[] | null;
  readonly languages: readonly LanguageSkill[] | null;
  readonly availability: readonly AvailabilityPeriod[] | null;
  readonly dutyStation: { readonly iso3: string; readonly subRegion: string | null; readonly region: string | null } | null;
}

/** The project's countries with their regions, to compare a duty station with. */
export interface PlaceOf {
  (iso3: string): { subRegion: string | null; region: string | null } | undefined;
}

export type Explanation =
  | { component: 'skills'; points: number; matched: string[]; partial: string[]; missing: string[]; hidden: boolean }
  | { component: 'languages'; points: number; matched: string[]; partial: string[]; missing: string[]; hidden: boolean }
  | { component: 'availability'; points: number; coveredShare: number; offeredShare: number | null; hidden: boolean }
  | {
      component: 'dutyStation';
      points: number;
      iso3: string | null;
      closeness: 'country' | 'sub-region' | 'region' | 'elsewhere' | 'none';
    };

export interface Fit {
  /** 0–1. */
  readonly score: number;
  readonly explanation: Explanation[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function skillsFit(role: RoleRequirements, c: CandidateFacts): Extract<Explanation, { component: 'skills' }> {
  const matched: string[] = [];
  const partial: string[] = [];
  const missing: string[] = [];
  let credit = 0;
  const required = role.topics.length + role.esco.length + role.digcomp.length;
  const hidden = c.topics === null && c.digcomp === null && c.esco === null;
  for (const topic of role.topics) {
    if (c.topics?.includes(topic)) {
      credit += 1;
      matched.push(`topic:${topic}`);
    } else missing.push(`topic:${topic}`);
  }
  for (const esco of role.esco) {
    if (c.esco?.includes(esco)) {
      credit += 1;
      matched.push(`esco:${esco}`);
    } else missing.push(`esco:${esco}`);
  }
  for (const need of role.digcomp) {
    const key = `digcomp:${need.code}`;
    const isArea = !need.code.includes('.');
    const held = (c.digcomp ?? []).filter((s) => (isArea ? digcompArea(s.code) === need.code : s.code === need.code));
    const best = Math.max(0, ...held.map((s) => s.level));
    if (best >= need.level) {
      credit += 1;
      matched.push(key);
    } else if (best > 0) {
      credit += best / need.level;
      partial.push(key);
    } else if ((c.digcomp ?? []).some((s) => digcompArea(s.code) === digcompArea(need.code))) {
      credit += 0.5;
      partial.push(key);
    } else missing.push(key);
  }
  const fraction = required === 0 ? 1 : credit / required;
  return { component: 'skills', points: round(WEIGHTS.skills * fraction), matched, partial, missing, hidden };
}

function languagesFit(role: RoleRequirements, c: CandidateFacts): Extract<Explanation, { component: 'languages' }> {
  const matched: string[] = [];
  const partial: string[] = [];
  const missing: string[] = [];
  let credit = 0;
  for (const need of role.languages) {
    const has = c.languages?.find((l) => l.code === need.code);
    if (!has) missing.push(need.code);
    else if (languageRank(has.level) >= languageRank(need.level)) {
      credit += 1;
      matched.push(need.code);
    } else {
      credit += (languageRank(has.level) + 1) / (languageRank(need.level) + 1);
      partial.push(need.code);
    }
  }
  const fraction = role.languages.length === 0 ? 1 : credit / role.languages.length;
  return { component: 'languages', points: round(WEIGHTS.languages * fraction), matched, partial, missing, hidden: c.languages === null };
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;

function availabilityFit(role: RoleRequirements, c: CandidateFacts, today: string): Extract<Explanation, { component: 'availability' }> {
  const from = role.from ?? today;
  const to = role.to ?? from;
  const span = Math.max(1, days(from, to));
  let best = 0;
  let offered: number | null = null;
  for (const period of c.availability ?? []) {
    const start = period.from > from ? period.from : from;
    const end = period.to === null || period.to > to ? to : period.to;
    if (end < start) continue;
    const covered = days(start, end) / span;
    const value = covered * Math.min(1, period.share / role.timeShare);
    if (value > best) {
      best = value;
      offered = period.share;
    }
  }
  return {
    component: 'availability',
    points: round(WEIGHTS.availability * best),
    coveredShare: round(best),
    offeredShare: offered,
    hidden: c.availability === null,
  };
}

function dutyStationFit(role: RoleRequirements, c: CandidateFacts, placeOf: PlaceOf): Extract<Explanation, { component: 'dutyStation' }> {
  const station = c.dutyStation;
  if (role.countries.length === 0)
    return { component: 'dutyStation', points: WEIGHTS.dutyStation, iso3: station?.iso3 ?? null, closeness: 'none' };
  if (!station) return { component: 'dutyStation', points: 0, iso3: null, closeness: 'none' };
  const places = role.countries.map((iso3) => placeOf(iso3)).filter((p) => p !== undefined);
  const closeness = role.countries.includes(station.iso3)
    ? 'country'
    : station.subRegion !== null && places.some((p) => p.subRegion === station.subRegion)
      ? 'sub-region'
      : station.region !== null && places.some((p) => p.region === station.region)
        ? 'region'
        : 'elsewhere';
  const fraction = { country: 1, 'sub-region': 0.6, region: 0.3, elsewhere: 0 }[closeness];
  return { component: 'dutyStation', points: round(WEIGHTS.dutyStation * fraction), iso3: station.iso3, closeness };
}

/**
 * @example roleFit(role, candidate, placeOf, '2027-01-15').score // 0.82
 */
export function roleFit(role: RoleRequirements, candidate: CandidateFacts, placeOf: PlaceOf, today: string): Fit {
  const explanation: Explanation[] = [
    skillsFit(role, candidate),
    languagesFit(role, candidate),
    availabilityFit(role, candidate, today),
    dutyStationFit(role, candidate, placeOf),
  ];
  return { score: round(explanation.reduce((sum, e) => sum + e.points, 0)), explanation };
}
