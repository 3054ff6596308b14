/**
 * Audit entries → webhook events: which organisations an entry concerns and what to tell them.
 *
 * Reads the audit log and the tables of capacity (needs, offerings), projects (projects,
 * project_partners) and the match workflow (matches) directly, in one query per kind, because
 * the dispatcher resolves a batch of up to a few hundred entries at once as the system, with no
 * actor whose reading rules would apply: the events go only to the organisations that own the
 * record (a project's lead and partners; both sides of a match, the provider only once the
 * match is visible to it, as the match workflow's `sideSees` rules). What is sent is ids,
 * titles, statuses and links — never comments, update texts or people.
 */
import { sql } from 'kysely';
import { sideSees, type MatchStatus } from '../../core/matching/workflow.js';
import type { Db, WriteTx } from '../../db/database.js';
import type { WebhookEventKind } from './schemas.js';

export interface WebhookEvent {
  readonly auditId: number;
  /** The audit action, e.g. `need.update`, `match.accept`, `project.update-post`. */
  readonly event: string;
  readonly kind: WebhookEventKind;
  readonly occurredAt: Date;
  readonly organisationIds: readonly string[];
  readonly resource: {
    readonly type: WebhookEventKind;
    readonly id: string;
    readonly title: string;
    readonly status: string | null;
    readonly path: string;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS: readonly string[] = ['project', 'need', 'offering', 'match'];

interface Owned {
  readonly title: string;
  readonly status: string | null;
  readonly organisationIds: string[];
  /** A match's provider side, told only of what it may see (not a requester's shortlist). */
  readonly provider?: string;
}

async function owners(db: Db | WriteTx, kind: WebhookEventKind, ids: string[]): Promise<Map<string, Owned>> {
  const found = new Map<string, Owned>();
  if (ids.length === 0) return found;
  if (kind === 'need') {
    const rows = await db
      .selectFrom('needs')
      .select(['id', 'title', 'status', 'requester_organisation_id'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) found.set(r.id, { title: r.title, status: r.status, organisationIds: [r.requester_organisation_id] });
  } else if (kind === 'offering') {
    const rows = await db
      .selectFrom('offerings')
      .select(['id', 'title', 'status', 'provider_organisation_id'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) found.set(r.id, { title: r.title, status: r.status, organisationIds: [r.provider_organisation_id] });
  } else if (kind === 'project') {
    const rows = await db.selectFrom('projects').select(['id', 'title', 'status', 'lead_organisation_id']).where('id', 'in', ids).execute();
    const partners = await db
      .selectFrom('project_partners')
      .select(['project_id', 'organisation_id'])
      .where('project_id', 'in', ids)
      .execute();
    for (const r of rows) {
      const others = partners.filter((p) => p.project_id === r.id).map((p) => p.organisation_id);
      found.set(r.id, { title: r.title, status: r.status, organisationIds: [...new Set([r.lead_organisation_id, ...others])] });
    }
  } else {
    const rows = await db
      .selectFrom('matches as m')
      .innerJoin('needs as n', 'n.id', 'm.need_id')
      .innerJoin('offerings as o', 'o.id', 'm.offering_id')
      .select(['m.id', 'm.status', 'm.requester_organisation_id', 'm.provider_organisation_id', 'n.title as need', 'o.title as offering'])
      .where('m.id', 'in', ids)
      .execute();
    for (const r of rows) {
      found.set(r.id, {
        title: `${r.offering} → ${r.need}`,
        status: r.status,
        organisationIds: [r.requester_organisation_id],
        provider: r.provider_organisation_id,
      });
    }
  }
  return found;
}

const PATHS: Record<WebhookEventKind, string> = { project: '/projects/', need: '/needs/', offering: '/offerings/', match: '/matches/' };

/**
 * The events of these audit entries, oldest first; entries whose record is gone are left out.
 * @example await eventsOfAuditEntries(tx, [1041, 1042]) // [{ event: 'need.update', organisationIds: ['…'], resource: { … } }, …]
 */
export async function eventsOfAuditEntries(db: Db | WriteTx, auditIds: readonly number[]): Promise<WebhookEvent[]> {
  if (auditIds.length === 0) return [];
  const entries = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'action', 'resource_type', 'resource_id', sql<string | null>`after->>'status'`.as('status_after')])
    .where('id', 'in', [...auditIds])
    .orderBy('id')
    .execute();
  const relevant = entries.filter((e) => KINDS.includes(e.resource_type) && e.resource_id !== null && UUID.test(e.resource_id));
  const byKind = new Map<WebhookEventKind, Map<string, Owned>>();
  for (const kind of KINDS as WebhookEventKind[]) {
    const ids = [...new Set(relevant.filter((e) => e.resource_type === kind).map((e) => e.resource_id!))];
    byKind.set(kind, await owners(db, kind, ids));
  }
  return relevant.flatMap((e) => {
    const kind = e.resource_type as WebhookEventKind;
    const owned = byKind.get(kind)!.get(e.resource_id!);
    if (!owned) return [];
    // The status the entry recorded (the record may have moved on since), else the current one.
    const status = e.status_after ?? owned.status;
    const providerSees = owned.provider !== undefined && sideSees(status as MatchStatus, 'provider');
    const organisationIds = [...new Set([...owned.organisationIds, ...(providerSees ? [owned.provider!] : [])])];
    return [
      {
        auditId: Number(e.id),
        event: e.action,
        kind,
        occurredAt: e.at,
        organisationIds,
        resource: { type: kind, id: e.resource_id!, title: owned.title, status, path: `${PATHS[kind]}${e.resource_id!}` },
      },
    ];
  });
}
