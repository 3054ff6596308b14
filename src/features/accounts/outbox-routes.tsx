/**
 * GET /admin/outbox: the mail the platform kept instead of sending (no SMTP
 * server configured, or delivery failed), for admins — how a newcomer reads the
 * verification link of a first account. Plain HTML, a page of 20 mails, older
 * ones behind a link (?before=<id>). Anyone else is refused by the policy; a
 * visitor not signed in is sent to sign in (error handler, 401 on a GET page).
 */
import { Hono } from 'hono';
import { authorise } from '../../http/authorise.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { formatDate, t } from '../../i18n/i18n.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { pageContext } from '../../web/page-context.js';
import { readOutbox } from '../../platform/mail/index.js';
import { renderAccountPage } from './render.js';

export const OUTBOX_PAGE_SIZE = 20;

interface OutboxMail {
  readonly id: number;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly createdAt: Date;
}

function OutboxPage(props: { ctx: PageContext; mails: readonly OutboxMail[]; olderThan: number | undefined }) {
  const { lang } = props.ctx;
  const title = t(lang, 'outbox.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'outbox.lead')}</p>
      {props.mails.length === 0 ? (
        <p>{t(lang, 'outbox.none')}</p>
      ) : (
        props.mails.map((m) => (
          <article aria-labelledby={`mail-${m.id}`}>
            <h2 id={`mail-${m.id}`}>{m.subject}</h2>
            <dl>
              <dt>{t(lang, 'outbox.col.to')}</dt>
              <dd dir="ltr">{m.recipient}</dd>
              <dt>{t(lang, 'outbox.col.at')}</dt>
              <dd>
                <time datetime={m.createdAt.toISOString()}>
                  {formatDate(lang, m.createdAt)} {m.createdAt.toISOString().slice(11, 19)} UTC
                </time>
              </dd>
            </dl>
            <pre class="scroll">{m.body}</pre>
          </article>
        ))
      )}
      {props.olderThan !== undefined ? (
        <p>
          <a rel="next" href={`/admin/outbox?before=${props.olderThan}`}>
            {t(lang, 'outbox.older')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

export function outboxRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/admin/outbox', async (c) => {
    authorise(c.get('actor'), 'read', { type: 'outbox' });
    const before = /^[1-9]\d{0,15}$/.test(c.req.query('before') ?? '') ? Number(c.req.query('before')) : undefined;
    const rows = await readOutbox(deps.db, OUTBOX_PAGE_SIZE + 1, before);
    const page = rows.slice(0, OUTBOX_PAGE_SIZE);
    const mails = page.map((r) => ({
      id: Number(r.id),
      recipient: r.recipient,
      subject: r.subject,
      body: r.body,
      createdAt: r.created_at,
    }));
    return renderAccountPage(
      c,
      <OutboxPage ctx={pageContext(c)} mails={mails} olderThan={rows.length > OUTBOX_PAGE_SIZE ? mails.at(-1)?.id : undefined} />,
    );
  });
}
