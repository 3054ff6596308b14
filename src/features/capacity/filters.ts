/**
 * The list parameters of offerings and needs as SQL conditions, after checking
 * every value against the vocabulary (an unknown code is a 400 naming the
 * parameter, not an empty list). Visibility comes from the policy: the
 * statuses and organisations an actor may read are asked of `can()`, never
 * decided here.
 */
import { sql, type RawBuilder } from 'kysely';
import { isLanguageCode, type Problem } from '../../core/capacity/plausibility.js';
import { NEED_STATUSES, OFFERING_STATUSES } from '../../core/capacity/workflow.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import { SDGS } from '../../core/reference/sdgs.js';
import { codesOf } from './schema-parts.js';
import type { NeedListQuery, OfferingListQuery } from './list-schemas.js';
import { problemsError } from './service-support.js';
import { eligibilityCodes, type Vocabulary } from './vocabulary.js';

/** An organisation id no record has: asks the policy about "any organisation but the actor's". */
const ANY_OTHER = '00000000-0000-0000-0000-000000000000';

type Check = (value: string) => boolean;

function checkCodes(problems: Problem[], param: string, values: readonly string[] | undefined, known: Check, what: string): void {
  values?.forEach((value, i) => {
    if (!known(value))
      problems.push({ path: [param, i], message: `"${value}" is not ${what}`, reason: 'unknown-value', values: { value } });
  });
}

const inList = (list: string): Check => {
  const codes = new Set(codesOf(list));
  return (v) => codes.has(v);
};

/** Checks the parameters both lists share. */
function commonProblems(query: OfferingListQuery | NeedListQuery, vocab: Vocabulary, statuses: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  checkCodes(problems, 'topics', query.topics, (v) => vocab.topics.has(v), 'a topic; see /api/v1/taxonomies/topics');
  checkCodes(problems, 'audiences', query.audiences, inList('audiences'), 'an audience');
  checkCodes(problems, 'targetGroups', query.targetGroups, inList('target-groups'), 'a target group');
  checkCodes(problems, 'levels', query.levels, inList('levels'), 'a level');
  checkCodes(problems, 'modalities', query.modalities, inList('modalities'), 'a modality');
  checkCodes(problems, 'languages', query.languages, isLanguageCode, 'an ISO 639 language code');
  checkCodes(problems, 'digcomp', query.digcomp, (v) => vocab.digcomp.has(v), 'a DigComp 2.2 code');
  checkCodes(problems, 'esco', query.esco, (v) => vocab.esco.has(v), 'an ESCO skill UUID');
  checkCodes(problems, 'status', query.status, (v) => statuses.includes(v), `a status (${statuses.join(', ')})`);
  if (query.from && query.to && query.to < query.from) problems.push({ path: ['to'], message: 'is before from', reason: 'to-before-from' });
  return problems;
}

/** Conditions name their table's columns in full: exports join `organisations`, which has a `kind` too. */
const overlaps = (column: string, values: readonly string[] | undefined) =>
  values && values.length > 0 ? [sql`${sql.ref(column)} && ${[...values]}::text[]`] : [];
const oneOf = (column: string, values: readonly string[] | undefined) =>
  values && values.length > 0 ? [sql`${sql.ref(column)} = any(${[...values]}::text[])`] : [];

/** DigComp areas stand for themselves and their competences. */
function digcompCodes(vocab: Vocabulary, codes: readonly string[] | undefined): string[] | undefined {
  return codes?.flatMap((code) => [code, ...(vocab.digcomp.get(code) ?? [])]);
}

function demoCondition(table: 'offerings' | 'needs', demo: OfferingListQuery['demo']): RawBuilder<unknown>[] {
  if (demo === 'exclude') return [sql`not ${sql.ref(`${table}.demo`)}`];
  if (demo === 'only') return [sql`${sql.ref(`${table}.demo`)}`];
  return [];
}

