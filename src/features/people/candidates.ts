/**
 * The people a viewer may consider for a role, as the scorer needs them: drawn from the finder's
 * rows of the viewer's audience (so only what the viewer may see is ever scored), those sharing a
 * required skill or language with the role first, at most `cap` of them — the platform never ranks
 * every profile (ENGINEERING: rank a capped candidate set). A role asking for nothing in
 * particular draws the most recently listed people.
 */
import { sql, type RawBuilder } from 'kysely';
import { digcompArea, partsSeenBy, type CandidateFacts } from '../../core/people/index.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { presentPersonSummary } from './presenters.js';
import { fieldsOfRow } from './record.js';
import { organisationsOfUsers, profilesByIds } from './repository.js';
import type { PersonSummary } from './schemas.js';
import { viewerScope, visibleRows } from './viewer.js';
import { peopleVocabulary } from './vocabulary.js';

export interface CandidateCriteria {
  readonly topics: readonly string[];
  readonly digcomp: readonly { readonly code: string }[];
  readonly esco: readonly string[];
  readonly languages: readonly { readonly code: string }[];
  /** People not to draw (already in the team). */
  readonly exclude: readonly string[];
}

export interface Candidate {
  readonly person: PersonSummary;
  readonly facts: CandidateFacts;
}

export const DEFAULT_CANDIDATE_CAP = 500;

const overlap = (column: string, values: readonly string[]) =>
  values.length > 0 ? [sql`${sql.ref(`profile_search.${column}`)} && ${[...new Set(values)]}::text[]`] : [];

/**
 * @example await candidatePool(db, actor, { topics: ['cybersecurity'], digcomp: [{ code: '4.2' }], esco: [], languages: [{ code: 'fr' }], exclude: [] })
 */
export async function candidatePool(db: Db, actor: Actor, criteria: CandidateCriteria, cap = DEFAULT_CANDIDATE_CAP): Promise<Candidate[]> {
  const scope = viewerScope(actor);
  const shares: RawBuilder<unknown>[] = [];
  shares.push(
    ...overlap('topics', criteria.topics),
    // Someone with another competence of the same area is a partial match: draw them too.
    ...overlap(
      'digcomp',
      criteria.digcomp.map((c) => digcompArea(c.code)),
    ),
    ...overlap('esco', criteria.esco),
    ...overlap(
      'languages',
      criteria.languages.map((l) => l.code),
    ),
  );
  const rows = await db
    .selectFrom('profile_search')
    .select(['user_id', 'audience'])
    .where(sql<boolean>`${visibleRows(scope)}`)
    .$if(shares.length > 0, (q) => q.where(sql<boolean>`(${sql.join(shares, sql` or `)})`))
    .$if(criteria.exclude.length > 0, (q) => q.where('user_id', 'not in', [...criteria.exclude]))
    .orderBy('listed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(cap)
    .execute();
  const userIds = rows.map((r) => r.user_id);
  const [profiles, organisations, vocab] = await Promise.all([
    profilesByIds(db, userIds),
    organisationsOfUsers(db, userIds),
    peopleVocabulary(db),
  ]);
  const audienceOf = new Map(rows.map((r) => [r.user_id, r.audience as 0 | 1 | 2]));
  return profiles.flatMap((profile) => {
    const fields = fieldsOfRow(profile);
    const seen = partsSeenBy(fields.visibility, audienceOf.get(profile.user_id) ?? 2);
    if (!seen.has('basics')) return [];
    const station = seen.has('dutyStation') && fields.dutyStation ? vocab.countries.get(fields.dutyStation.country) : undefined;
    const facts: CandidateFacts = {
      topics: seen.has('skills') ? fields.topics : null,
      digcomp: seen.has('skills') ? fields.digcomp : null,
      esco: seen.has('skills') ? fields.esco : null,
      languages: seen.has('languages') ? fields.languages : null,
      availability: seen.has('availability') ? fields.availability : null,
      dutyStation: station ? { iso3: station.iso3, subRegion: station.subRegion, region: station.region } : null,
    };
    return [{ person: presentPersonSummary(profile, organisations.get(profile.user_id) ?? [], seen), facts }];
  });
}

/**
 * The cards of these people as the actor may see them (a project's team): those whose basics are
 * hidden from the actor are left out, and the caller says how many.
 */
export async function peopleCards(db: Db, actor: Actor, userIds: readonly string[]): Promise<Map<string, PersonSummary>> {
  if (userIds.length === 0) return new Map();
  const scope = viewerScope(actor);
  const rows = await db
    .selectFrom('profile_search')
    .select(['user_id', 'audience'])
    .where(sql<boolean>`${visibleRows(scope)}`)
    .where('user_id', 'in', [...userIds])
    .execute();
  const visible = rows.map((r) => r.user_id);
  const [profiles, organisations] = await Promise.all([profilesByIds(db, visible), organisationsOfUsers(db, visible)]);
  const audienceOf = new Map(rows.map((r) => [r.user_id, r.audience as 0 | 1 | 2]));
  const cards = new Map<string, PersonSummary>();
  for (const profile of profiles) {
    const seen = partsSeenBy(fieldsOfRow(profile).visibility, audienceOf.get(profile.user_id) ?? 2);
    if (seen.has('basics')) cards.set(profile.user_id, presentPersonSummary(profile, organisations.get(profile.user_id) ?? [], seen));
  }
  return cards;
}
