/**
 * /me/learning: for each role the person holds (or the one they look at), what they would need to
 * learn and offerings that close each gap, each with a button to save it; then their plan, each
 * item with its status and a form to move it on. Plain forms, no JavaScript.
 */
import { t, type MessageKey } from '../../i18n/i18n.js';
import { ErrorSummary, Form, Notice, type FormState, type FormToken } from '../../platform/forms/index.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import type { Namer } from '../people/index.js';
import type { SkillGap } from '../../core/people/learning.js';
import { PLAN_STATUSES } from './repository.js';
import type { LearningView } from './service.js';

type Ctx = PageContext;

function gapText(ctx: Ctx, names: Namer, gap: SkillGap): string {
  const lang = ctx.lang;
  if (gap.kind === 'topic') return t(lang, 'people.learning.gap.topic', { topic: names.topic(gap.code) });
  if (gap.kind === 'language')
    return t(lang, 'people.learning.gap.language', {
      language: names.language(gap.code),
      need: names.level(String(gap.need)),
      have: gap.have === null ? '—' : names.level(String(gap.have)),
    });
  return t(lang, 'people.learning.gap.digcomp', {
    competence: names.digcomp(gap.code),
    need: Number(gap.need),
    have: gap.have === null ? '—' : String(gap.have),
  });
}

const skillName = (names: Namer, kind: string, code: string) =>
  kind === 'topic' ? names.topic(code) : kind === 'language' ? names.language(code) : names.digcomp(code);

export function LearningPage(props: {
  ctx: Ctx;
  token: FormToken;
  view: LearningView;
  names: Namer;
  form: FormState;
  notice: string | undefined;
}) {
  const { ctx, view, names, token } = props;
  const lang = ctx.lang;
  const title = t(lang, 'people.learning.title');
  return (
    <Layout ctx={ctx} title={title} hasErrors={props.form.errors.length > 0}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'people.learning.lead')}</p>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} errors={props.form.errors} />
      {view.profile ? null : (
        <p class="notice">
          <a href="/me/profile">{t(lang, 'people.learning.noProfile')}</a>
        </p>
      )}
      {view.lowBandwidth ? <p class="hint">{t(lang, 'people.learning.lowBandwidth')}</p> : null}
      {view.roles.length === 0 ? <p>{t(lang, 'people.learning.noRoles')}</p> : null}
      {view.roles.map(({ role, gaps }, r) => (
        <section aria-labelledby={`role-${r}`}>
          <h2 id={`role-${r}`}>
            {t(lang, 'people.learning.forRole', { role: role.title })} · <a href={`/projects/${role.projectId}`}>{role.projectTitle}</a>
          </h2>
          {gaps.length === 0 ? <p>{t(lang, 'people.learning.noGap')}</p> : null}
          <ul>
            {gaps.map(({ gap, offerings }) => (
              <li>
                <p>{gapText(ctx, names, gap)}</p>
                {offerings.length === 0 ? (
                  <p class="hint">{t(lang, 'people.learning.noOfferingFor', { skill: skillName(names, gap.kind, gap.code) })}</p>
                ) : (
                  <ul>
                    {offerings.map((o) => (
                      <li>
                        {o.title} ({o.provider.name}){' '}
                        <Form action="/me/learning/items" token={token} class="inline">
                          <input type="hidden" name="offeringId" value={o.id} />
                          <input type="hidden" name="skillKind" value={gap.kind} />
                          <input type="hidden" name="skillCode" value={gap.code} />
                          <input type="hidden" name="targetLevel" value={gap.need === null ? '' : String(gap.need)} />
                          <input type="hidden" name="roleId" value={role.roleId} />
                          <button type="submit" aria-label={t(lang, 'people.learning.addNamed', { title: o.title })}>
                            {t(lang, 'people.learning.add')}
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="plan">
        <h2 id="plan">{t(lang, 'people.learning.plan')}</h2>
        {view.plan.length === 0 ? (
          <p>{t(lang, 'people.learning.emptyPlan')}</p>
        ) : (
          <ScrollRegion labelledBy="plan">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'people.learning.offering')}</th>
                  <th scope="col">{t(lang, 'people.learning.skill')}</th>
                  <th scope="col">{t(lang, 'people.learning.status')}</th>
                </tr>
              </thead>
              <tbody>
                {view.plan.map((item) => (
                  <tr>
                    <td>{item.offeringTitle}</td>
                    <td>
                      {skillName(names, item.skillKind, item.skillCode)}
                      {item.targetLevel ? ` (${item.targetLevel})` : ''}
                    </td>
                    <td>
                      <Form action={`/me/learning/items/${item.id}`} token={token} class="inline">
                        <label for={`status-${item.id}`} class="skip">
                          {t(lang, 'people.learning.statusOf', { title: item.offeringTitle })}
                        </label>
                        <select id={`status-${item.id}`} name="status">
                          {PLAN_STATUSES.map((s) => (
                            <option value={s} selected={s === item.status}>
                              {t(lang, `people.learning.status.${s}` as MessageKey)}
                            </option>
                          ))}
                        </select>
                        <button type="submit">{t(lang, 'people.learning.update')}</button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </Layout>
  );
}
