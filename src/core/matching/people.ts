/**
 * People for an advisory need: ranks the profiles a viewer may see against what a need asks for,
 * with an explanation per component in the engine's message keys (the feature renders them in
 * the reader's language). Pure: the caller brings the need, the people (only the parts the
 * viewer may see: a hidden part is `null` and counts as absent, so it can neither raise nor lower
 * anyone in a way that reveals it), the taxonomy and the date.
 *
 * Method (weights in weights.ts, PERSON_WEIGHTS; reasons in docs/methods.md, People for a need)
 * 1. Hard constraints, never traded off:
 *    - language: the person's visible languages share none of the need's languages;
 *    - availability: the person states availability and no period overlaps the need's timeframe.
 *    A hidden part breaks no constraint (nothing is known); it scores nothing.
 * 2. Components, each a fit in [0, 1]; points = weight × fit, rounded to four decimals; the score
 *    is their sum, in [0, 1]:
 *    - skills: the need's topics, DigComp competences and ESCO skills against the person's, through
 *      the vocabulary's hierarchy (the same topicFit as offerings);
 *    - languages: the best level in a language the need accepts, full at C1 and above;
 *    - availability: the share of the need's timeframe the best period covers, times the share of
 *      time offered against ADVISORY_SHARE (capped at 1); the timeframe is from the later of today
 *      and the need's start to its end, or ADVISORY_HORIZON_DAYS when it gives none;
 *    - duty station: in the need's country 1, its sub-region 0.6, its region 0.3, elsewhere 0.
 *    Unknown or hidden gives 0, so stating a fitting attribute can only raise a score.
 * 3. Order: score descending, then id ascending.
 */
import { languageRank, type CompetenceSkill, type LanguageSkill } from '../people/skills.js';
import { demandTerms, topicFit } from './taxonomy.js';
import type { Message, Taxonomy } from './types.js';
import { ADVISORY, PERSON_WEIGHTS, POINT_DECIMALS } from './weights.js';

export const PERSON_COMPONENTS = ['skills', 'languages', 'availability', 'duty-station'] as const;
export type PersonComponent = (typeof PERSON_COMPONENTS)[number];
export const PERSON_CONSTRAINTS = ['language', 'availability'] as const;
export type PersonConstraint = (typeof PERSON_CONSTRAINTS)[number];

export interface Place {
  readonly iso3: string;
  readonly subRegion: string | null;
  readonly region: string | null;
}

