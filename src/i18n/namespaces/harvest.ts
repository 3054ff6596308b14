/** The `harvest` namespace: a provider's harvested catalogues (src/features/capacity/harvest/pages.tsx). */
import ar from '../messages/ar/harvest.json' with { type: 'json' };
import en from '../messages/en/harvest.json' with { type: 'json' };
import es from '../messages/es/harvest.json' with { type: 'json' };
import fr from '../messages/fr/harvest.json' with { type: 'json' };
import ru from '../messages/ru/harvest.json' with { type: 'json' };
import zh from '../messages/zh/harvest.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const harvest = namespace('harvest', { ar, zh, en, fr, ru, es });
