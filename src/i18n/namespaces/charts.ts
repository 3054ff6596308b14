/** The `charts` namespace: the few words the platform charts add around the caller’s text (src/platform/charts/words.ts). */
import ar from '../messages/ar/charts.json' with { type: 'json' };
import en from '../messages/en/charts.json' with { type: 'json' };
import es from '../messages/es/charts.json' with { type: 'json' };
import fr from '../messages/fr/charts.json' with { type: 'json' };
import ru from '../messages/ru/charts.json' with { type: 'json' };
import zh from '../messages/zh/charts.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const charts = namespace('charts', { ar, zh, en, fr, ru, es });
