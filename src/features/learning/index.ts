/**
 * Learning (issue 12): a person's skill gaps for the roles they hold or look at, clearinghouse
 * offerings that close them (language and connectivity respected), and their learning plan
 * (planned → in progress → completed; completing raises the skill in their profile).
 */
export { learningPages } from './page-routes.js';
export { learningPersonalData } from './personal-data.js';
export { addToPlan, learningView, setItemStatus, type LearningView } from './service.js';
