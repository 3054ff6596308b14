/** The admin page /admin/audit: a filter form (plain GET), the entries, a CSV link. */
import { formatDate, t } from '../../i18n/i18n.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import type { AuditEntry } from './schemas.js';

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  resourceType?: string;
  from?: string;
  to?: string;
}

function query(values: AuditFilterValues, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v) params.set(k, v);
  return params.toString();
}

const change = (e: AuditEntry) => [e.before, e.after].map((v) => (v === null ? '—' : JSON.stringify(v))).join(' → ');

export function AuditPage(props: {
  ctx: PageContext;
  entries: AuditEntry[];
  next: string | null;
  filter: AuditFilterValues;
  apiFilter: Record<string, string>;
}) {
  const { ctx, filter } = props;
  const lang = ctx.lang;
  const title = t(lang, 'audit.title');
  const field = (name: keyof AuditFilterValues, key: Parameters<typeof t>[1], type = 'text') => (
    <div>
      <label for={`f-${name}`}>{t(lang, key)}</label>
      <input id={`f-${name}`} name={name} type={type} value={filter[name] ?? ''} />
    </div>
  );
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'audit.lead')}</p>
      <form class="filters" method="get" action="/admin/audit">
        <fieldset>
          <legend class="skip">{t(lang, 'countries.filter.legend')}</legend>
          {field('actor', 'audit.filter.actor')}
          {field('action', 'audit.filter.action')}
          {field('resourceType', 'audit.filter.resourceType')}
          {field('from', 'audit.filter.from', 'date')}
          {field('to', 'audit.filter.to', 'date')}
          <button type="submit">{t(lang, 'countries.filter.apply')}</button>
          <a href="/admin/audit">{t(lang, 'countries.filter.reset')}</a>
        </fieldset>
      </form>
      <p>
        <a href={`/api/v1/audit?${query({}, { ...props.apiFilter, format: 'csv' })}`} download="audit.csv">
          {t(lang, 'audit.csv')}
        </a>
      </p>
      {props.entries.length === 0 ? (
        <p>{t(lang, 'audit.none')}</p>
      ) : (
        <ScrollRegion labelledBy="audit-caption">
          <table>
            <caption id="audit-caption" class="skip">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'audit.col.at')}</th>
                <th scope="col">{t(lang, 'audit.col.actor')}</th>
                <th scope="col">{t(lang, 'audit.col.action')}</th>
                <th scope="col">{t(lang, 'audit.col.resource')}</th>
                <th scope="col">{t(lang, 'audit.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr>
                  <td>
                    <time datetime={e.at}>
                      {formatDate(lang, new Date(e.at))} {e.at.slice(11, 19)}
                    </time>
                  </td>
                  <td>
                    <code>{e.actorId ?? e.via}</code>
                    {e.via === 'token' ? ` (${e.via})` : ''}
                  </td>
                  <td>{e.action}</td>
                  <td>
                    {e.resourceType} <code>{e.resourceId ?? ''}</code>
                  </td>
                  <td>
                    <code>{change(e)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {props.next ? (
        <p>
          <a rel="next" href={`/admin/audit?${query(filter, { cursor: props.next })}`}>
            {t(lang, 'audit.next')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
