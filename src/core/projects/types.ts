/**
 * The platform's project: what a projects page shows, what matching reads (countries, SDGs,
 * sectors, tags) and what an IATI 2.03 activity export writes back. It is shaped after the IATI
 * activity because that is the one standard for describing development projects, but it keeps only
 * what the platform uses and what survives a round trip (import → export → import gives an equal
 * project); everything else in an IATI file is reported on import as "not used by the platform".
 *
 * Conventions
 * - Text is multilingual: a list of narratives, each with its language (a canonical BCP 47 tag,
 *   e.g. `en`, `fr`, `pt-BR`). `lang` is `null` only when neither the narrative nor the project
 *   names a language, so a project with a `defaultLanguage` has no narrative without one.
 * - Dates are calendar days `YYYY-MM-DD`; the moment a record changed is `lastUpdated`.
 * - Codes from IATI codelists that the platform reasons about are named (`'implementation'`,
 *   `'funding'`); open vocabularies (sectors, regions, tags, policy markers) keep the IATI
 *   vocabulary and code as strings, since their lists are long and change outside our control.
 * - Countries are ISO 3166-1 alpha-3, like everywhere else on the platform.
 * - Amounts are numbers in the stated currency (ISO 4217); `currency: null` means the project's
 *   `defaultCurrency` applies, as in IATI (see `currencyOf`).
 * - `null` means "not stated", never "zero" or "false".
 */

/** One piece of text in one language, as an IATI `<narrative xml:lang="…">`. */
export interface Narrative {
  readonly lang: string | null;
  readonly text: string;
}

/** The same text in any number of languages (empty when not given). */
export type MultilingualText = readonly Narrative[];

export type ActivityStatus = 'pipeline' | 'implementation' | 'finalisation' | 'closed' | 'cancelled' | 'suspended';

export type OrganisationRole = 'funding' | 'accountable' | 'extending' | 'implementing';

export type OrganisationType =
  | 'government'
  | 'local-government'
  | 'other-public-sector'
  | 'international-ngo'
  | 'national-ngo'
  | 'regional-ngo'
  | 'partner-country-ngo'
  | 'public-private-partnership'
  | 'multilateral'
  | 'foundation'
  | 'private-sector'
  | 'private-sector-provider-country'
  | 'private-sector-recipient-country'
  | 'private-sector-third-country'
  | 'academic-training-research'
  | 'other';

export type DescriptionType = 'general' | 'objectives' | 'target-groups' | 'other';

export type ContactType = 'general' | 'project-management' | 'financial' | 'communications';

export type BudgetType = 'original' | 'revised';

export type BudgetStatus = 'indicative' | 'committed';

export type TransactionType =
  | 'incoming-funds'
  | 'outgoing-commitment'
  | 'disbursement'
  | 'expenditure'
  | 'interest-payment'
  | 'loan-repayment'
  | 'reimbursement'
  | 'purchase-of-equity'
  | 'sale-of-equity'
  | 'credit-guarantee'
  | 'incoming-commitment'
  | 'outgoing-pledge'
  | 'incoming-pledge';

/** The organisation that published (or, on the platform, owns) the project record. */
export interface ReportingOrganisation {
  /** IATI organisation identifier, e.g. `XM-DAC-41114` (UNDP). */
  readonly ref: string;
  readonly type: OrganisationType | null;
  /** True when the publisher reports on behalf of another organisation. */
  readonly secondaryReporter: boolean | null;
  readonly name: MultilingualText;
}

/** An organisation taking part: who pays, who answers for it, who manages, who implements. */
export interface ParticipatingOrganisation {
  readonly role: OrganisationRole;
  /** IATI organisation identifier when known. */
  readonly ref: string | null;
  readonly type: OrganisationType | null;
  /** The organisation's own IATI identifier for its side of this activity. */
  readonly activityId: string | null;
  readonly name: MultilingualText;
}

export interface ProjectDescription {
  readonly type: DescriptionType;
  readonly text: MultilingualText;
}

export interface ProjectDates {
  readonly plannedStart: string | null;
  readonly actualStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualEnd: string | null;
}

export interface RecipientCountry {
  /** ISO 3166-1 alpha-3. */
  readonly iso3: string;
  /** Share of the project (0–100) when split between countries and regions. */
  readonly percentage: number | null;
}

export interface RecipientRegion {
  /** IATI RegionVocabulary: `1` OECD DAC regions, `2` UN M49 regions, `99` the publisher's own. */
  readonly vocabulary: string;
  readonly vocabularyUri: string | null;
  readonly code: string;
  readonly percentage: number | null;
}

