/** The `people` namespace: profiles, their parts and visibility, language levels and the expert finder. */
import ar from '../messages/ar/people.json' with { type: 'json' };
import en from '../messages/en/people.json' with { type: 'json' };
import es from '../messages/es/people.json' with { type: 'json' };
import fr from '../messages/fr/people.json' with { type: 'json' };
import ru from '../messages/ru/people.json' with { type: 'json' };
import zh from '../messages/zh/people.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const people = namespace('people', { ar, zh, en, fr, ru, es });
