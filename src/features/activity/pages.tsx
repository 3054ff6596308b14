/** /me/activity: what happened lately in the person's projects and their organisations' needs and offerings. */
import { formatDate, t } from '../../i18n/i18n.js';
import { ActionButton, Notice, type FormToken } from '../../platform/forms/index.js';
import { Layout, type PageContext } from '../../web/layout.js';
import type { ActivityEvent } from './service.js';
import { detailOf, kindLabel } from './words.js';

export function ActivityPage(props: {
  ctx: PageContext;
  events: readonly ActivityEvent[];
  days: number;
  token: FormToken;
  subscribed: boolean;
}) {
  const { ctx, events } = props;
  const lang = ctx.lang;
  const title = t(lang, 'people.activity.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'people.activity.lead', { days: props.days })}</p>
      <Notice text={props.subscribed ? t(lang, 'people.digest.subscribed') : undefined} />
      <ActionButton
        action="/me/activity/digest"
        token={props.token}
        label={t(lang, props.subscribed ? 'people.digest.unsubscribe' : 'people.digest.subscribe')}
      >
        <input type="hidden" name="subscribe" value={props.subscribed ? 'no' : 'yes'} />
      </ActionButton>
      {events.length === 0 ? (
        <p>{t(lang, 'people.activity.none')}</p>
      ) : (
        <ol>
          {events.map((e) => (
            <li>
              <p>
                <time datetime={e.at}>{formatDate(lang, new Date(e.at))}</time> · {kindLabel(lang, e)} · <a href={e.href}>{e.title}</a>
              </p>
              <p>{detailOf(lang, e)}</p>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
