/**
 * The only way offerings leave the server, for the API, CSV and (later) the
 * pages alike: a row in, the public shape out. Generated demo records say so.
 */
import { offeringFieldsOf, type OfferingRow } from './offering-record.js';
import type { Offering, OfferingSummary } from './offering-schemas.js';

/** Shown with every generated record, in the API and the pages. */
export const DEMO_NOTICE = 'generated demo data';

export function presentOffering(row: OfferingRow): Offering {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    statusReason: row.status_reason,
    provider: { id: row.provider_organisation_id, name: row.provider_name },
    ...offeringFieldsOf(row),
    demo: row.demo,
    notice: row.demo ? DEMO_NOTICE : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    lastReviewedAt: row.last_reviewed_at.toISOString(),
    linkBrokenSince: row.url_broken_since ? row.url_broken_since.toISOString() : null,
  };
}

export function presentOfferingSummary(row: OfferingRow): OfferingSummary {
  const { description: _description, translations, ...rest } = presentOffering(row);
  return { ...rest, translationLanguages: translations.map((t) => t.language) };
}

/** Fields whose change is the record's own bookkeeping, not content: left out of "what changed". */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'lastReviewedAt', 'createdAt', 'linkBrokenSince']);

/**
 * Fields that differ between two presented versions of a record, with the newer value.
 * @example changedFields(v3, v5) // [{ field: 'title', current: 'New title' }, { field: 'status', current: 'published' }]
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { field: string; current: unknown }[] {
  return Object.keys(after)
    .filter((field) => !BOOKKEEPING.has(field) && JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, current: after[field] }));
}
