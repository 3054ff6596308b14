/** The `insights` namespace: unmet-demand insights (src/features/insights). */
import ar from '../messages/ar/insights.json' with { type: 'json' };
import en from '../messages/en/insights.json' with { type: 'json' };
import es from '../messages/es/insights.json' with { type: 'json' };
import fr from '../messages/fr/insights.json' with { type: 'json' };
import ru from '../messages/ru/insights.json' with { type: 'json' };
import zh from '../messages/zh/insights.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const insights = namespace('insights', { ar, zh, en, fr, ru, es });
