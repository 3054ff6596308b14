/** The `connect` namespace: the connectivity section of a country page. */
import ar from '../messages/ar/connect.json' with { type: 'json' };
import en from '../messages/en/connect.json' with { type: 'json' };
import es from '../messages/es/connect.json' with { type: 'json' };
import fr from '../messages/fr/connect.json' with { type: 'json' };
import ru from '../messages/ru/connect.json' with { type: 'json' };
import zh from '../messages/zh/connect.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const connect = namespace('connect', { ar, zh, en, fr, ru, es });
