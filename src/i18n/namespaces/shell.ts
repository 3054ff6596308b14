/** The `shell` namespace: the page shell, home, countries, the API page and error pages. */
import ar from '../messages/ar/shell.json' with { type: 'json' };
import en from '../messages/en/shell.json' with { type: 'json' };
import es from '../messages/es/shell.json' with { type: 'json' };
import fr from '../messages/fr/shell.json' with { type: 'json' };
import ru from '../messages/ru/shell.json' with { type: 'json' };
import zh from '../messages/zh/shell.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const shell = namespace('shell', { ar, zh, en, fr, ru, es });
