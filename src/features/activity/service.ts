/**
 * What happened lately that concerns a person (issue 12, "activity"): in the projects they are on
 * or their organisations lead or partner in (updates, comments, people joining: the projects
 * feature says which), and in their organisations' needs and offerings (created or changed, with
 * their status: the clearinghouse's catalogue, read as the person). Newest first, over the last
 * `days` days. Matches from the matching engine are not part of it yet (it is not on this branch).
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { requireUser } from '../../http/authorise.js';
import { searchNeeds, searchOfferings, type NeedListQuery, type OfferingListQuery } from '../capacity/index.js';
import { projectEventsFor } from '../projects/index.js';

export interface ActivityEvent {
  readonly at: string;
  readonly kind: 'update' | 'comment' | 'joined' | 'need' | 'offering';
  readonly title: string;
  readonly href: string;
  /** What was said, the role joined, or a record's status. */
  readonly detail: string;
}

export const ACTIVITY_DAYS = 30;
const PER_SOURCE = 30;

/**
 * @example await activityOf(db, actor) // [{ at, kind: 'update', title: 'Connecting rural schools', href: '/projects/…', detail: '…' }, …]
 */
export async function activityOf(db: Db, actor: Actor, days = ACTIVITY_DAYS, now = new Date()): Promise<ActivityEvent[]> {
  const { userId, memberships } = requireUser(actor);
  const since = new Date(now.getTime() - days * 86_400_000);
  const organisations = [...new Set(memberships.map((m) => m.organisationId))];
  const projects = await projectEventsFor(db, userId, since, PER_SOURCE);
  const capacity = await Promise.all(
    organisations.map(async (organisationId) => {
      const [needs, offerings] = await Promise.all([
        searchNeeds(db, actor, { requester: organisationId, sort: 'newest', limit: PER_SOURCE } as NeedListQuery),
        searchOfferings(db, actor, { provider: organisationId, sort: 'newest', limit: PER_SOURCE } as OfferingListQuery),
      ]);
      return [
        ...needs.data.map((n) => ({
          at: n.updatedAt,
          kind: 'need' as const,
          title: n.title,
          href: `/api/v1/needs/${n.id}`,
          detail: n.status,
        })),
        ...offerings.data.map((o) => ({
          at: o.updatedAt,
          kind: 'offering' as const,
          title: o.title,
          href: `/api/v1/offerings/${o.id}`,
          detail: o.status,
        })),
      ];
    }),
  );
  return [
    ...projects.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      title: e.projectTitle,
      href: `/projects/${e.projectId}`,
      detail: e.text,
    })),
    ...capacity.flat().filter((e) => e.at >= since.toISOString()),
  ]
    .toSorted((a, b) => b.at.localeCompare(a.at))
    .slice(0, 100);
}
