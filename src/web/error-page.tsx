/** The HTML error page: what happened in plain words, never internals. */
import { t, type MessageKey } from '../i18n/i18n.js';
import { Layout, type PageContext } from './layout.js';

/** Title and text per status; any other 4xx shows its detail under the general title. */
const WORDS: Partial<Record<number, { title: MessageKey; text: MessageKey }>> = {
  401: { title: 'error.unauthenticated.title', text: 'error.unauthenticated.text' },
  403: { title: 'error.forbidden.title', text: 'error.forbidden.text' },
  404: { title: 'error.notFound.title', text: 'error.notFound.text' },
  429: { title: 'error.rateLimited.title', text: 'error.rateLimited.text' },
};

export function ErrorPage(props: { ctx: PageContext; status: number; detail?: string; requestId?: string; signInHref?: string }) {
  const { lang } = props.ctx;
  const words = WORDS[props.status];
  const title = t(lang, words?.title ?? 'error.server.title');
  const clientError = props.status < 500;
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      {words ? <p>{t(lang, words.text)}</p> : <p>{clientError && props.detail ? props.detail : t(lang, 'error.server.text')}</p>}
      {/* The reason in the server's words (English), e.g. an expired form: useful, so shown as a second line. */}
      {words && props.status !== 404 && props.detail ? (
        <p lang="en" dir="ltr">
          {props.detail}
        </p>
      ) : null}
      {props.signInHref ? (
        <p>
          <a href={props.signInHref}>{t(lang, 'error.signIn')}</a>
        </p>
      ) : null}
      {props.requestId && props.status >= 500 ? (
        <p>
          {t(lang, 'error.reference')}: <code>{props.requestId}</code>
        </p>
      ) : null}
      <p>
        <a href="/">{t(lang, 'error.home')}</a>
      </p>
    </Layout>
  );
}
