/**
 * Every `dcp` command, in the order `dcp help` lists them. Adding a command is
 * one module in `commands/` (see `command.ts`) and one line here.
 */
import type { Command } from './command.js';
import { backupCommand } from './commands/backup.js';
import { exportCommand } from './commands/export.js';
import { importIndicatorsCommand } from './commands/import-indicators.js';
import { importReferenceCommand } from './commands/import-reference.js';
import { importSdmxCommand } from './commands/import-sdmx.js';
import { importWorldBankCommand } from './commands/import-worldbank.js';
import { migrateCommand } from './commands/migrate.js';
import { outboxCommand } from './commands/outbox.js';
import { restoreCommand } from './commands/restore.js';
import { serveCommand } from './commands/serve.js';
import { usersCreateCommand } from './commands/users-create.js';
import { workerCommand } from './commands/worker.js';
import { importNeedsCommand, importOfferingsCommand } from './commands/capacity-import.js';
import { exportNeedsCommand, exportOfferingsCommand } from './commands/capacity-export.js';
import { demoGenerateCommand, demoRemoveCommand } from './commands/demo.js';
import { importIatiFileCommand } from './commands/import-iati.js';

export const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  importReferenceCommand,
  importIndicatorsCommand,
  importSdmxCommand,
  importWorldBankCommand,
  exportCommand,
  usersCreateCommand,
  outboxCommand,
  backupCommand,
  restoreCommand,
  workerCommand,
  importOfferingsCommand,
  importNeedsCommand,
  exportOfferingsCommand,
  exportNeedsCommand,
  importIatiFileCommand,
  demoGenerateCommand,
  demoRemoveCommand,
];
