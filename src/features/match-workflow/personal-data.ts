/**
 * The match workflow's share of a person's data export and account deletion (the privacy feature
 * is given this part in app.ts; it does not import the workflow).
 *
 * Export: every match the person started and every entry they wrote in a match's history —
 * comments, ratings with their comments, transitions with their reasons.
 *
 * Erase, inside the deletion's transaction: the person's own words go — their comments and the
 * comments of their ratings (in the history and on the match) are removed, the entries stay as
 * "a comment" / "a rating" without text. The rating numbers stay: they are the organisation's
 * judgement of a delivery and feed the provider's track record. Reasons for a decline or a
 * closing stay too: they are the organisation's recorded decision, shown to both sides. The
 * links to the person (author, starter) are cut by the account's deletion (on delete set null),
 * so what remains names no one.
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';

export const MatchDataSchema = z
  .object({
    started: z.array(z.object({ matchId: z.string(), need: z.string(), offering: z.string(), status: z.string(), createdAt: z.string() })),
    entries: z.array(
      z.object({
        matchId: z.string(),
        kind: z.string(),
        transition: z.string().nullable(),
        side: z.string().nullable(),
        text: z.string().nullable(),
        rating: z.number().int().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi('MatchData', {
    description: 'Matches you started, and every comment, rating and transition you wrote in a match’s history',
  });
type MatchData = z.infer<typeof MatchDataSchema>;

export const matchPersonalData = {
  name: 'matches',
  schema: MatchDataSchema,
  async export(db: Db, userId: string): Promise<MatchData> {
    const [started, entries] = await Promise.all([
      db
        .selectFrom('matches as m')
        .innerJoin('needs as n', 'n.id', 'm.need_id')
        .innerJoin('offerings as o', 'o.id', 'm.offering_id')
        .select(['m.id', 'n.title as need', 'o.title as offering', 'm.status', 'm.created_at'])
        .where('m.created_by', '=', userId)
        .orderBy('m.created_at')
        .execute(),
      db
        .selectFrom('match_events')
        .select(['match_id', 'kind', 'transition', 'side', 'body', 'rating', 'created_at'])
        .where('author_id', '=', userId)
        .where('kind', '<>', 'start')
        .orderBy('id')
        .execute(),
    ]);
    return {
      started: started.map((m) => ({
        matchId: m.id,
        need: m.need,
        offering: m.offering,
        status: m.status,
        createdAt: m.created_at.toISOString(),
      })),
      entries: entries.map((e) => ({
        matchId: e.match_id,
        kind: e.kind,
        transition: e.transition,
        side: e.side,
        text: e.body,
        rating: e.rating,
        at: e.created_at.toISOString(),
      })),
    };
  },
  async erase(tx: WriteTx, userId: string): Promise<void> {
    // The comments of their ratings on the match itself, found through their rating entries.
    for (const side of ['requester', 'provider'] as const) {
      const column = side === 'requester' ? 'requester_rating_comment' : 'provider_rating_comment';
      await tx
        .updateTable('matches')
        .set({ [column]: null })
        .where(
          'id',
          'in',
          tx
            .selectFrom('match_events')
            .select('match_id')
            .where('author_id', '=', userId)
            .where('kind', '=', 'rating')
            .where('side', '=', side),
        )
        .execute();
    }
    await tx
      .updateTable('match_events')
      .set({ body: sql<null>`null` })
      .where('author_id', '=', userId)
      .where('kind', 'in', ['comment', 'rating'])
      .execute();
  },
};
