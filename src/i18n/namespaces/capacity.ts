/** The `capacity` namespace: the clearinghouse pages (offerings and needs, their forms and workflow). */
import ar from '../messages/ar/capacity.json' with { type: 'json' };
import en from '../messages/en/capacity.json' with { type: 'json' };
import es from '../messages/es/capacity.json' with { type: 'json' };
import fr from '../messages/fr/capacity.json' with { type: 'json' };
import ru from '../messages/ru/capacity.json' with { type: 'json' };
import zh from '../messages/zh/capacity.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const capacity = namespace('capacity', { ar, zh, en, fr, ru, es });
