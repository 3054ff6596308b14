/** The `clearinghouse` namespace: the clearinghouse’s form fields, record flags and the problems its pages and API explain. */
import ar from '../messages/ar/clearinghouse.json' with { type: 'json' };
import en from '../messages/en/clearinghouse.json' with { type: 'json' };
import es from '../messages/es/clearinghouse.json' with { type: 'json' };
import fr from '../messages/fr/clearinghouse.json' with { type: 'json' };
import ru from '../messages/ru/clearinghouse.json' with { type: 'json' };
import zh from '../messages/zh/clearinghouse.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const clearinghouse = namespace('clearinghouse', { ar, zh, en, fr, ru, es });
