/**
 * The forms of a project's page (/projects/{id}): posting an update to its dated log, for those
 * the policy lets (`post-update`), and commenting on an update, for anyone who may read and
 * comment. Plain forms through the forms stage (CSRF field, problems on their fields), so they
 * work without JavaScript; a success comes back to the page with a notice.
 */
import { t } from '../../i18n/i18n.js';
import { errorOf, Form, SelectField, TextareaField, TextField, type FormState, type FormToken } from '../../platform/forms/index.js';
import { LANGUAGES, type Language } from '../../shared/localised.js';
import type { Namer } from '../people/index.js';

/** Languages an update may be written in: the six UN languages, and the project's own. */
export function updateLanguages(names: Namer, projectLanguage: string) {
  const codes = [...new Set<string>([...LANGUAGES, projectLanguage])];
  return codes.map((code) => ({ value: code, label: names.language(code) }));
}

export function UpdateForm(props: {
  lang: Language;
  projectId: string;
  token: FormToken;
  form: FormState;
  names: Namer;
  projectLanguage: string;
}) {
  const { lang, form } = props;
  return (
    <section aria-labelledby="post-update">
      <h3 id="post-update">{t(lang, 'projects.updates.heading')}</h3>
      <Form action={`/projects/${props.projectId}/updates`} token={props.token} aria-labelledby="post-update">
        <TextField
          lang={lang}
          name="date"
          id="update-date"
          label="projects.updates.date"
          hint="projects.updates.dateHint"
          autocomplete="off"
          inputmode="numeric"
          maxlength={10}
          value={form.values['date']}
          error={errorOf(form, 'date')}
        />
        <SelectField
          lang={lang}
          name="language"
          id="update-language"
          label="projects.edit.language"
          options={updateLanguages(props.names, props.projectLanguage)}
          value={form.values['language'] ?? lang}
          error={errorOf(form, 'language')}
        />
        <TextareaField
          lang={lang}
          name="body"
          id="update-body"
          label="projects.updates.body"
          rows={4}
          maxlength={2000}
          value={form.values['body']}
          error={errorOf(form, 'body')}
        />
        <button type="submit">{t(lang, 'projects.updates.post')}</button>
      </Form>
    </section>
  );
}

export function CommentForm(props: { lang: Language; projectId: string; updateId: string; token: FormToken; form: FormState | undefined }) {
  const { lang, updateId } = props;
  return (
    <Form action={`/projects/${props.projectId}/updates/${updateId}/comments`} token={props.token}>
      <TextareaField
        lang={lang}
        name="body"
        id={`comment-${updateId}`}
        label="projects.comments.body"
        rows={2}
        maxlength={1000}
        value={props.form?.values['body']}
        error={errorOf(props.form, 'body')}
      />
      <button type="submit">{t(lang, 'projects.comments.post')}</button>
    </Form>
  );
}
