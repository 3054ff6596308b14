/**
 * Projects and initiatives (issue 12): projects owned by their lead organisation, with partners,
 * roles, team, updates and comments, links to the clearinghouse's needs and offerings, IATI 2.03
 * import and export, and people for a role ranked and explained. Pages, the activity digest and
 * webhooks build on these services; nothing outside this folder reads its tables.
 */
export { projectsApi } from './routes.js';
export { projectWorkApi } from './work-routes.js';
export { createProject, getProject, updateProject } from './service.js';
export { searchProjects, PROJECT_FACETS, type ProjectListQuery, type ProjectPage } from './catalogue.js';
export { addRole, addTeamMember, listUpdates, postComment, postUpdate, removeTeamMember } from './work.js';
export { roleCandidates } from './candidates.js';
export { importIatiFile, type IatiFile, type IatiImportSummary } from './iati-import.js';
export { exportIati, exportOneIati, countryCodes } from './iati-export.js';
export type { Project, ProjectInput, ProjectPatch, ProjectSummary, Role, RoleInput, Update } from './schemas.js';
export { projectPersonalData } from './personal-data.js';
export {
  FIRST_START_COLLABORATE,
  fillPlannedCollaborateDemo,
  generateDemoProjects,
  planCollaborateDemoOnFirstStart,
  removeDemoProjects,
} from './demo.js';
