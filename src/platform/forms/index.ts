/**
 * The forms stage (ENGINEERING.md: platform services never import a feature).
 * A feature describes a form once (FormSpec: its API schema and its fields),
 * renders it with these components, and posts it through handleForm().
 */
export { freshForm, errorOf, hasErrors, withError } from './spec.js';
export type { FieldSpec, FormError, FormMessage, FormSpec, FormState, IssueKind, Posted } from './spec.js';
export { validateForm, type Validated } from './validate.js';
export { handleForm, readPosted, showRefusal, type FormHandling, type Refusal } from './stage.js';
export { formToken, formTokens, type FormToken, type FormTokenSource } from './token.js';
export {
  ActionButton,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  Form,
  Notice,
  RadioGroup,
  SelectField,
  TextField,
  TextareaField,
} from './components.js';
export type { Choice } from './components.js';
