/** The country brief: the connectivity assessment for a UN Common Country Assessment, as a page, .docx and .md. */
export { briefPages } from './routes.js';
export type { Block, BriefSection, BriefSectionSource } from './document.js';
export { briefLink } from './link.js';
export { activeProjectsSection } from './projects-section.js';
export { matchedOffersSection } from './matched-section.js';
export { openNeedsSection } from './needs-section.js';
