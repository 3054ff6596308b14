/** The `projects` namespace: projects, their roles and team, and the explanations of role candidates. */
import ar from '../messages/ar/projects.json' with { type: 'json' };
import en from '../messages/en/projects.json' with { type: 'json' };
import es from '../messages/es/projects.json' with { type: 'json' };
import fr from '../messages/fr/projects.json' with { type: 'json' };
import ru from '../messages/ru/projects.json' with { type: 'json' };
import zh from '../messages/zh/projects.json' with { type: 'json' };
import { namespace } from '../namespace.js';

export const projects = namespace('projects', { ar, zh, en, fr, ru, es });
