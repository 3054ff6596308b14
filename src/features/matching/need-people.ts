/**
 * People for an advisory need: reads the need with the reader's permissions (a need the reader
 * may not see is a 404, and so are its people), draws a capped pool of the people the reader may
 * see from the people feature (injected in app.ts as a PeopleSource: matching never imports
 * people's services), ranks them with the engine (src/core/matching/people.ts) and presents them
 * with their explanation in the reader's language. Only what the reader may see of a profile is
 * ever given to the engine: the pool hands over hidden parts as null.
 */
import { z } from '@hono/zod-openapi';
import {
  PERSON_COMPONENTS,
  PERSON_CONSTRAINTS,
  rankPeople,
  type AdvisoryNeed,
  type PersonSupply,
  type Place,
} from '../../core/matching/index.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import type { Language } from '../../shared/localised.js';
import { getNeed } from '../capacity/index.js';
import { PersonSummarySchema, type PersonSummary } from '../people/index.js';
import { reference } from './context.js';
import { renderMessage, renderMessages } from './render.js';
import { MAX_MATCHES } from './schemas.js';
import { todayUtc } from './service-support.js';

/** What the people feature gives matching (app.ts wires candidatePool and the countries' places). */
export interface PeopleSource {
  /** The people the actor may see who share a skill or language with the criteria, at most `cap`; hidden parts null. */
  pool(
    db: Db,
    actor: Actor,
    criteria: {
      topics: readonly string[];
      digcomp: readonly { code: string }[];
      esco: readonly string[];
      languages: readonly { code: string }[];
      exclude: readonly string[];
    },
    cap: number,
  ): Promise<readonly { person: PersonSummary; facts: Omit<PersonSupply, 'id'> }[]>;
  /** A country's M49 sub-region and region. */
  placeOf(db: Db, iso3: string): Promise<Place | undefined>;
}

/** Most people scored per need: the pool is capped, never every profile. */
export const PEOPLE_CAP = 500;

export const NeedPeopleQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_MATCHES)
    .default(10)
    .openapi({ description: `People to return, best first (1–${MAX_MATCHES})` }),
  explain: z
    .enum(['excluded'])
    .optional()
    .openapi({ description: 'excluded: also list the people a hard constraint excluded (language, availability), with why' }),
});
export type NeedPeopleQuery = z.infer<typeof NeedPeopleQuerySchema>;

const PersonExplanationSchema = z
  .object({
    component: z.enum(PERSON_COMPONENTS),
    weight: z.number().openapi({ description: 'The component’s weight (docs/methods.md, People for a need); the weights sum to 1' }),
    points: z.number().openapi({ description: 'weight × fit; the points add up to the score' }),
    text: z.string().openapi({ description: 'Why, in the reader’s language', example: 'Speaks French at level C2' }),
  })
  .openapi('PersonMatchExplanation');

export const NeedPeoplePageSchema = z
  .object({
    need: z.object({ id: z.uuid(), title: z.string(), country: z.string() }),
    data: z.array(
      z
        .object({
          score: z.number().min(0).max(1).openapi({ description: 'From 0 to 1: the sum of the explanation’s points' }),
          person: PersonSummarySchema,
          explanation: z.array(PersonExplanationSchema),
        })
        .openapi('PersonMatch'),
    ),
    excluded: z
      .array(
        z.object({
          person: z.object({ id: z.uuid(), name: z.string() }),
          constraints: z.array(z.object({ constraint: z.enum(PERSON_CONSTRAINTS), text: z.string() })).min(1),
        }),
      )
      .optional()
      .openapi({ description: 'With explain=excluded: at most 50' }),
    considered: z
      .number()
      .int()
      .openapi({ description: 'People read and scored (the visible people sharing a skill or language, capped)' }),
    cap: z.number().int(),
  })
  .openapi('NeedPeoplePage');
export type NeedPeoplePage = z.infer<typeof NeedPeoplePageSchema>;

/**
 * @example await needPeoplePage({ db, people }, actor, needId, { limit: 10 }, 'fr')
 */
export async function needPeoplePage(
  deps: { db: Db; people: PeopleSource },
  actor: Actor,
  needId: string,
  query: NeedPeopleQuery,
  lang: Language,
  today = todayUtc(),
): Promise<NeedPeoplePage> {
  const { db, people } = deps;
  const need = await getNeed(db, actor, needId);
  const [ref, place, pool] = await Promise.all([
    reference(db),
    people.placeOf(db, need.country),
    people.pool(
      db,
      actor,
      {
        topics: need.topics,
        digcomp: need.digcomp.map((code) => ({ code })),
        esco: need.esco,
        languages: need.languages.map((code) => ({ code })),
        exclude: [],
      },
      PEOPLE_CAP,
    ),
  ]);
  const advisory: AdvisoryNeed = {
    id: need.id,
    place: place ?? { iso3: need.country, subRegion: null, region: null },
    languages: need.languages,
    topics: need.topics,
    digcomp: need.digcomp,
    esco: need.esco,
    startDate: need.startDate,
    endDate: need.endDate,
  };
  const byId = new Map(pool.map((c) => [c.person.id, c]));
  const ranking = rankPeople(
    advisory,
    pool.map((c) => ({ id: c.person.id, ...c.facts })),
    { taxonomy: ref.taxonomy, today },
  );
  const { labels } = ref;
  return {
    need: { id: need.id, title: need.title, country: need.country },
    data: ranking.ranked.slice(0, query.limit).map((m) => ({
      score: m.score,
      person: byId.get(m.id)!.person,
      explanation: m.explanation.map((e) => ({
        component: e.component,
        weight: e.weight,
        points: e.points,
        text: renderMessages(lang, e.messages, labels),
      })),
    })),
    ...(query.explain === 'excluded'
      ? {
          excluded: ranking.excluded.slice(0, 50).map((x) => ({
            person: { id: x.id, name: byId.get(x.id)!.person.name },
            constraints: x.violations.map((v) => ({ constraint: v.constraint, text: renderMessage(lang, v.message, labels) })),
          })),
        }
      : {}),
    considered: pool.length,
    cap: PEOPLE_CAP,
  };
}
