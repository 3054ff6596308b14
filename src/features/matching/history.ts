/**
 * What past matches tell the engine: each provider's track record (completed
 * matches and the ratings requesters gave) and the seats an offering has
 * already promised. The match workflow (shortlist, request, accept, deliver,
 * rate) will keep these; until it lands there is no history, and the engine
 * treats "no record" as neutral and every seat as free. The workflow provides
 * its own MatchHistory to `matchingApi` and the services in app.ts.
 */
import type { TrackRecord } from '../../core/matching/index.js';
import type { Db } from '../../db/database.js';

export interface MatchHistory {
  /** Track records of these providers; a provider missing from the map has none. */
  trackRecords(db: Db, providerIds: readonly string[]): Promise<ReadonlyMap<string, TrackRecord>>;
  /** Seats promised to accepted matches per offering; missing means none. */
  seatsTaken(db: Db, offeringIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
}

/** No workflow yet: no track records, no seats taken. */
export const NO_HISTORY: MatchHistory = {
  trackRecords: async () => new Map(),
  seatsTaken: async () => new Map(),
};