/** A sector from a non-SDG vocabulary (`1` DAC 5-digit, `2` DAC 3-digit, `10` humanitarian clusters …). */
export interface Sector {
  readonly vocabulary: string;
  readonly vocabularyUri: string | null;
  readonly code: string;
  readonly percentage: number | null;
  readonly name: MultilingualText;
}

/** A free tag from a non-SDG vocabulary (`1` Agrovoc, `99` the publisher's own …). */
export interface Tag {
  readonly vocabulary: string;
  readonly vocabularyUri: string | null;
  readonly code: string;
  readonly name: MultilingualText;
}

export type SdgLevel = 'goal' | 'target' | 'indicator';

/**
 * A link to a Sustainable Development Goal, target or indicator (`4`, `4.4`, `4.4.1`).
 * IATI carries it either as a tag (vocabulary 2 goals, 3 targets) or as a sector (7 goals,
 * 8 targets, 9 indicators, with a percentage); `via` remembers which, so an export says it the
 * same way. A project made on the platform uses `via: 'tag'`.
 * Kept in canonical order (see `sortSdgLinks`): goals, then targets, then indicators, by number.
 */
export interface SdgLink {
  readonly level: SdgLevel;
  readonly code: string;
  readonly via: 'tag' | 'sector';
  /** Only for `via: 'sector'`: the share of the project (0–100). */
  readonly percentage: number | null;
}

/** An OECD DAC policy marker (vocabulary `1`: gender equality, environment, disability …) or another vocabulary's. */
export interface PolicyMarker {
  readonly vocabulary: string;
  readonly vocabularyUri: string | null;
  readonly code: string;
  /** 0 not targeted, 1 significant, 2 principal objective, 3 principal and in project design, 4 explicit primary. */
  readonly significance: number | null;
}

export interface Money {
  readonly amount: number;
  /** ISO 4217; `null` when the project's `defaultCurrency` applies. */
  readonly currency: string | null;
  /** The day the amount was valued at, for currency conversion. */
  readonly valueDate: string;
}

export interface Budget {
  readonly type: BudgetType;
  readonly status: BudgetStatus;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: Money;
}

/** A transaction summarised: what kind, when, how much (parties and classifications are not kept). */
export interface Transaction {
  readonly type: TransactionType;
  readonly date: string;
  readonly value: Money;
}

export interface ContactInfo {
  readonly type: ContactType | null;
  readonly organisation: MultilingualText;
  readonly department: MultilingualText;
  readonly personName: MultilingualText;
  readonly jobTitle: MultilingualText;
  readonly telephones: readonly string[];
  readonly emails: readonly string[];
  readonly websites: readonly string[];
  /** Each address is one multilingual text. */
  readonly mailingAddresses: readonly MultilingualText[];
}

export interface DocumentLink {
  readonly url: string;
  /** IANA media type, e.g. `application/pdf`. */
  readonly format: string;
  readonly title: MultilingualText;
  readonly description: MultilingualText;
  /** IATI DocumentCategory codes (`A01` pre- and post-project impact appraisal …); at least one. */
  readonly categories: readonly string[];
  /** Languages the document is written in (canonical tags). */
  readonly languages: readonly string[];
  readonly date: string | null;
}

export interface Project {
  /** Globally unique IATI activity identifier, prefixed by the reporting organisation's. */
  readonly iatiIdentifier: string;
  /** When the publisher last changed the record (xsd:dateTime as written), to spot newer revisions. */
  readonly lastUpdated: string | null;
  /** The language of narratives that do not name one (IATI `iati-activity/@xml:lang`). */
  readonly defaultLanguage: string | null;
  /** ISO 4217, for amounts without a currency of their own. */
  readonly defaultCurrency: string | null;
  /** Whether the project is humanitarian (in whole or in part). */
  readonly humanitarian: boolean | null;
  readonly reportingOrg: ReportingOrganisation;
  /** At least one narrative. */
  readonly title: MultilingualText;
  readonly descriptions: readonly ProjectDescription[];
  readonly participatingOrgs: readonly ParticipatingOrganisation[];
  readonly status: ActivityStatus | null;
  readonly dates: ProjectDates;
  readonly contacts: readonly ContactInfo[];
  readonly recipientCountries: readonly RecipientCountry[];
  readonly recipientRegions: readonly RecipientRegion[];
  readonly sectors: readonly Sector[];
  readonly tags: readonly Tag[];
  readonly sdgs: readonly SdgLink[];
  readonly policyMarkers: readonly PolicyMarker[];
  readonly budgets: readonly Budget[];
  readonly transactions: readonly Transaction[];
  readonly documentLinks: readonly DocumentLink[];
}

/** Two-way ISO 3166-1 alpha-2 ⇄ alpha-3 lookup, supplied by the caller from the reference data. */
export interface CountryCodes {
  iso3Of(iso2: string): string | undefined;
  iso2Of(iso3: string): string | undefined;
}
