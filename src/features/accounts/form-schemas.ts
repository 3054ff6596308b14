/**
 * The forms of the account pages for the forms stage: each the schema the API
 * uses for the same input (sign-in, tokens) or, where the API has no such
 * route, the one schema the page and any later API route share; and the
 * fields as the pages name and label them.
 */
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../i18n/i18n.js';
import type { FormSpec } from '../../platform/forms/index.js';
import { LANGUAGES } from '../../shared/localised.js';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './passwords.js';
import { CreateTokenRequestSchema, DisplayNameSchema, SignInRequestSchema } from './schemas.js';

const EmailSchema = z.email().max(254);
/** A password being checked (not set): never longer than anything a hash could have been made of. */
const GivenPasswordSchema = z
  .string()
  .min(1)
  .max(PASSWORD_MAX * 4);

const PASSWORD_REASONS = {
  'too-short': `must be at least ${PASSWORD_MIN} characters`,
  'too-long': `must be at most ${PASSWORD_MAX} characters`,
  'too-common': 'is one of the most common passwords; choose another',
} as const;

/** A new password by the rules of passwords.ts; a form shows the reason in the reader's language. */
export const NewPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      message: PASSWORD_REASONS[problem],
      params: { i18n: `accounts.error.password.${problem}` satisfies MessageKey, min: PASSWORD_MIN, max: PASSWORD_MAX },
    });
});

export const SignUpSchema = z.object({ displayName: DisplayNameSchema, email: EmailSchema, password: NewPasswordSchema });
export const ResetRequestSchema = z.object({ email: EmailSchema });
export const ResetConfirmSchema = z.object({ token: z.string().max(200), password: NewPasswordSchema });
export const CodeSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'must be the six-digit code') });
export const ProfileSchema = z.object({ displayName: DisplayNameSchema, preferredLanguage: z.enum(LANGUAGES).or(z.literal('')) });
export const EmailChangeSchema = z.object({ newEmail: EmailSchema, emailPassword: GivenPasswordSchema });
export const PasswordChangeSchema = z.object({ currentPassword: GivenPasswordSchema, newPassword: NewPasswordSchema });
export const DisableTwoFactorSchema = z.object({ disablePassword: GivenPasswordSchema });

const email = { label: 'accounts.field.email', message: 'accounts.error.email' } as const;
const displayName = { label: 'accounts.field.displayName', messages: { required: 'accounts.error.displayName' } } as const;
const newPassword = { label: 'accounts.field.password' } as const;
const code = { label: 'accounts.field.code', message: 'accounts.error.code' } as const;
const givenPassword = { messages: { required: 'accounts.error.password.required' } } as const;

export const SIGN_IN_FORM: FormSpec<z.infer<typeof SignInRequestSchema>> = {
  schema: SignInRequestSchema,
  fields: { email, password: { label: 'accounts.field.password', ...givenPassword } },
  secret: ['password'],
};

export const SIGN_UP_FORM: FormSpec<z.infer<typeof SignUpSchema>> = {
  schema: SignUpSchema,
  fields: { displayName, email, password: newPassword },
  secret: ['password'],
};

export const RESET_REQUEST_FORM: FormSpec<z.infer<typeof ResetRequestSchema>> = { schema: ResetRequestSchema, fields: { email } };

export const RESET_CONFIRM_FORM: FormSpec<z.infer<typeof ResetConfirmSchema>> = {
  schema: ResetConfirmSchema,
  fields: { password: { ...newPassword, label: 'accounts.field.newPassword' } },
  secret: ['password'],
};

export const CODE_FORM: FormSpec<z.infer<typeof CodeSchema>> = { schema: CodeSchema, fields: { code }, secret: ['code'] };

export const PROFILE_FORM: FormSpec<z.infer<typeof ProfileSchema>> = {
  schema: ProfileSchema,
  fields: { displayName, preferredLanguage: { label: 'accounts.field.language' } },
};

export const EMAIL_CHANGE_FORM: FormSpec<z.infer<typeof EmailChangeSchema>> = {
  schema: EmailChangeSchema,
  fields: {
    newEmail: { label: 'accounts.account.emailNew', message: 'accounts.error.email' },
    emailPassword: { label: 'accounts.field.currentPassword', ...givenPassword },
  },
  secret: ['emailPassword'],
};

export const PASSWORD_CHANGE_FORM: FormSpec<z.infer<typeof PasswordChangeSchema>> = {
  schema: PasswordChangeSchema,
  fields: {
    currentPassword: { label: 'accounts.field.currentPassword', ...givenPassword },
    newPassword: { label: 'accounts.field.newPassword' },
  },
  secret: ['currentPassword', 'newPassword'],
};

export const DISABLE_TWO_FACTOR_FORM: FormSpec<z.infer<typeof DisableTwoFactorSchema>> = {
  schema: DisableTwoFactorSchema,
  fields: { disablePassword: { label: 'accounts.field.currentPassword', ...givenPassword } },
  secret: ['disablePassword'],
};

export const TOKEN_FORM: FormSpec<z.infer<typeof CreateTokenRequestSchema>> = {
  schema: CreateTokenRequestSchema,
  fields: {
    name: { label: 'accounts.field.tokenName', messages: { required: 'accounts.error.tokenName' } },
    organisationId: { label: 'accounts.field.organisation', message: 'accounts.error.organisation' },
    scope: { label: 'accounts.field.scope', id: 'scope' },
  },
};
