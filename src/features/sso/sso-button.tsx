/** The single sign-on link for the sign-in page; renders nothing when no provider is configured. */
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';

export function SsoButton(props: { lang: Language; enabled: boolean; next?: string }) {
  if (!props.enabled) return null;
  const href = props.next ? `/sign-in/oidc?next=${encodeURIComponent(props.next)}` : '/sign-in/oidc';
  return (
    <p>
      <a class="button" href={href}>
        {t(props.lang, 'sso.button')}
      </a>
    </p>
  );
}
