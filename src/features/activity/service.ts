/**
 * What happened lately that concerns a person (issue 12, "activity"): in the projects they are on
 * or their organisations lead or partner in (updates, comments, people joining: the projects
 * feature says which), and in their organisations' needs and offerings (created or changed, with
 * their status: the clearinghouse's catalogue, read as the person). Newest first, over the last
 * `days` days. And the matches that concern them: on their organisations' needs or offerings, on
 * either side (the match workflow's list, read as a member without a platform role: a coordinator
 * sees the matches of their own organisations here, not every match on the platform).
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { requireUser } from '../../http/authorise.js';
import { searchNeeds, searchOfferings, type NeedListQuery, type OfferingListQuery } from '../capacity/index.js';
import { listMatches } from '../match-workflow/index.js';
import { projectEventsFor } from '../projects/index.js';

export interface ActivityEvent {
  readonly at: string;
  readonly kind: 'update' | 'comment' | 'joined' | 'need' | 'offering' | 'match';
  readonly title: string;
  readonly href: string;
  /** What was said, the role joined, or a record's status (a match's: its workflow status, e.g. `in-delivery`). */
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
  const matches = await listMatches({ db }, { ...requireUser(actor), platformRole: null }, {});
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
          href: `/needs/${n.id}`,
          detail: n.status,
        })),
        ...offerings.data.map((o) => ({
          at: o.updatedAt,
          kind: 'offering' as const,
          title: o.title,
          href: `/offerings/${o.id}`,
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
    ...matches.data.slice(0, PER_SOURCE).map((m) => ({
      at: m.updatedAt,
      kind: 'match' as const,
      title: `${m.offering.title} → ${m.need.title}`,
      href: `/matches/${m.id}`,
      detail: m.status,
    })),
    ...capacity.flat(),
  ]
    .filter((e) => e.at >= since.toISOString())
    .toSorted((a, b) => b.at.localeCompare(a.at))
    .slice(0, 100);
}
