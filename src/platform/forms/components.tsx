/**
 * The parts every form is built from, so each looks and behaves the same:
 * the form itself (novalidate: our messages in the page's language, never the
 * browser's bubbles), the CSRF field, the error summary, and labelled fields
 * whose hint and error are tied to them by aria-describedby. Plain HTML that
 * works without JavaScript: after a failed submit the summary takes focus by
 * `autofocus`, and each of its lines links to the field to fix.
 */
import type { Child } from 'hono/jsx';
import { t, type MessageKey } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import type { FormError, FormMessage } from './spec.js';
import type { FormToken } from './token.js';

const say = (lang: Language, message: FormMessage) => t(lang, message.key, message.params ?? {});

/** The hidden CSRF field; `Form` and `ActionButton` include it. */
export function CsrfField(props: { token: FormToken }) {
  return <input type="hidden" name={props.token.name} value={props.token.value} />;
}

/**
 * "There is a problem", then one line per problem linking to its field. It
 * takes focus when the page loads, so a screen reader starts here.
 */
export function ErrorSummary(props: { lang: Language; errors: readonly FormError[] }) {
  const { lang, errors } = props;
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">{t(lang, 'forms.summary.title')}</h2>
      <ul>
        {errors.map((e) => {
          const text = e.label
            ? t(lang, 'forms.summary.item', { label: t(lang, e.label), message: say(lang, e.message) })
            : say(lang, e.message);
          return <li>{e.field ? <a href={`#${e.id}`}>{text}</a> : text}</li>;
        })}
      </ul>
    </div>
  );
}

/** A form that posts with its CSRF token, validated by the server only (`novalidate`). */
export function Form(props: {
  action: string;
  token: FormToken;
  class?: string;
  id?: string;
  'aria-labelledby'?: string;
  children: Child;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class ?? 'stack'}
      id={props.id}
      aria-labelledby={props['aria-labelledby']}
      novalidate
    >
      <CsrfField token={props.token} />
      {props.children}
    </form>
  );
}

/** A form of one button (sign out, revoke, accept …). */
export function ActionButton(props: { action: string; token: FormToken; label: string; 'aria-label'?: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField token={props.token} />
      {props.children}
      <button type="submit" aria-label={props['aria-label']}>
        {props.label}
      </button>
    </form>
  );
}

/** A status line after a redirect ("Your change has been saved"). */
export function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;
}

interface FieldProps {
  lang: Language;
  name: string;
  /** The element id, when not the name (the summary links here). */
  id?: string | undefined;
  label: MessageKey;
  hint?: MessageKey | undefined;
  error?: FormMessage | undefined;
  /** Marks the label "(optional)". */
  optional?: boolean | undefined;
}

function describedBy(id: string, props: FieldProps): string | undefined {
  return [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** Label, hint and error of one field, around its control. */
function FieldFrame(props: FieldProps & { id: string; children: Child }) {
  const { lang } = props;
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>
        {t(lang, props.label)}
        {props.optional ? <span class="optional"> {t(lang, 'forms.optional')}</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {t(lang, props.hint)}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" id={`${props.id}-error`}>
          {say(lang, props.error)}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'url' | 'tel';
    autocomplete: string;
    value?: string | undefined;
    inputmode?: 'numeric' | 'email' | 'url';
    maxlength?: number;
    placeholder?: string;
  },
) {
  const id = props.id ?? props.name;
  const type = props.type ?? 'text';
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type={type}
        autocomplete={props.autocomplete}
        value={type === 'password' ? undefined : props.value}
        required={!props.optional}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        placeholder={props.placeholder}
        dir={type === 'email' || type === 'url' ? 'ltr' : undefined}
      />
    </FieldFrame>
  );
}

export function TextareaField(props: FieldProps & { value?: string | undefined; rows?: number; maxlength?: number }) {
  const id = props.id ?? props.name;
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        required={!props.optional}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  /** The language of the label, when it is not the page's (a language's own name). */
  readonly lang?: string;
}

export function SelectField(props: FieldProps & { options: readonly Choice[]; value?: string | undefined; autocomplete?: string }) {
  const id = props.id ?? props.name;
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        name={props.name}
        autocomplete={props.autocomplete}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      >
        {props.options.map((o) => (
          <option value={o.value} lang={o.lang} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** One checkbox with its label beside it ("I understand that this cannot be undone"). */
export function CheckboxField(props: FieldProps & { value: string; checked?: boolean }) {
  const { lang } = props;
  const id = props.id ?? props.name;
  return (
    <div class={props.error ? 'field check invalid' : 'field check'}>
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {say(lang, props.error)}
        </p>
      ) : null}
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      />
      <label for={id}>{t(lang, props.label)}</label>
    </div>
  );
}

/** Radio buttons under a legend; the first takes the group's id, so the summary's link lands on it. */
export function RadioGroup(props: FieldProps & { options: readonly Choice[]; value?: string | undefined }) {
  const { lang } = props;
  const id = props.id ?? props.name;
  return (
    <fieldset class={props.error ? 'field invalid' : 'field'} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{t(lang, props.label)}</legend>
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {say(lang, props.error)}
        </p>
      ) : null}
      {props.options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div class="check">
            <input type="radio" id={optionId} name={props.name} value={o.value} checked={o.value === props.value} />
            <label for={optionId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
