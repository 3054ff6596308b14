/** The only way needs leave the server, for the API, CSV and the pages alike. */
import { needFieldsOf, type NeedRow } from './need-record.js';
import type { Need, NeedSummary } from './need-schemas.js';
import { DEMO_NOTICE } from './offering-presenters.js';

export function presentNeed(row: NeedRow): Need {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    statusReason: row.status_reason,
    unmetReason: row.unmet_reason,
    requester: { id: row.requester_organisation_id, name: row.requester_name },
    ...needFieldsOf(row),
    demo: row.demo,
    notice: row.demo ? DEMO_NOTICE : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Characters of the description a list shows. */
export const SUMMARY_LENGTH = 300;

export function presentNeedSummary(row: NeedRow): NeedSummary {
  const need = presentNeed(row);
  const chars = [...need.description];
  return { ...need, description: chars.length > SUMMARY_LENGTH ? `${chars.slice(0, SUMMARY_LENGTH - 1).join('')}…` : need.description };
}
