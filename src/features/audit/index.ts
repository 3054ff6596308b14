/** The audit feature: the append-only log of who did what, and the admin views of it. */
export { auditApi } from './api-routes.js';
export { auditPages } from './page-routes.js';
export {
  auditAbout,
  recordAudit,
  recordAudits,
  recordFailedSignIn,
  recordSignIn,
  recordTokenUse,
  SYSTEM,
  type AuditEvent,
} from './service.js';
export type { AuditEntry } from './schemas.js';
