/** The `profiles` namespace: the Connect pages (country profile, group, indicator and comparison pages). */
import ar from '../messages/ar/profiles.json' with { type: 'json' };
import en from '../messages/en/profiles.json' with { type: 'json' };
import es from '../messages/es/profiles.json' with { type: 'json' };
import fr from '../messages/fr/profiles.json' with { type: 'json' };
import ru from '../messages/ru/profiles.json' with { type: 'json' };
import zh from '../messages/zh/profiles.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const profiles = namespace('profiles', { ar, zh, en, fr, ru, es });
