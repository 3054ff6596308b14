/**
 * Which published financing and infrastructure pledges could address which of
 * a country's connectivity gaps: for the country page and the country brief
 * (a later round calls `countryPledges` and renders `presentCountryPledges`).
 * The gaps come from the country's profile (latest value against each UMC
 * target), the pledges from the catalogue (published, open to the country),
 * the matching from the engine (core/matching/pledges.ts).
 */
import { PLEDGE_KINDS } from '../../core/capacity/plausibility.js';
import { pledgesForGaps, umcGaps, type Gap, type Message, type MeasuredIndicator } from '../../core/matching/index.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { Language } from '../../shared/localised.js';
import { offeringConditions, offeringsByIds, presentOfferingSummary, vocabulary, type OfferingSummary } from '../capacity/index.js';
import { countryProfile } from '../indicators/index.js';
import { pledgeCandidates } from './candidate-repository.js';
import { reference } from './context.js';
import { renderMessages, type Labels } from './render.js';

/** Most pledges read for one country. */
const PLEDGE_CAP = 500;

export interface CountryPledges {
  readonly country: string;
  readonly gaps: {
    readonly gap: Gap;
    readonly furthest: boolean;
    readonly message: Message;
    readonly pledges: { readonly record: OfferingSummary; readonly score: number; readonly messages: readonly Message[] }[];
  }[];
}

/**
 * The country's UMC gaps, furthest first, each with the pledges that address it.
 * @example (await countryPledges(db, anonymous, 'NER')).gaps[0]?.pledges[0]?.record.title
 */
export async function countryPledges(db: Db, actor: Actor, iso3: string, options: { today?: string } = {}): Promise<CountryPledges> {
  const upper = iso3.toUpperCase();
  const vocab = await vocabulary(db);
  const facts = vocab.countries.get(upper);
  if (!facts) throw new AppError('not-found', `No country with ISO alpha-3 code "${iso3}"`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const where = offeringConditions(actor, { status: ['published'], kind: [...PLEDGE_KINDS], eligibleFor: upper, limit: 1 }, vocab);
  const [rows, profile, ref] = await Promise.all([
    pledgeCandidates(db, where, PLEDGE_CAP),
    countryProfile(db, upper).catch(() => undefined),
    reference(db),
  ]);
  const indicators: MeasuredIndicator[] = (profile?.indicators ?? []).map((i) => ({
    code: i.code,
    latest: i.latest ? { value: i.latest.value, year: i.latest.year } : null,
    target: i.target,
  }));
  const result = pledgesForGaps(
    { iso3: upper, groups: facts.groups },
    umcGaps(ref.umcDimensions, indicators),
    rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      umcDimension: r.umc_dimension,
      eligibleCountries: r.eligible_countries,
      eligibleGroups: r.eligible_groups,
      endDate: r.end_date,
    })),
    today,
  );
  const ids = result.gaps.flatMap((g) => g.pledges.map((p) => p.id));
  const summaries = new Map((await offeringsByIds(db, ids)).map((row) => [row.id, presentOfferingSummary(row)] as const));
  return {
    country: upper,
    gaps: result.gaps.map((g) => ({
      gap: g.gap,
      furthest: g.furthest,
      message: g.message,
      pledges: g.pledges.flatMap((p) => {
        const record = summaries.get(p.id);
        return record ? [{ record, score: p.score, messages: p.messages }] : [];
      }),
    })),
  };
}

/** The gaps and pledges with their sentences in the reader's language. */
export function presentCountryPledges(result: CountryPledges, lang: Language, labels: Labels) {
  return {
    country: result.country,
    gaps: result.gaps.map(({ gap, furthest, message, pledges }) => ({
      dimension: gap.dimension,
      indicator: gap.indicator,
      figure: gap.figure,
      distance: gap.distance,
      furthest,
      text: renderMessages(lang, [message], labels),
      pledges: pledges.map((p) => ({ score: p.score, offering: p.record, text: renderMessages(lang, p.messages, labels) })),
    })),
  };
}
