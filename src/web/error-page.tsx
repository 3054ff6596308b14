/** The HTML error page: what happened in plain words, never internals. */
import { t } from '../i18n/i18n.js';
import { Layout, type PageContext } from './layout.js';

export function ErrorPage(props: { ctx: PageContext; status: number; detail?: string; requestId?: string }) {
  const { lang } = props.ctx;
  const notFound = props.status === 404;
  const title = t(lang, notFound ? 'error.notFound.title' : 'error.server.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p>{notFound ? t(lang, 'error.notFound.text') : props.status < 500 && props.detail ? props.detail : t(lang, 'error.server.text')}</p>
      {props.requestId && props.status >= 500 ? <p>{t(lang, 'error.reference')}: <code>{props.requestId}</code></p> : null}
      <p><a href="/">{t(lang, 'error.home')}</a></p>
    </Layout>
  );
}
