/** The `brief` namespace: the country brief, offline reading, meta descriptions and print. */
import ar from '../messages/ar/brief.json' with { type: 'json' };
import en from '../messages/en/brief.json' with { type: 'json' };
import es from '../messages/es/brief.json' with { type: 'json' };
import fr from '../messages/fr/brief.json' with { type: 'json' };
import ru from '../messages/ru/brief.json' with { type: 'json' };
import zh from '../messages/zh/brief.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const brief = namespace('brief', { ar, zh, en, fr, ru, es });
