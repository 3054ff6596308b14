/**
 * The way to the brief from a country's page: a short section with the page, Word and Markdown
 * links, added to the reference feature's country page through app.ts (countrySections).
 */
import { fullStop, listOf } from '../../web/list.js';
import type { Child } from 'hono/jsx';
import { t } from '../../i18n/i18n.js';
import type { PageContext } from '../../web/layout.js';
import type { Country } from '../reference/index.js';

/** @example referencePages(deps, { countrySections: [connectivitySection(deps), briefLink()] }) */
export function briefLink() {
  return async (country: Country, ctx: PageContext): Promise<Child> => {
    if (!country.iso3) return null;
    const { lang } = ctx;
    const base = `/countries/${country.iso3}/brief`;
    return (
      <section aria-labelledby="brief-link">
        <h2 id="brief-link">{t(lang, 'brief.link.title')}</h2>
        <p>
          {t(lang, 'brief.link.lead')}{' '}
          {listOf(lang, [
            <a href={`${base}?lang=${lang}`}>{t(lang, 'brief.link.page')}</a>,
            <a href={`${base}.docx?lang=${lang}`}>
              <bdi>{t(lang, 'brief.download.docx')}</bdi>
            </a>,
            <a href={`${base}.md?lang=${lang}`}>
              <bdi>{t(lang, 'brief.download.md')}</bdi>
            </a>,
          ])}
          {fullStop(lang)}
        </p>
      </section>
    );
  };
}
