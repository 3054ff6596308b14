/** The `matching` namespace: explanations of matches, exclusions and pledges (src/features/matching). */
import ar from '../messages/ar/matching.json' with { type: 'json' };
import en from '../messages/en/matching.json' with { type: 'json' };
import es from '../messages/es/matching.json' with { type: 'json' };
import fr from '../messages/fr/matching.json' with { type: 'json' };
import ru from '../messages/ru/matching.json' with { type: 'json' };
import zh from '../messages/zh/matching.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const matching = namespace('matching', { ar, zh, en, fr, ru, es });
