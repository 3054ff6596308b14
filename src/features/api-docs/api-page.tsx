/**
 * /api: a readable page generated from the same OpenAPI document the API
 * serves, so the two cannot disagree. No JavaScript, no third-party viewer.
 */
import { Hono } from 'hono';
import { t, tParts } from '../../i18n/i18n.js';
import type { AppEnv } from '../../http/app-env.js';
import { Layout, type PageContext } from '../../web/layout.js';
import type { NavEntry } from '../../web/navigation.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';

export interface OpenApiLike {
  paths?: Record<string, object | undefined>;
}

interface Operation {
  summary?: string;
  description?: string;
}
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function ApiPage(props: { ctx: PageContext; doc: OpenApiLike }) {
  const { lang } = props.ctx;
  const operations = Object.entries(props.doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = (item as Partial<Record<(typeof METHODS)[number], Operation>> | undefined)?.[method];
      return op ? [{ path, method: method.toUpperCase(), summary: op.summary ?? '', description: op.description ?? '' }] : [];
    }),
  );
  return (
    <Layout ctx={props.ctx} title={t(lang, 'api.title')} description={t(lang, 'api.lead', { path: '/api/v1' })}>
      <h1>{t(lang, 'api.title')}</h1>
      {/* Paths are left-to-right islands (dir="ltr" isolates them), so Arabic shows /api/v1, not api/v1/. */}
      <p class="lead">{tParts(lang, 'api.lead', { path: <code dir="ltr">/api/v1</code> })}</p>
      <p>
        <a href="/api/v1/openapi.json">{t(lang, 'api.document')}</a> <code dir="ltr">/api/v1/openapi.json</code>
      </p>
      <h2>{t(lang, 'api.conventions')}</h2>
      <ul>
        <li>{t(lang, 'api.conventions.errors')}</li>
        <li>{t(lang, 'api.conventions.lists')}</li>
      </ul>
      <h2>{t(lang, 'api.endpoints')}</h2>
      <ScrollRegion labelledBy="endpoints-caption">
        <table class="endpoints">
          <caption id="endpoints-caption" class="skip">
            {t(lang, 'api.endpoints')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'brief.api.method')}</th>
              <th scope="col">{t(lang, 'brief.api.path')}</th>
              <th scope="col">{t(lang, 'brief.api.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr>
                <td>
                  <span class="method" dir="ltr">
                    {op.method}
                  </span>
                </td>
                <th scope="row">
                  <code dir="ltr">{op.path}</code>
                </th>
                {/* The operations' summaries are written once, in English (the OpenAPI document's language): marked as
                    English and left to right, so a right-to-left page keeps their full stop at the end. */}
                <td lang="en" dir="ltr">
                  {op.summary}
                  {op.description ? (
                    <>
                      <br />
                      <small>{op.description}</small>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Layout>
  );
}

export function apiDocsPage(document: () => OpenApiLike) {
  return new Hono<AppEnv>().get('/api', (c) => renderPage(c, <ApiPage ctx={pageContext(c)} doc={document()} />));
}

/** The API page's entry in the main navigation. */
export const apiDocsNav: NavEntry = { href: '/api', label: 'shell.nav.api' };
