/**
 * The track record the matching engine reads (its MatchHistory): each
 * provider's delivered matches and the ratings requesters gave, and the seats
 * an offering's accepted, in-delivery and delivered matches hold (the people
 * the need asked to train, one when it gave no number). Injected into the
 * matching feature in app.ts, so matching never imports the workflow.
 */
import type { TrackRecord } from '../../core/matching/index.js';
import { SEAT_HOLDING_STATUSES } from '../../core/matching/workflow.js';
import type { MatchHistory } from '../matching/index.js';
import { seatsTakenRows, trackRecordRows } from './repository.js';

export const workflowHistory: MatchHistory = {
  async trackRecords(db, providerIds) {
    const rows = await trackRecordRows(db, providerIds);
    return new Map<string, TrackRecord>(
      rows.map((r) => [r.provider, { completed: Number(r.completed), ratings: Number(r.ratings), ratingSum: Number(r.rating_sum) }]),
    );
  },
  async seatsTaken(db, offeringIds) {
    const rows = await seatsTakenRows(db, offeringIds, SEAT_HOLDING_STATUSES);
    return new Map(rows.map((r) => [r.offering, Number(r.seats)]));
  },
};