const and = (conditions: readonly RawBuilder<unknown>[]) => (conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `));

/**
 * The conditions of an offering list, for the actor.
 * @example offeringConditions(anonymous, { eligibleFor: 'NER', topics: ['cybersecurity'] }, vocab)
 */
export function offeringConditions(actor: Actor, query: OfferingListQuery, vocab: Vocabulary): RawBuilder<unknown> {
  const problems = commonProblems(query, vocab, OFFERING_STATUSES);
  checkCodes(problems, 'kind', query.kind, inList('offering-kinds'), 'an offering kind');
  checkCodes(problems, 'bandwidth', query.bandwidth, inList('bandwidth'), 'a bandwidth (offline, low, high)');
  checkCodes(problems, 'accessibility', query.accessibility, inList('accessibility-features'), 'an accessibility feature');
  checkCodes(problems, 'certification', query.certification, inList('certifications'), 'a certification code');
  checkCodes(problems, 'sdgs', query.sdgs, (v) => SDGS.some((g) => g.code === v), 'an SDG number 1–17');
  const eligible = query.eligibleFor ? eligibilityCodes(vocab, query.eligibleFor) : undefined;
  if (query.eligibleFor && !eligible)
    problems.push({
      path: ['eligibleFor'],
      message: `"${query.eligibleFor}" is not a country’s ISO alpha-3 code`,
      reason: 'unknown-country',
      values: { value: query.eligibleFor },
    });
  if (problems.length > 0) throw problemsError(problems, 'query');

  const statuses = query.status ?? ['published'];
  const everything = can(actor, 'read', { type: 'offering', ownerOrganisationId: ANY_OTHER, status: 'draft' });
  const ownOrganisations =
    actor.kind === 'user'
      ? actor.memberships
          .map((m) => m.organisationId)
          .filter((id) => can(actor, 'read', { type: 'offering', ownerOrganisationId: id, status: 'draft' }))
      : [];
  const visible = everything
    ? sql`true`
    : ownOrganisations.length > 0
      ? sql`(offerings.status = 'published' or offerings.provider_organisation_id = any(${ownOrganisations}::uuid[]))`
      : sql`offerings.status = 'published'`;
  const cost =
    query.cost === 'free'
      ? [sql`(offerings.cost_amount is null or offerings.cost_amount = 0)`]
      : query.cost === 'paid'
        ? [sql`offerings.cost_amount > 0`]
        : query.cost === 'waiver'
          ? [sql`offerings.waivers is not null`]
          : [];
  return and([
    // Written as an equality for the usual case, whose selectivity the planner knows (most rows), so it never
    // reads an index for it; a list of statuses is rarer (review queues, a provider's own pages).
    statuses.length === 1 ? sql`offerings.status = ${statuses[0]}` : sql`offerings.status = any(${statuses}::text[])`,
    visible,
    ...overlaps('offerings.topics', query.topics),
    ...overlaps('offerings.audiences', query.audiences),
    ...overlaps('offerings.target_groups', query.targetGroups),
    ...overlaps('offerings.levels', query.levels),
    ...overlaps('offerings.languages', query.languages),
    ...overlaps('offerings.digcomp', digcompCodes(vocab, query.digcomp)),
    ...overlaps('offerings.esco', query.esco),
    ...overlaps('offerings.accessibility', query.accessibility),
    ...overlaps('offerings.sdgs', query.sdgs),
    ...oneOf('offerings.modality', query.modalities),
    ...oneOf('offerings.bandwidth', query.bandwidth),
    ...oneOf('offerings.kind', query.kind),
    ...oneOf('offerings.certification', query.certification),
    ...(eligible
      ? [sql`(offerings.eligible_countries && ${eligible.countries}::text[] or offerings.eligible_groups && ${eligible.groups}::text[])`]
      : []),
    ...cost,
    ...(query.from || query.to
      ? [
          sql`(offerings.rolling or ((${query.to ?? null}::date is null or offerings.start_date <= ${query.to ?? null}::date)
               and (${query.from ?? null}::date is null or coalesce(offerings.end_date, offerings.start_date) >= ${query.from ?? null}::date)))`,
        ]
      : []),
    ...(query.provider ? [sql`offerings.provider_organisation_id = ${query.provider}::uuid`] : []),
    ...demoCondition('offerings', query.demo),
  ]);
}

/** The conditions of a need list, for the actor. */
export function needConditions(actor: Actor, query: NeedListQuery, vocab: Vocabulary): RawBuilder<unknown> {
  const problems = commonProblems(query, vocab, NEED_STATUSES);
  checkCodes(problems, 'urgency', query.urgency, inList('urgencies'), 'an urgency (low, medium, high, critical)');
  let countries: readonly string[] | undefined;
  if (query.country) {
    countries = vocab.countries.has(query.country) ? [query.country] : vocab.groups.get(query.country);
    if (!countries)
      problems.push({
        path: ['country'],
        message: `"${query.country}" is neither a country’s ISO alpha-3 code nor a group code`,
        reason: 'unknown-country-or-group',
        values: { value: query.country },
      });
  }
  if (problems.length > 0) throw problemsError(problems, 'query');
  const membersToo = can(actor, 'read', { type: 'need', ownerOrganisationId: ANY_OTHER, status: 'open', visibility: 'members' });
  return and([
    ...(membersToo ? [] : [sql`needs.visibility = 'public'`]),
    ...oneOf('needs.status', query.status),
    ...overlaps('needs.topics', query.topics),
    ...overlaps('needs.audiences', query.audiences),
    ...overlaps('needs.target_groups', query.targetGroups),
    ...oneOf('needs.level', query.levels),
    ...overlaps('needs.languages', query.languages),
    ...overlaps('needs.digcomp', digcompCodes(vocab, query.digcomp)),
    ...overlaps('needs.esco', query.esco),
    ...oneOf('needs.preferred_modality', query.modalities),
    ...oneOf('needs.urgency', query.urgency),
    ...(countries ? [sql`needs.country_iso3 = any(${[...countries]}::text[])`] : []),
    ...(query.from || query.to
      ? [
          sql`((${query.to ?? null}::date is null or needs.start_date is null or needs.start_date <= ${query.to ?? null}::date)
               and (${query.from ?? null}::date is null or needs.end_date is null or needs.end_date >= ${query.from ?? null}::date))`,
        ]
      : []),
    ...(query.requester ? [sql`needs.requester_organisation_id = ${query.requester}::uuid`] : []),
    ...demoCondition('needs', query.demo),
  ]);
}
