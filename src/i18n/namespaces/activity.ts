/** The `activity` namespace: /me/activity (matches) and the organisation webhook pages (issue 12). */
import ar from '../messages/ar/activity.json' with { type: 'json' };
import en from '../messages/en/activity.json' with { type: 'json' };
import es from '../messages/es/activity.json' with { type: 'json' };
import fr from '../messages/fr/activity.json' with { type: 'json' };
import ru from '../messages/ru/activity.json' with { type: 'json' };
import zh from '../messages/zh/activity.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const activity = namespace('activity', { ar, zh, en, fr, ru, es });
