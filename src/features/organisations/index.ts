/** The organisations feature: organisations, members with roles, invitations by e-mail. */
export { organisationsApi } from './api-routes.js';
export { organisationPages } from './page-routes.js';
export { organisationsNav } from './page-routes.js';
export { forgetInvitationsTo, invitationsTo, joinByEmailDomain, membershipsOf, soleOwnerships, soleOwnershipsLocked } from './service.js';
export { deleteSystemOrganisations, ensureSystemOrganisation, organisationIdsByName } from './service.js';
export type { MembershipView, Organisation } from './schemas.js';
