/** The register-a-webhook form for the forms stage, validated by the API's WebhookInputSchema. */
import type { FormSpec } from '../../platform/forms/index.js';
import { WEBHOOK_EVENTS, WebhookInputSchema, type WebhookInput } from './schemas.js';

export const WEBHOOK_FORM: FormSpec<WebhookInput> = {
  schema: WebhookInputSchema,
  // One checkbox per kind of event (`event-need` …), as the API's list.
  input: (posted) => ({ url: posted['url'] ?? '', events: WEBHOOK_EVENTS.filter((kind) => posted[`event-${kind}`] === 'yes') }),
  fields: {
    url: { label: 'activity.webhooks.url', message: 'activity.webhooks.urlProblem' },
    events: { label: 'activity.webhooks.events', id: 'event-project', message: 'activity.webhooks.eventsProblem' },
  },
};
