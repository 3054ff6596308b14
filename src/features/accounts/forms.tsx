/**
 * Accessible form parts for the account pages: a labelled field with its hint
 * and error tied by aria-describedby, an error summary linking to the fields,
 * the CSRF input, and a status notice. Plain HTML; no script needed.
 */
import type { Child } from 'hono/jsx';
import { t, type MessageKey } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import { CSRF_FIELD } from './csrf.js';

/** Field name → message key of what is wrong with it. */
export type FormErrors = Partial<Record<string, MessageKey>>;

export function CsrfInput(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

export function ErrorSummary(props: { lang: Language; errors: FormErrors; labels: Partial<Record<string, MessageKey>> }) {
  const entries = Object.entries(props.errors).filter((e): e is [string, MessageKey] => e[1] !== undefined);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t(props.lang, 'accounts.errors.title')}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li>
            <a href={`#${field}`}>
              {props.labels[field] ? `${t(props.lang, props.labels[field])}: ` : ''}
              {t(props.lang, key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldProps {
  lang: Language;
  name: string;
  label: MessageKey;
  type?: 'text' | 'email' | 'password';
  autocomplete: string;
  value?: string | undefined;
  error?: MessageKey | undefined;
  hint?: MessageKey;
  required?: boolean;
  inputmode?: 'numeric';
  maxlength?: number;
}

export function Field(props: FieldProps) {
  const describedBy = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.name}>{t(props.lang, props.label)}</label>
      {props.hint ? (
        <p class="hint" id={`${props.name}-hint`}>
          {t(props.lang, props.hint)}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" id={`${props.name}-error`}>
          {t(props.lang, props.error)}
        </p>
      ) : null}
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        autocomplete={props.autocomplete}
        value={props.type === 'password' ? undefined : props.value}
        required={props.required ?? true}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        dir={props.type === 'email' ? 'ltr' : undefined}
      />
    </div>
  );
}

export function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;
}

/** A one-button form (sign out, revoke …). */
export function ActionButton(props: { action: string; csrf: string; label: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfInput token={props.csrf} />
      {props.children}
      <button type="submit">{props.label}</button>
    </form>
  );
}
