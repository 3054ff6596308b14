/**
 * The shape of the words generated demo offerings and needs are written in,
 * one file per UN language (phrases-<lang>.ts). Titles are parallel across
 * languages (index i is the same course in every language), so a demo
 * offering's translations are true translations of each other.
 */

export interface TopicPhrases {
  /** Two titles of offerings about the topic. */
  readonly titles: readonly [string, string];
  /** One summary of such an offering (one or two sentences). */
  readonly summary: string;
  /** The title of a need about the topic. */
  readonly need: string;
}

export interface Phrases {
  readonly topics: Readonly<Record<string, TopicPhrases>>;
  readonly financing: readonly [string, string];
  readonly infrastructure: readonly [string, string];
  readonly financingSummary: string;
  readonly infrastructureSummary: string;
  /** How fees are waived, for paid offerings that waive them. */
  readonly waiver: string;
  /** A place appended to a title: a country or region the offering is for. */
  readonly place: (name: string) => string;
  /** The last paragraph of every generated description. */
  readonly demoOffering: string;
  readonly demoNeed: string;
  /** The opening of a need's description, naming the country. */
  readonly needIntro: (country: string, people: number) => string;
  /** A sentence on the delivery: hours and the delivery languages' names. */
  readonly delivery: (hours: number) => string;
}
