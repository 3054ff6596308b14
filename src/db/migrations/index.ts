/** Every migration, by name; names sort in the order they apply. */
import type { Migration } from 'kysely';
import * as reference from './2026-11-28-001-reference.js';
import * as accounts from './2026-11-28-002-accounts.js';
import * as indicators from './2026-11-28-003-indicators.js';
import * as credentials from './2026-11-29-001-credentials.js';
import * as invitationsAudit from './2026-11-29-010-invitations-audit.js';
import * as jobQueue from './2026-11-30-200-job-queue.js';
import * as mails from './2026-11-30-201-mails.js';
import * as dataEngineHardening from './2026-11-30-400-data-engine-hardening.js';
import * as serverSecrets from './2026-11-30-500-server-secrets.js';
import * as search from './2026-11-30-600-search.js';
import * as taxonomyRelated from './2026-11-30-601-taxonomy-related.js';
import * as capacity from './2026-11-30-602-capacity.js';
import * as capacityMarkers from './2026-11-30-603-capacity-markers.js';
import * as offeringSources from './2026-11-30-604-offering-sources.js';
import * as offeringUpkeep from './2026-11-30-605-offering-upkeep.js';
import * as savedSearches from './2026-11-30-606-saved-searches.js';
import * as people from './2026-11-30-900-people.js';
import * as projects from './2026-11-30-901-projects.js';
import * as collaborateMarkers from './2026-11-30-902-collaborate-markers.js';
import * as matchingIndex from './2026-11-30-800-matching-index.js';
import * as matches from './2026-11-30-801-matches.js';
import * as learningPlans from './2026-11-30-903-learning-plans.js';
import * as activityDigests from './2026-11-30-904-activity-digests.js';
import * as harvestRuns from './2026-11-30-915-harvest-runs.js';
import * as finderSpeed from './2026-11-30-940-finder-speed.js';
import * as finderPublicIndexes from './2026-11-30-941-finder-public-indexes.js';
import * as webhooks from './2026-11-30-950-webhooks.js';
import * as matchingKeys from './2026-11-30-960-matching-keys.js';
import * as finderExactIndexes from './2026-11-30-970-finder-exact-indexes.js';
import * as matchingKeysSerial from './2026-11-30-980-matching-keys-serial.js';

export const migrations: Record<string, Migration> = {
  '2026-11-28-001-reference': reference,
  '2026-11-28-002-accounts': accounts,
  '2026-11-28-003-indicators': indicators,
  '2026-11-29-001-credentials': credentials,
  '2026-11-29-010-invitations-audit': invitationsAudit,
  '2026-11-30-200-job-queue': jobQueue,
  '2026-11-30-201-mails': mails,
  '2026-11-30-400-data-engine-hardening': dataEngineHardening,
  '2026-11-30-500-server-secrets': serverSecrets,
  '2026-11-30-600-search': search,
  '2026-11-30-601-taxonomy-related': taxonomyRelated,
  '2026-11-30-602-capacity': capacity,
  '2026-11-30-603-capacity-markers': capacityMarkers,
  '2026-11-30-604-offering-sources': offeringSources,
  '2026-11-30-605-offering-upkeep': offeringUpkeep,
  '2026-11-30-606-saved-searches': savedSearches,
  '2026-11-30-900-people': people,
  '2026-11-30-901-projects': projects,
  '2026-11-30-902-collaborate-markers': collaborateMarkers,
  '2026-11-30-800-matching-index': matchingIndex,
  '2026-11-30-801-matches': matches,
  '2026-11-30-903-learning-plans': learningPlans,
  '2026-11-30-904-activity-digests': activityDigests,
  '2026-11-30-915-harvest-runs': harvestRuns,
  '2026-11-30-940-finder-speed': finderSpeed,
  '2026-11-30-941-finder-public-indexes': finderPublicIndexes,
  '2026-11-30-950-webhooks': webhooks,
  '2026-11-30-960-matching-keys': matchingKeys,
  '2026-11-30-970-finder-exact-indexes': finderExactIndexes,
  '2026-11-30-980-matching-keys-serial': matchingKeysSerial,
};
