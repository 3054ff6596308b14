/**
 * The brief's "Open capacity needs" section: the country's needs in the clearinghouse that are
 * still open, as anyone may see them, generated demo needs left out. The newest 20 are listed
 * with who asked; the total says how many there are. Wired in app.ts. (Offers matched to them
 * join once the matching engine is on main: another section source beside this one.)
 */
import { ANONYMOUS } from '../../core/policy/actor.js';
import type { Deps } from '../../http/app-env.js';
import { t } from '../../i18n/i18n.js';
import { searchNeeds } from '../capacity/index.js';
import type { BriefSection, BriefSectionSource } from './document.js';

const SHOWN = 20;

/** @example briefPages(deps, { sections: [openNeedsSection(deps)] }) */
export function openNeedsSection({ db }: Deps): BriefSectionSource {
  return async (country, lang): Promise<BriefSection> => {
    const page = await searchNeeds(db, ANONYMOUS, {
      country: country.iso3,
      status: ['open'],
      demo: 'exclude',
      sort: 'newest',
      limit: SHOWN,
    });
    const heading = t(lang, 'brief.section.needs');
    if (page.data.length === 0) {
      return { id: 'needs', heading, blocks: [{ kind: 'paragraph', text: t(lang, 'brief.needs.none', { country: country.name }) }] };
    }
    return {
      id: 'needs',
      heading,
      blocks: [
        {
          kind: 'paragraph',
          text: t(lang, 'brief.needs.lead', { country: country.name, shown: String(page.data.length), total: String(page.total.value) }),
        },
        {
          kind: 'table',
          caption: t(lang, 'brief.needs.caption', { country: country.name }),
          head: [t(lang, 'brief.needs.col.title'), t(lang, 'brief.needs.col.requester')],
          rows: page.data.map((n) => ({ header: n.title, cells: [n.requester.name] })),
        },
      ],
    };
  };
}
