/**
 * Small pieces the Connect pages share: a group's name with its code expanded (LDC, LMC …), and
 * the plain GET form that picks an indicator (works without JavaScript).
 */
import type { IndicatorDefinition } from '../../core/indicators/index.js';
import { t } from '../../i18n/i18n.js';
import { pick, type Language, type Localised } from '../../shared/localised.js';

/** Codes readers meet in other publications (LDC, SIDS, LMC …); M49 numbers say nothing and are not shown. */
export function isLetterCode(code: string): boolean {
  return /^[A-Z]{2,4}$/.test(code) && code !== 'WLD';
}

/** "Least Developed Countries (LDC)", the code an <abbr> expanded by the name. */
export function GroupName(props: { lang: Language; code: string; names: Localised }) {
  const name = pick(props.names, props.lang);
  if (!isLetterCode(props.code)) return <>{name}</>;
  return (
    <>
      {name} (
      <abbr title={name} lang="en" dir="ltr">
        {props.code}
      </abbr>
      )
    </>
  );
}

/** A GET form choosing one indicator for the page at `action`. */
export function IndicatorPicker(props: {
  lang: Language;
  action: string;
  choices: readonly IndicatorDefinition[];
  chosen: string;
  year?: number | undefined;
}) {
  const { lang } = props;
  return (
    <form class="filters" method="get" action={props.action}>
      <div>
        <label for="indicator">{t(lang, 'profiles.picker.indicator')}</label>
        <select id="indicator" name="indicator">
          {props.choices.map((i) => (
            <option value={i.code} selected={i.code === props.chosen}>
              {pick(i.name, lang)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t(lang, 'profiles.picker.show')}</button>
    </form>
  );
}
