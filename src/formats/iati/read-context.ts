/** What every reading function shares while one activity is mapped. */
import type { CountryCodes } from '../../core/projects/index.js';
import type { ProblemLog } from './problems.js';

export interface ReadContext {
  readonly problems: ProblemLog;
  readonly countries: CountryCodes;
  /** The activity's default narrative language (canonical), once read. */
  defaultLanguage: string | null;
  /** Identifiers already imported from this file → the line of their activity. */
  readonly seenIdentifiers: Map<string, number>;
}
