/**
 * People (issue 12): profiles with visibility per part and recorded consent, the expert finder,
 * and what the projects feature needs of them (candidates for a role, team members' cards). Pages,
 * the activity digest and learning suggestions build on these services; nothing outside this
 * folder reads its tables.
 */
export { peopleApi } from './routes.js';
export { peopleNav, peoplePages } from './page-routes.js';
export { filterErrors, refusalOf, type FilterField } from './query-errors.js';
export { filterState } from './filter-state.js';
export { namer, PersonCard, withParam, FacetList, type FacetLink, type Namer } from './page-parts.js';
export { deleteMyProfile, getMyProfile, getPerson, raiseCompetence, saveMyProfile } from './service.js';
export { PEOPLE_FACETS, searchPeople } from './finder.js';
export { profilePersonalData } from './personal-data.js';
export { DEMO_NOTICE, PROFILE_NOTICE } from './presenters.js';
export { peopleVocabulary, vocabularyProblems, countriesOf, type PeopleVocabulary, type Place } from './vocabulary.js';
export {
  CompetenceSkillSchema,
  DateSchema,
  EscoCodeSchema,
  Iso3Schema,
  LanguageCodeSchema,
  LanguageSkillSchema,
  ShareSchema,
  TopicCodeSchema,
  UrlSchema,
  DigcompCodeSchema,
  codeListParam,
  distinctList,
  optionalText,
  text,
} from './fields.js';
export type { OwnProfile, Person, PersonSummary, ProfileInput } from './schemas.js';
export { PersonSummarySchema } from './schemas.js';
export type { PeoplePage, PeopleQuery } from './finder-schemas.js';
export { candidatePool, peopleCards, DEFAULT_CANDIDATE_CAP, type Candidate, type CandidateCriteria } from './candidates.js';
export { DEFAULT_PEOPLE_SEED, demoOrganisations, generateDemoPeople, peopleDemoContext, removeDemoPeople } from './demo.js';
