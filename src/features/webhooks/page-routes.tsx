/**
 * /organisations/{id}/webhooks: the webhook settings of an organisation (owners, admins), the
 * form to register one, each webhook's delivery log, the test and remove buttons. Works without
 * JavaScript; every form carries the CSRF field; the service asks the policy.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { formToken, freshForm, handleForm, type FormState } from '../../platform/forms/index.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { WEBHOOK_FORM } from './form.js';
import { DeliveryLogPage, WebhookCreatedPage, WebhooksPage } from './pages.js';
import * as service from './service.js';

type C = Context<AppEnv>;
const asker = (c: C) => ({ actor: actorOf(c), requestId: c.get('requestId') });
const uuid = z.uuid();

function idsOf(c: C): { id: string; webhookId: string } {
  const id = c.req.param('id');
  const webhookId = c.req.param('webhookId') ?? '00000000-0000-4000-8000-000000000000';
  if (!uuid.safeParse(id).success || !uuid.safeParse(webhookId).success) throw new AppError('not-found', `Nothing at ${c.req.path}`);
  return { id: id!, webhookId };
}

export function webhookPages(deps: Deps) {
  const { db } = deps;

  async function listPage(c: C, id: string, form: FormState = freshForm(), status: ContentfulStatusCode = 200) {
    const webhooks = await service.listWebhooks(db, actorOf(c), id);
    const page = (
      <WebhooksPage
        ctx={pageContext(c)}
        token={formToken(c)}
        organisationId={id}
        webhooks={webhooks}
        form={form}
        removed={c.req.query('removed') === '1'}
      />
    );
    return renderPage(c, page, status);
  }

  return new Hono<AppEnv>()
    .get('/organisations/:id/webhooks', async (c) => listPage(c, idsOf(c).id))
    .post('/organisations/:id/webhooks', async (c) => {
      const { id } = idsOf(c);
      return handleForm(c, {
        spec: WEBHOOK_FORM,
        run: async (input) => {
          const created = await service.createWebhook(deps, asker(c), id, input);
          // The secret is shown in this answer only: never cached, never in a URL.
          return renderPage(c, <WebhookCreatedPage ctx={pageContext(c)} webhook={created} />, 200);
        },
        render: (form, status) => listPage(c, id, form, status),
        refusals: [
          { code: 'validation-failed', field: 'body.url', show: 'url', message: 'activity.webhooks.urlRefused' },
          { code: 'conflict', show: '', message: 'activity.webhooks.tooMany' },
        ],
      });
    })
    .get('/organisations/:id/webhooks/:webhookId', async (c) => {
      const { id, webhookId } = idsOf(c);
      const { webhook, data } = await service.deliveriesOf(db, actorOf(c), id, webhookId);
      return renderPage(
        c,
        <DeliveryLogPage
          ctx={pageContext(c)}
          token={formToken(c)}
          webhook={webhook}
          deliveries={data}
          sent={c.req.query('sent') === '1'}
        />,
      );
    })
    .post('/organisations/:id/webhooks/:webhookId/test', async (c) => {
      const { id, webhookId } = idsOf(c);
      await service.sendTestEvent(deps, asker(c), id, webhookId);
      return c.redirect(`/organisations/${id}/webhooks/${webhookId}?sent=1`, 303);
    })
    .post('/organisations/:id/webhooks/:webhookId/delete', async (c) => {
      const { id, webhookId } = idsOf(c);
      await service.deleteWebhook(db, asker(c), id, webhookId);
      return c.redirect(`/organisations/${id}/webhooks?removed=1`, 303);
    });
}
