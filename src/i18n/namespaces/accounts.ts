/** The `accounts` namespace: sign-in, sign-up, reset, the account page, account mails and the outbox. */
import ar from '../messages/ar/accounts.json' with { type: 'json' };
import en from '../messages/en/accounts.json' with { type: 'json' };
import es from '../messages/es/accounts.json' with { type: 'json' };
import fr from '../messages/fr/accounts.json' with { type: 'json' };
import ru from '../messages/ru/accounts.json' with { type: 'json' };
import zh from '../messages/zh/accounts.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const accounts = namespace('accounts', { ar, zh, en, fr, ru, es });
