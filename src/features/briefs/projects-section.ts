/**
 * The brief's "Active projects" section: projects on the platform in the country whose IATI
 * status is implementation, as anyone may see them (public projects only), generated demo
 * projects left out — a brief is evidence, not a demonstration. The newest 20 are listed with
 * their lead organisation and dates; the total says how many there are. Wired in app.ts.
 */
import { ANONYMOUS } from '../../core/policy/actor.js';
import type { Deps } from '../../http/app-env.js';
import { formatDate, t } from '../../i18n/i18n.js';
import { searchProjects } from '../projects/index.js';
import type { BriefSection, BriefSectionSource } from './document.js';

const SHOWN = 20;

/** @example briefPages(deps, { sections: [activeProjectsSection(deps)] }) */
export function activeProjectsSection({ db }: Deps): BriefSectionSource {
  return async (country, lang): Promise<BriefSection> => {
    const page = await searchProjects(
      db,
      ANONYMOUS,
      { countries: [country.iso3], status: ['implementation'], demo: 'exclude', sort: 'newest', limit: SHOWN },
      lang,
    );
    const date = (iso: string | null) => (iso ? formatDate(lang, new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—');
    const heading = t(lang, 'brief.section.projects');
    if (page.data.length === 0) {
      return { id: 'projects', heading, blocks: [{ kind: 'paragraph', text: t(lang, 'brief.projects.none', { country: country.name }) }] };
    }
    return {
      id: 'projects',
      heading,
      blocks: [
        {
          kind: 'paragraph',
          text: t(lang, 'brief.projects.lead', { country: country.name, shown: String(page.data.length), total: String(page.total.value) }),
        },
        {
          kind: 'table',
          caption: t(lang, 'brief.projects.caption', { country: country.name }),
          head: [
            t(lang, 'brief.projects.col.title'),
            t(lang, 'brief.projects.col.lead'),
            t(lang, 'brief.projects.col.start'),
            t(lang, 'brief.projects.col.end'),
          ],
          rows: page.data.map((p) => ({ header: p.title, cells: [p.lead.name, date(p.startDate), date(p.endDate)] })),
        },
      ],
    };
  };
}
