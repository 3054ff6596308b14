/**
 * People and their skills: who sees which part of a profile, the skills vocabulary and its search
 * tokens, and how well a person fits a project role. Pure: no database, HTTP or files.
 */
export * from './visibility.js';
export * from './skills.js';
export {
  roleFit,
  WEIGHTS,
  type AvailabilityPeriod,
  type CandidateFacts,
  type Component,
  type Explanation,
  type Fit,
  type PlaceOf,
  type RoleRequirements,
} from './role-fit.js';
