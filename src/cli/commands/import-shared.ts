/** What the import commands share: where the data files are, and how a summary is printed. */
import type { Config } from '../../config/config.js';
import { UsageError } from '../command.js';

/** The --data-dir given, else the configured one; a usage error when there is none. */
export function dataDirOf(option: string | undefined, config: Config): string {
  const dir = option ?? config.dataDir;
  if (!dir) throw new UsageError('no data directory: pass --data-dir DIR or set DCP_DATA_DIR');
  return dir;
}

export function printSummary(out: (text: string) => void, summary: object): void {
  out(`${JSON.stringify(summary, null, 2)}\n`);
}
