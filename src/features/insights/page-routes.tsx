/** GET /insights: the unmet-demand page, from the same use cases as the API. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { t } from '../../i18n/i18n.js';
import { pick, type Language } from '../../shared/localised.js';
import type { NavEntry } from '../../web/navigation.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { matchingReference } from '../matching/index.js';
import { InsightsPage, type InsightsView } from './pages.js';
import * as service from './service.js';

/** The insights' entry in the main navigation. */
export const insightsNav: NavEntry = { href: '/insights', label: 'insights.nav' };

function namesFor(lang: Language, labels: Awaited<ReturnType<typeof matchingReference>>['labels']): InsightsView['names'] {
  const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
  const label = (list: 'topics' | 'groups' | 'countries', code: string) => pick(labels.get(list)?.get(code), lang) || code;
  return {
    topic: (code) => label('topics', code),
    region: (code) => (code === null ? t(lang, 'insights.noRegion') : label('groups', code)),
    language: (code) => languages.of(code) ?? code,
    country: (code) => label('countries', code),
  };
}

export function insightsPages({ db }: Deps) {
  return new Hono<AppEnv>().get('/insights', async (c) => {
    const lang = c.get('lang');
    const [unmet, byLanguage, months, gaps, unfitted, time, demo, { labels }] = await Promise.all([
      service.unmetDemand(db),
      service.unmetByLanguage(db),
      service.demandTrend(db),
      service.supplyGaps(db),
      service.unfittedNeeds(db),
      service.timeToMatch(db),
      service.includesDemo(db),
      matchingReference(db),
    ]);
    const view: InsightsView = { unmet, byLanguage, months, gaps, unfitted, time, demo, names: namesFor(lang, labels) };
    return renderPage(c, <InsightsPage ctx={pageContext(c)} view={view} />);
  });
}
