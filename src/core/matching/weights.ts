/**
 * Every number the matching engine scores with, in one place. docs/methods.md
 * (Matching) gives the reasons; change them there and here together.
 *
 * A score is Σ weight × fit over the components, each fit in [0, 1]; the
 * weights sum to 1, so a score is in [0, 1]. Missing information on the
 * demand side means "anything goes" (fit 1: the requester did not restrict);
 * missing information on the supply side means "unknown" (a neutral fit,
 * usually 0.5), so that stating a fitting attribute can only help.
 */
import type { Component } from './types.js';

export const WEIGHTS: Readonly<Record<Component, number>> = {
  // What it is about decides most: a perfect format on the wrong subject is no match.
  topic: 0.3,
  // Whether people there can actually follow it: the platform's reason to exist.
  connectivity: 0.15,
  audience: 0.12,
  text: 0.1,
  cost: 0.1,
  level: 0.08,
  modality: 0.08,
  // Small until the workflow has produced records worth trusting.
  'track-record': 0.07,
};

/** Strength of a link between two vocabulary terms (taxonomy.ts), 0–1. */
export const LINKS = {
  same: 1,
  /** A DigComp competence and its area. */
  competenceArea: 0.75,
  /** An ESCO skill and the DigComp competence (or area) it describes. */
  escoDigcomp: 0.8,
  escoDigcompArea: 0.6,
  /** An ESCO skill and its broader (or narrower) skill. */
  escoBroader: 0.7,
  /** Two competences of one DigComp area. */
  siblingCompetences: 0.45,
  /** A topic and a DigComp area (or a competence of it) the topic builds. */
  topicArea: 0.5,
  /** Two topics that build a common DigComp area. */
  relatedTopics: 0.35,
} as const;

/** How the topic component weighs topics against competences and skills when the demand lists both. */
export const TOPIC_SHARE = 0.65;

/** Audience fit: the audiences asked for, the target groups, and whether the seats cover the people. */
export const AUDIENCE_PARTS = { audiences: 0.6, targetGroups: 0.25, size: 0.15 } as const;
/** A target group the supply is open to but not designed for. */
export const GENERAL_TARGET_GROUP_FIT = 0.5;
/** Seats for a small share of the people still train some of them (and trainers). */
export const MIN_SIZE_FIT = 0.25;

/** Levels in order; fit by the distance between the asked level and the nearest offered. */
export const LEVELS = ['foundation', 'intermediate', 'advanced', 'highly-specialised'] as const;
export const LEVEL_FIT_BY_DISTANCE = [1, 0.5, 0.15, 0] as const;

/** Modality fit between the preferred modality (first key) and the offered one. */
export const MODALITY_FIT: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'in-person': { 'in-person': 1, blended: 0.6, 'live-online': 0.2, 'self-paced-online': 0.1 },
  blended: { blended: 1, 'in-person': 0.6, 'live-online': 0.6, 'self-paced-online': 0.4 },
  'live-online': { 'live-online': 1, blended: 0.6, 'self-paced-online': 0.5, 'in-person': 0.2 },
  'self-paced-online': { 'self-paced-online': 1, 'live-online': 0.5, blended: 0.4, 'in-person': 0.1 },
};

/** Neutral fit for what the supply does not state (level, modality, bandwidth) and for an unknown track record. */
export const UNKNOWN_FIT = 0.5;

/**
 * Connectivity (connectivity.ts). A country's level is its weakest measured
 * figure on a 0–1 scale; a format's demand is on the same scale; the fit falls
 * by PENALTY per unit of demand above the level.
 */
export const CONNECTIVITY = {
  /** Entry-level broadband price (% of monthly GNI per capita): ≤ affordable is 1, ≥ unaffordable is 0 (Broadband Commission target: 2 %). */
  price: { affordable: 2, unaffordable: 10 },
  /** GNI per capita (US$), on a log scale, when no price is known: ≤ floor is 0, ≥ ceiling is 1. */
  gni: { floor: 500, ceiling: 8000 },
  /** Demand of a format on the connectivity scale. */
  demand: {
    offline: 0,
    inPerson: 0.1,
    low: 0.3,
    high: 0.75,
    /** Online without a stated bandwidth: a steady connection is assumed. */
    'self-paced-online': 0.5,
    'live-online': 0.6,
    blended: 0.4,
    unstated: 0.5,
  },
  penalty: 1.6,
  /** A level at or above this is "well connected": the explanation says connectivity is no obstacle. */
  good: 0.75,
} as const;

/** Cost fits; a pair takes the best case that applies. */
export const COST_FIT = {
  free: 1,
  /** Paid, fee waivers stated, and the country is a least developed country. */
  waiverLdc: 0.9,
  /** Paid, within the budget (same currency). */
  withinBudget: 0.8,
  /** Paid, with waivers (not an LDC). */
  waiver: 0.6,
  /** Paid, no budget stated or in another currency. */
  paid: 0.5,
  /** Paid, over budget: this times budget ÷ cost. */
  overBudget: 0.5,
} as const;

/** Text relevance: fit = rank ÷ (rank + HALF), so a ts_rank of HALF scores 0.5. */
export const TEXT_HALF = 0.05;

/**
 * Track record: a Bayesian mean of ratings (PRIOR ratings of NEUTRAL_RATING
 * added) on 1–5, and experience from completed matches (half way at
 * EXPERIENCE_HALF). No record gives exactly UNKNOWN_FIT.
 */
export const TRACK_RECORD = { prior: 3, neutralRating: 3, experienceHalf: 5, ratingShare: 0.75 } as const;

/** Decimals of points and scores. */
export const POINT_DECIMALS = 4;

/**
 * People for an advisory need (people.ts). Skills decide most, as topic does for offerings; a
 * shared working language and time in the need's timeframe come next; a duty station near the
 * need helps (travel, time zone, context) but advice is often given from afar.
 */
export const PERSON_WEIGHTS = { skills: 0.45, languages: 0.2, availability: 0.2, 'duty-station': 0.15 } as const;

export const ADVISORY = {
  /** A share of working time that fully serves an advisory need (a day a week): less counts in proportion. */
  share: 20,
  /** A need without an end date is measured over this many days from its start. */
  horizonDays: 90,
  /** The language level that counts in full; below it, in proportion to the level's rank. */
  workingLevel: 'C1',
} as const;
