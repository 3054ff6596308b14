/** The account deletion form: the API's DeleteAccountRequestSchema, and the box that says "I understand". */
import { z } from '@hono/zod-openapi';
import type { FormSpec } from '../../platform/forms/index.js';
import { DeleteAccountRequestSchema } from './schemas.js';

export const DeleteAccountFormSchema = DeleteAccountRequestSchema.extend({ confirm: z.literal('yes') });

export const DELETE_ACCOUNT_FORM: FormSpec<z.infer<typeof DeleteAccountFormSchema>> = {
  schema: DeleteAccountFormSchema,
  // A blank proof field is "not given", as in the API.
  input: (posted) => ({
    confirm: posted['confirm'],
    ...(posted['password'] ? { password: posted['password'] } : {}),
    ...(posted['totp'] ? { totp: posted['totp'].trim() } : {}),
  }),
  fields: {
    password: { label: 'accounts.field.currentPassword' },
    totp: { label: 'accounts.field.code', message: 'accounts.error.code' },
    confirm: {
      label: 'privacy.delete.confirm',
      messages: { required: 'privacy.delete.confirmRequired', choice: 'privacy.delete.confirmRequired' },
    },
  },
  secret: ['password', 'totp'],
};