/** What an advisory need asks of a person. */
export interface AdvisoryNeed {
  readonly id: string;
  /** The need's country with its M49 sub-region and region. */
  readonly place: Place;
  readonly languages: readonly string[];
  readonly topics: readonly string[];
  readonly digcomp: readonly string[];
  readonly esco: readonly string[];
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface AvailabilityPeriod {
  /** Share of working time, 1–100. */
  readonly share: number;
  readonly from: string;
  readonly to: string | null;
}

/** A person as the viewer may see them: `null` for a hidden part. */
export interface PersonSupply {
  readonly id: string;
  readonly topics: readonly string[] | null;
  readonly digcomp: readonly CompetenceSkill[] | null;
  readonly esco: readonly string[] | null;
  readonly languages: readonly LanguageSkill[] | null;
  readonly availability: readonly AvailabilityPeriod[] | null;
  readonly dutyStation: Place | null;
}

export interface PersonExplanation {
  readonly component: PersonComponent;
  readonly weight: number;
  readonly fit: number;
  readonly points: number;
  readonly messages: readonly Message[];
}

export interface PersonMatch {
  readonly id: string;
  readonly score: number;
  readonly explanation: readonly PersonExplanation[];
}

export interface PersonExclusion {
  readonly id: string;
  readonly violations: readonly { readonly constraint: PersonConstraint; readonly message: Message }[];
}

export interface PeopleRanking {
  readonly ranked: readonly PersonMatch[];
  readonly excluded: readonly PersonExclusion[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const round = (x: number) => Math.round(x * 10 ** POINT_DECIMALS) / 10 ** POINT_DECIMALS;
const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;

/**
 * The need's timeframe as a person's availability is measured against it.
 * @example advisoryTimeframe({ startDate: null, endDate: null }, '2027-01-15') // { from: '2027-01-15', to: '2027-04-14' }
 */
export function advisoryTimeframe(need: Pick<AdvisoryNeed, 'startDate' | 'endDate'>, today: string): { from: string; to: string } {
  const from = need.startDate !== null && need.startDate > today ? need.startDate : today;
  const to = need.endDate !== null && need.endDate >= from ? need.endDate : addDays(from, ADVISORY.horizonDays - 1);
  return { from, to };
}

const hidden: Message = { key: 'matching.person.hidden', params: {} };

interface Fitted {
  readonly fit: number;
  readonly messages: readonly Message[];
}

function skillsFit(need: AdvisoryNeed, person: PersonSupply, taxonomy: Taxonomy): Fitted {
  if (person.topics === null && person.digcomp === null && person.esco === null) return { fit: 0, messages: [hidden] };
  const terms = demandTerms(taxonomy, need);
  return topicFit(terms, need, {
    topics: person.topics ?? [],
    digcomp: (person.digcomp ?? []).map((c) => c.code),
    esco: person.esco ?? [],
  });
}

function languagesFit(need: AdvisoryNeed, person: PersonSupply): Fitted {
  if (person.languages === null) return { fit: 0, messages: [hidden] };
  const shared = person.languages.filter((l) => need.languages.includes(l.code));
  const best = shared.toSorted((a, b) => languageRank(b.level) - languageRank(a.level) || (a.code < b.code ? -1 : 1))[0];
  if (!best) return { fit: 0, messages: [{ key: 'matching.person.language.none', params: { asked: { languages: need.languages } } }] };
  const fit = Math.min(1, (languageRank(best.level) + 1) / (languageRank(ADVISORY.workingLevel) + 1));
  return {
    fit,
    messages: [{ key: 'matching.person.language.best', params: { language: { languages: [best.code] }, level: best.level } } as Message],
  };
}

function overlap(period: AvailabilityPeriod, frame: { from: string; to: string }): number {
  const start = period.from > frame.from ? period.from : frame.from;
  const end = period.to === null || period.to > frame.to ? frame.to : period.to;
  return end < start ? 0 : days(start, end) / days(frame.from, frame.to);
}

function availabilityFit(person: PersonSupply, frame: { from: string; to: string }): Fitted {
  if (person.availability === null) return { fit: 0, messages: [hidden] };
  let fit = 0;
  let best: { share: number; covered: number } | undefined;
  for (const period of person.availability) {
    const covered = overlap(period, frame);
    const value = covered * Math.min(1, period.share / ADVISORY.share);
    if (covered > 0 && (best === undefined || value > fit)) {
      fit = value;
      best = { share: period.share, covered };
    }
  }
  const range = { from: { date: frame.from }, to: { date: frame.to } };
  if (!best) return { fit: 0, messages: [{ key: 'matching.person.availability.none', params: range } as Message] };
  return {
    fit,
    messages: [
      {
        key: 'matching.person.availability.covers',
        params: { share: best.share, covered: Math.round(best.covered * 100), ...range },
      } as Message,
    ],
  };
}

const CLOSENESS = { country: 1, subRegion: 0.6, region: 0.3, elsewhere: 0 } as const;

function dutyStationFit(need: AdvisoryNeed, person: PersonSupply): Fitted {
  const station = person.dutyStation;
  if (station === null) return { fit: 0, messages: [hidden] };
  const where =
    station.iso3 === need.place.iso3
      ? 'country'
      : station.subRegion !== null && station.subRegion === need.place.subRegion
        ? 'subRegion'
        : station.region !== null && station.region === need.place.region
          ? 'region'
          : 'elsewhere';
  const params = { station: { term: 'countries', code: station.iso3 }, country: { term: 'countries', code: need.place.iso3 } } as const;
  return { fit: CLOSENESS[where], messages: [{ key: `matching.person.station.${where}`, params } as Message] };
}

/** The hard constraints a person breaks for a need (empty: allowed). */
export function personViolations(need: AdvisoryNeed, person: PersonSupply, today: string): PersonExclusion['violations'] {
  const broken: { constraint: PersonConstraint; message: Message }[] = [];
  if (person.languages !== null && !person.languages.some((l) => need.languages.includes(l.code)))
    broken.push({
      constraint: 'language',
      message: {
        key: 'matching.person.excluded.language',
        params: { spoken: { languages: person.languages.map((l) => l.code) }, asked: { languages: need.languages } },
      },
    });
  const frame = advisoryTimeframe(need, today);
  if (person.availability !== null && person.availability.length > 0 && person.availability.every((p) => overlap(p, frame) === 0))
    broken.push({
      constraint: 'availability',
      message: { key: 'matching.person.excluded.availability', params: { from: { date: frame.from }, to: { date: frame.to } } },
    });
  return broken;
}

/** One person's score and explanation for a need, constraints aside. */
export function scorePerson(need: AdvisoryNeed, person: PersonSupply, context: { taxonomy: Taxonomy; today: string }): PersonMatch {
  const frame = advisoryTimeframe(need, context.today);
  const fits: Record<PersonComponent, Fitted> = {
    skills: skillsFit(need, person, context.taxonomy),
    languages: languagesFit(need, person),
    availability: availabilityFit(person, frame),
    'duty-station': dutyStationFit(need, person),
  };
  const explanation = PERSON_COMPONENTS.map((component): PersonExplanation => {
    const weight = PERSON_WEIGHTS[component];
    const { fit, messages } = fits[component];
    return { component, weight, fit: round(fit), points: round(weight * fit), messages };
  });
  return { id: person.id, score: round(explanation.reduce((sum, e) => sum + e.points, 0)), explanation };
}

/**
 * People for an advisory need, best first, and those a hard constraint excludes.
 * @example rankPeople(need, people, { taxonomy, today: '2027-01-15' }).ranked[0]?.id
 */
export function rankPeople(
  need: AdvisoryNeed,
  people: readonly PersonSupply[],
  context: { taxonomy: Taxonomy; today: string },
): PeopleRanking {
  const ranked: PersonMatch[] = [];
  const excluded: PersonExclusion[] = [];
  for (const person of people) {
    const violations = personViolations(need, person, context.today);
    if (violations.length > 0) excluded.push({ id: person.id, violations });
    else ranked.push(scorePerson(need, person, context));
  }
  return { ranked: ranked.toSorted((a, b) => b.score - a.score || byId(a, b)), excluded: excluded.toSorted(byId) };
}
