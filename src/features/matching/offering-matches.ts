/**
 * Open needs for an offering: the offering read with the reader's permissions
 * (drafts for their provider and coordinators only), then the same path as
 * need-matches.ts the other way round. Only needs the reader may read are
 * candidates (members-only needs for signed-in people), in every mode.
 */
import { rankDemands } from '../../core/matching/index.js';
import type { Actor } from '../../core/policy/actor.js';
import type { SearchField } from '../../platform/search/index.js';
import {
  getOffering,
  needConditions,
  needsByIds,
  presentNeedSummary,
  vocabulary,
  type NeedSummary,
  type Offering,
  type Vocabulary,
} from '../capacity/index.js';
import { needCandidates } from './candidate-repository.js';
import { dataVersion } from '../imports/index.js';
import { countryContexts, reference } from './context.js';
import { demandOfRow, supplyOfOffering } from './convert.js';
import { NO_HISTORY } from './history.js';
import {
  attach,
  CANDIDATE_CAP,
  candidatesOf,
  EXCLUDED_SHOWN,
  linksOf,
  stopwatch,
  todayUtc,
  unknownCountry,
  type Candidates,
  type Excluded,
  type MatchingDeps,
  type MatchOptions,
  type Ranked,
} from './service-support.js';

export interface OfferingMatches {
  readonly offering: Offering;
  readonly items: Ranked<NeedSummary>[];
  readonly excluded: Excluded<NeedSummary>[] | null;
  readonly excludedTotal: number | null;
  readonly candidates: Candidates;
}

/** Countries an offering is open to, or null for the world. */
function eligibleCountries(offering: Offering, vocab: Vocabulary): string[] | null {
  const { eligibleCountries: countries, eligibleGroups: groups } = offering;
  if ((countries.length === 0 && groups.length === 0) || groups.includes('WLD')) return null;
  return [...new Set([...countries, ...groups.flatMap((g) => vocab.groups.get(g) ?? [])])].toSorted();
}

/**
 * Open needs the actor may read that an offering the actor may read could serve, best first.
 * @example await matchesForOffering({ db }, actor, offeringId, { limit: 10, explainExcluded: true })
 */
export async function matchesForOffering(
  deps: MatchingDeps,
  actor: Actor,
  offeringId: string,
  options: MatchOptions,
): Promise<OfferingMatches> {
  const { db } = deps;
  const history = deps.history ?? NO_HISTORY;
  const lap = stopwatch(options.observe);
  const today = options.today ?? todayUtc();
  const explain = options.explainExcluded ?? false;
  const [offering, version] = await Promise.all([getOffering(db, actor, offeringId), dataVersion(db)]);
  const [ref, vocab, records, taken] = await Promise.all([
    reference(db, version),
    vocabulary(db, version),
    history.trackRecords(db, [offering.provider.id]),
    history.seatsTaken(db, [offering.id]),
  ]);
  const supply = supplyOfOffering(offering, {
    trackRecord: records.get(offering.provider.id) ?? null,
    seatsTaken: taken.get(offering.id) ?? 0,
  });
  lap('context');
  const where = needConditions(
    actor,
    explain ? { status: ['open'], limit: 1 } : { status: ['open'], languages: offering.languages, limit: 1 },
    vocab,
  );
  const text: SearchField[] = [
    { text: offering.title, language: offering.language, weight: 'A' },
    { text: offering.summary, language: offering.language, weight: 'B' },
    ...offering.translations.flatMap((t): SearchField[] => [
      { text: t.title, language: t.language, weight: 'A' },
      { text: t.summary, language: t.language, weight: 'B' },
    ]),
  ];
  const start = offering.startDate ?? offering.endDate;
  const constraints = explain
    ? null
    : {
        countries: eligibleCountries(offering, vocab),
        runs: offering.rolling || start === null ? null : { start, end: offering.endDate ?? start },
        today,
        pledge: supply.kind === 'financing-pledge' || supply.kind === 'infrastructure-pledge',
      };
  const found = await needCandidates(db, { where, links: linksOf(ref.taxonomy, offering), text, cap: CANDIDATE_CAP }, constraints);
  const { rows } = found;
  lap('candidates');
  const contexts = await countryContexts(
    db,
    rows.map((r) => r.country_iso3),
    version,
  );
  const ranking = rankDemands(
    supply,
    rows.map((row) => ({
      record: demandOfRow(row, contexts.get(row.country_iso3) ?? unknownCountry(row.country_iso3)),
      textRank: row.text_rank,
    })),
    { taxonomy: ref.taxonomy, today },
  );
  lap('score');
  const top = ranking.ranked.slice(0, options.limit);
  const shown = explain ? ranking.excluded.slice(0, EXCLUDED_SHOWN) : [];
  const summaries = new Map(
    (
      await needsByIds(
        db,
        [...top, ...shown].map((m) => m.id),
      )
    ).map((row) => [row.id, presentNeedSummary(row)] as const),
  );
  lap('records');
  return {
    offering,
    items: attach(top, summaries).map(({ record, item }) => ({ record, match: item })),
    excluded: explain ? attach(shown, summaries).map(({ record, item }) => ({ record, exclusion: item })) : null,
    excludedTotal: explain ? ranking.excluded.length : null,
    candidates: candidatesOf(found, explain),
  };
}
