/**
 * The brief's "Capacity needs, offers and pledges" section: for the country's open public
 * needs, the offers the matching engine ranks best for each; and the published pledges that
 * could address the connectivity gaps the country is furthest from. The same data as the
 * country page's capacity section (matching's countryCapacity), without generated demo needs,
 * offers or pledges: a brief handed to a country team holds real records only. Wired in app.ts.
 */
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import { countryCapacity, type MatchingDeps } from '../matching/index.js';
import type { BriefSection, BriefSectionSource } from './document.js';

/** @example briefPages(deps, { sections: [matchedOffersSection(matchingDeps)] }) */
export function matchedOffersSection(deps: MatchingDeps): BriefSectionSource {
  return async (country, lang): Promise<BriefSection> => {
    const data = await countryCapacity(deps, country.iso3, lang);
    const percent = (score: number) => new Intl.NumberFormat(lang, { style: 'percent' }).format(score);
    const offer = (title: string, provider: string, score: number) =>
      `${title} · ${t(lang, 'matches.by', { name: provider })} · ${t(lang, 'matches.score', { score: percent(score) })}`;

    const needs = data.needs.filter((need) => !need.demo);
    const needItems = needs.map((need) => {
      const offers = need.offers.filter((o) => !o.demo);
      return offers.length === 0
        ? `${need.title}: ${t(lang, 'matches.country.noMatch')}`
        : `${need.title}: ${offers.map((o) => offer(o.title, o.provider, o.score)).join('; ')}`;
    });
    const gapItems = data.gaps.flatMap((gap) => {
      const pledges = gap.pledges.filter((p) => !p.offering.demo);
      return pledges.length === 0
        ? []
        : [`${gap.text}: ${pledges.map((p) => offer(p.offering.title, p.offering.provider.name, p.score)).join('; ')}`];
    });

    return {
      id: 'matched-offers',
      heading: t(lang, 'matches.country.title'),
      blocks: [
        { kind: 'paragraph', text: t(lang, 'matches.country.needs') },
        needItems.length === 0 ? paragraph(lang, 'matches.country.noNeeds') : { kind: 'list', items: needItems },
        { kind: 'paragraph', text: t(lang, 'matches.country.pledges') },
        gapItems.length === 0 ? paragraph(lang, 'matches.country.noPledges') : { kind: 'list', items: gapItems },
      ],
    };
  };
}

function paragraph(lang: Language, key: 'matches.country.noNeeds' | 'matches.country.noPledges') {
  return { kind: 'paragraph', text: t(lang, key) } as const;
}
