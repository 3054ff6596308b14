/**
 * Outgoing webhooks, the mechanism (README.md: the signature scheme receivers verify): where a
 * webhook may point, its secret made and sealed, one signed POST with a time limit. What is
 * delivered, to whom and when (storage, jobs, pages) is the webhooks feature's: the platform
 * never imports a feature.
 */
export { isInternalAddress, webhookAddressProblem, type AddressProblem } from './address.js';
export { newWebhookSecret, openSecret, sealSecret } from './seal.js';
export { sendSigned, type SendOutcome, type SignedPost } from './send.js';
export {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
  TOLERANCE_SECONDS,
  verifyWebhook,
} from './signature.js';
