/** The only way matches leave the server, for the API and the pages alike. */
import type { EventRow, MatchRow } from './repository.js';
import type { Match, MatchEvent } from './schemas.js';

export function presentMatch(row: MatchRow, extra: { events?: readonly EventRow[]; actions?: readonly string[] } = {}): Match {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    startedBy: row.started_by,
    need: { id: row.need_id, title: row.need_title, country: row.need_country },
    offering: { id: row.offering_id, title: row.offering_title },
    requester: { id: row.requester_organisation_id, name: row.requester_name },
    provider: { id: row.provider_organisation_id, name: row.provider_name },
    score: row.score === null ? null : Math.round(row.score * 1000) / 1000,
    statusReason: row.status_reason,
    peopleTrained: row.people_trained,
    ratings: { requester: row.requester_rating, provider: row.provider_rating },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(extra.events ? { events: extra.events.map(presentEvent) } : {}),
    ...(extra.actions ? { actions: [...extra.actions] } : {}),
  };
}

export function presentEvent(row: EventRow): MatchEvent {
  return {
    kind: row.kind,
    transition: row.transition,
    from: row.from_status,
    to: row.to_status,
    side: row.side,
    author: row.author,
    text: row.body,
    rating: row.rating,
    at: row.created_at.toISOString(),
  };
}
