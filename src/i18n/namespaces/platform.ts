/** The `platform` namespace: organisations, invitations, the audit log, single sign-on and the privacy page. */
import ar from '../messages/ar/platform.json' with { type: 'json' };
import en from '../messages/en/platform.json' with { type: 'json' };
import es from '../messages/es/platform.json' with { type: 'json' };
import fr from '../messages/fr/platform.json' with { type: 'json' };
import ru from '../messages/ru/platform.json' with { type: 'json' };
import zh from '../messages/zh/platform.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const platform = namespace('platform', { ar, zh, en, fr, ru, es });
