/**
 * /needs/{id}/people: the people who could advise on a need, as the reader may see them, each
 * with their fit and the engine's explanation in the reader's language (a <details> table, as on
 * the ranked offerings page). Plain HTML; nothing needs JavaScript.
 */
import { selectorOf } from '../../core/matching/workflow.js';
import { formatNumber, t } from '../../i18n/i18n.js';
import { Layout, type PageContext } from '../../web/layout.js';
import type { NeedPeoplePage } from '../matching/index.js';
import { WhyTable } from './ranked-pages.js';

export function NeedPeoplePageView(props: { ctx: PageContext; page: NeedPeoplePage }) {
  const { ctx, page } = props;
  const { lang } = ctx;
  const title = t(lang, 'matches.people.title', { title: page.need.title });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'matches.people.lead')}</p>
      <p>
        <a href={`/needs/${page.need.id}/matches`}>{t(lang, 'matches.people.offers')}</a>
      </p>
      {page.data.length === 0 ? (
        <p>{t(lang, 'matches.people.none')}</p>
      ) : (
        <ol class="stack ranked">
          {page.data.map((item) => (
            <li>
              <h2>
                <a href={`/people/${item.person.id}`}>{item.person.name}</a>
              </h2>
              {item.person.headline ? <p>{item.person.headline}</p> : null}
              <p>
                {item.person.organisations.map((o) => o.name).join(' · ')}
                {item.person.organisations.length > 0 ? ' · ' : ''}
                <strong>{t(lang, 'matches.people.score', { score: formatNumber(lang, item.score, { style: 'percent' }) })}</strong>
                {item.person.notice ? ` · ${item.person.notice}` : ''}
              </p>
              <WhyTable
                lang={lang}
                summary={t(lang, 'matches.people.why')}
                explanation={item.explanation}
                componentName={(component) => t(lang, 'matches.people.component', { component: selectorOf(component) })}
              />
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
