/** The `forms` namespace: the forms stage's error summary and the messages for each kind of invalid input. */
import ar from '../messages/ar/forms.json' with { type: 'json' };
import en from '../messages/en/forms.json' with { type: 'json' };
import es from '../messages/es/forms.json' with { type: 'json' };
import fr from '../messages/fr/forms.json' with { type: 'json' };
import ru from '../messages/ru/forms.json' with { type: 'json' };
import zh from '../messages/zh/forms.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const forms = namespace('forms', { ar, zh, en, fr, ru, es });
