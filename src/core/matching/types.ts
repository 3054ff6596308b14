/**
 * What the matching engine reads and returns. The engine ranks SUPPLY for a
 * DEMAND and demands for a supply; both directions score the same pair the
 * same way. Today a demand is a requester's need and a supply is a provider's
 * offering; a person (supply) for a need or a project role (demand) is meant
 * to join as another producer of these shapes: a profile's skills are its
 * `digcomp`/`esco`, its languages its `languages`, its availability its dates.
 *
 * Everything here is plain data built by a feature from its records: the
 * engine never sees a database row, a request or a clock (`today` is given).
 */
import type { MatchingMessageKey } from './messages.js';

/** A measured value and the year it describes. */
export interface Figure {
  readonly value: number;
  readonly year: number;
}

/**
 * A country's measured connectivity, as the indicators engine publishes it
 * (latest value of each indicator). Any of them may be missing.
 */
export interface Connectivity {
  /** Individuals using the internet, % of the population (`internet-use`). */
  readonly internetUse: Figure | null;
  /** Population covered by at least a 4G network, % (`mobile-coverage-4g`). */
  readonly coverage4g: Figure | null;
  /** Entry-level broadband price, % of monthly GNI per capita (`broadband-affordability`). */
  readonly broadbandPrice: Figure | null;
  /** GNI per capita, Atlas method, current US$ (`gni-per-capita`): the affordability yardstick when no price is known. */
  readonly gniPerCapita: Figure | null;
}

