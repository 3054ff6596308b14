/** The `matches` namespace: the match workflow: ranked pages, inbox, one match, its mails (src/features/match-workflow). */
import ar from '../messages/ar/matches.json' with { type: 'json' };
import en from '../messages/en/matches.json' with { type: 'json' };
import es from '../messages/es/matches.json' with { type: 'json' };
import fr from '../messages/fr/matches.json' with { type: 'json' };
import ru from '../messages/ru/matches.json' with { type: 'json' };
import zh from '../messages/zh/matches.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const matches = namespace('matches', { ar, zh, en, fr, ru, es });