/** The country a demand is in: its groups decide eligibility, its connectivity the format that suits. */
export interface CountryContext {
  readonly iso3: string;
  /** Every group code it belongs to: WLD, its M49 region, sub-region and intermediate region, LDC, LLDC, SIDS, income group. */
  readonly groups: readonly string[];
  readonly connectivity: Connectivity;
}

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** What a demand asks for (a need; later a project role). */
export interface Demand {
  readonly id: string;
  readonly country: CountryContext;
  /** Languages the people can learn in (ISO 639). At least one shared with the supply, or no match. */
  readonly languages: readonly string[];
  readonly topics: readonly string[];
  /** DigComp 2.2 area or competence codes. */
  readonly digcomp: readonly string[];
  /** ESCO skill UUIDs. */
  readonly esco: readonly string[];
  readonly audiences: readonly string[];
  readonly targetGroups: readonly string[];
  readonly peopleCount: number | null;
  readonly level: string | null;
  readonly preferredModality: string | null;
  /** Timeframe: earliest start and latest end (YYYY-MM-DD), either open. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly budget: Money | null;
}

/**
 * A provider's record of delivered matches: completed matches and the ratings
 * requesters gave (1–5). Null means "no record", which scores neutrally; the
 * match workflow will supply it.
 */
export interface TrackRecord {
  readonly completed: number;
  readonly ratings: number;
  /** Sum of the ratings given (each 1–5). */
  readonly ratingSum: number;
}

/** What a supply offers (an offering; later a person). */
export interface Supply {
  readonly id: string;
  readonly kind: string;
  readonly providerId: string;
  /** Languages it is delivered in. */
  readonly languages: readonly string[];
  readonly topics: readonly string[];
  readonly digcomp: readonly string[];
  readonly esco: readonly string[];
  readonly audiences: readonly string[];
  readonly targetGroups: readonly string[];
  readonly levels: readonly string[];
  readonly accessibility: readonly string[];
  readonly modality: string | null;
  /** Bandwidth a participant needs: offline, low, high, or unstated. */
  readonly bandwidth: string | null;
  /** Open to these countries and groups; both empty means the world. */
  readonly eligibleCountries: readonly string[];
  readonly eligibleGroups: readonly string[];
  /** Fee per participant; null when free. */
  readonly fee: Money | null;
  /** True when the provider states fee waivers. */
  readonly waivers: boolean;
  readonly startDate: string | null;
  readonly endDate: string | null;
  /** Open at any time: always inside a timeframe. */
  readonly rolling: boolean;
  /** Seats in all; null when unlimited or not stated. */
  readonly seats: number | null;
  /** Seats already promised to accepted matches (0 until the workflow records them). */
  readonly seatsTaken: number;
  readonly trackRecord: TrackRecord | null;
}

/** The scored components of a match, in the order explanations list them. */
export const COMPONENTS = ['topic', 'audience', 'level', 'modality', 'connectivity', 'cost', 'text', 'track-record'] as const;
export type Component = (typeof COMPONENTS)[number];

/** The hard constraints, in the order they are checked and reported. */
export const CONSTRAINTS = ['kind', 'language', 'eligibility', 'dates', 'seats'] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

/** Lists whose codes an explanation may name; the feature renders the name in the reader's language. */
export type TermList =
  | 'topics'
  | 'digcomp'
  | 'esco'
  | 'audiences'
  | 'target-groups'
  | 'levels'
  | 'modalities'
  | 'bandwidth'
  | 'indicators'
  | 'umc-dimensions'
  | 'countries'
  | 'groups';

/** A parameter of an explanation message: a number, plain text, or something the reader's language formats. */
export type Param =
  | number
  | string
  | { readonly term: TermList; readonly code: string }
  | { readonly money: Money }
  | { readonly date: string }
  | { readonly languages: readonly string[] };

/** One sentence of an explanation: a key of the `matching` message namespace and its parameters. */
export interface Message {
  readonly key: MatchingMessageKey;
  readonly params: Readonly<Record<string, Param>>;
}

/** How one component scored a pair: its share of the score and why, in one or more sentences. */
export interface Explanation {
  readonly component: Component;
  /** The component's weight (weights.ts). */
  readonly weight: number;
  /** How well the pair fits on this component, 0–1. */
  readonly fit: number;
  /** weight × fit, rounded to four decimals: the points add up to the score. */
  readonly points: number;
  readonly messages: readonly Message[];
}

export interface Violation {
  readonly constraint: Constraint;
  readonly message: Message;
}

export interface Match {
  /** The candidate's id. */
  readonly id: string;
  /** 0–1: the sum of the explanation's points. */
  readonly score: number;
  readonly explanation: readonly Explanation[];
}

export interface Exclusion {
  readonly id: string;
  /** Every hard constraint the pair breaks, in CONSTRAINTS order (never empty). */
  readonly violations: readonly Violation[];
  /** What it would have scored; only orders the list of exclusions. */
  readonly scoreIfAllowed: number;
}

export interface Ranking {
  /** Allowed candidates, best first (score, then id). */
  readonly ranked: readonly Match[];
  /** Candidates a hard constraint excludes, the closest first. */
  readonly excluded: readonly Exclusion[];
}

/** The hierarchy the topic component walks (see taxonomy.ts). */
export interface Taxonomy {
  /** Topic code → the DigComp areas it builds (topics.csv). */
  readonly topicAreas: ReadonlyMap<string, readonly string[]>;
  /** DigComp competence code → its area code ('4.2' → '4'). Areas are not keys. */
  readonly competenceArea: ReadonlyMap<string, string>;
  /** ESCO skill → its broader ESCO skills within the collection. */
  readonly escoBroader: ReadonlyMap<string, readonly string[]>;
  /** ESCO skill → the DigComp codes it is the descriptor of (DigComp 2.2 names an ESCO concept per area and competence). */
  readonly escoDigcomp: ReadonlyMap<string, readonly string[]>;
}

/** What a ranking needs besides the records themselves. */
export interface MatchContext {
  readonly taxonomy: Taxonomy;
  /** The date matching happens on (YYYY-MM-DD): nothing that starts earlier can still be joined. */
  readonly today: string;
}

/** A candidate with its text relevance to the subject (ts_rank of the candidate's search document, ≥ 0). */
export interface Candidate<T> {
  readonly record: T;
  readonly textRank: number;
}
