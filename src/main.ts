/**
 * Entry point and the `dcp` command: config → database → migrate → command.
 * `npm start` runs `dcp serve`; `npm run dcp -- <command>` runs the others.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { runServer } from './cli/serve.js';
import { exportDataset } from './cli/export.js';
import { outboxCommand, OutboxUsageError } from './cli/outbox.js';
import { usersCommand, UsersUsageError } from './cli/users.js';
import { CapacityUsageError, demoCommand, exportCapacity, importCapacityFile } from './cli/capacity.js';
import { IatiUsageError, importIatiCommand } from './cli/iati.js';
import { CollaborateUsageError, collaborateDemoCommand, loadCollaborateDemoOnFirstStart } from './cli/collaborate.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { openDatabase, type OpenDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { FormatError } from './formats/csv/format-error.js';
import { countCountries, importReference } from './features/reference/index.js';
import { importIndicators, importSdmx, importWorldBank } from './features/indicators/index.js';
import { loadDemoOnFirstStart } from './features/capacity/index.js';

const HELP = `Usage: dcp <command> [options]

Commands:
  serve                          Start the web server (the default for npm start).
                                 Applies migrations and, on first start, loads the reference
                                 and indicator data.
  migrate [--down]               Apply all pending migrations (or undo the last one).
  import reference [--data-dir DIR]
                                 Load countries, groups and taxonomies from DIR
                                 (default DCP_DATA_DIR, else ../shared/data). All-or-nothing.
  import indicators [--data-dir DIR]
                                 Load the ICT indicator files from DIR, recompute derived
                                 indicators and aggregates. All-or-nothing; newer vintages win.
  import sdmx FILE [--source NAME] [--vintage YYYY-MM-DD]
                                 Load an SDMX-CSV file (1.0 or 2.0; REF_AREA as ISO3 or M49).
                                 Vintage: when the source published it (default: today).
  import worldbank CODE          Fetch one indicator (e.g. IT.NET.USER.ZS) from the World Bank
                                 API (DCP_WORLDBANK_API_URL); vintage = its lastupdated date.
  import offerings|needs FILE --organisation ID
                                 Load offerings or needs of one organisation from FILE: .csv in
                                 the template (docs/data/offerings-csv.md) or .json (an array of
                                 the API's create bodies). All-or-nothing; ids update records.
  import iati FILE.xml           Load the projects of an IATI 2.0x activity file: what is valid, in
                                 one transaction; re-importing updates (keyed on the IATI identifier).
                                 Prints every problem with its line.
  export offerings|needs [--organisation ID] [--format csv|json] [--out FILE]
                                 Write offerings or needs (all statuses) in the import template.
  demo generate [--offerings N] [--needs M] [--people P] [--projects Q] [--seed S]
                                 Add generated demo offerings, needs, people and projects (labelled as such).
  demo remove                    Take every generated demo record out.
  export countries|groups|taxonomy <name> [--format csv|json] [--out FILE]
                                 Write reference data to FILE (default: standard output).
  users create --email ADDRESS --name "NAME" [--admin | --coordinator] [--password-stdin]
                                 Create a verified account without e-mail (e.g. the first admin).
                                 Prints a one-time password unless one is piped in.
  outbox [--limit N]             Print the latest N (default 5) mails kept in the outbox, newest
                                 first: without DCP_SMTP_URL, how to read a verification link.
  help                           Show this text.

Environment: PORT, HOST, DCP_HOME, DATABASE_URL, DCP_DATA_DIR, DCP_WORLDBANK_API_URL, LOG_LEVEL,
  DCP_PUBLIC_URL, DCP_SMTP_URL, DCP_MAIL_FROM, DCP_SESSION_IDLE_MINUTES, DCP_SESSION_ABSOLUTE_HOURS,
  DCP_API_RATE_LIMIT, DCP_TRUST_PROXY (see README.md).
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      down: { type: 'boolean' },
      'data-dir': { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      source: { type: 'string' },
      vintage: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
      coordinator: { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
      limit: { type: 'string' },
      organisation: { type: 'string' },
      offerings: { type: 'string' },
      needs: { type: 'string' },
      seed: { type: 'string' },
      people: { type: 'string' },
      projects: { type: 'string' },
    },
  });
  const [command = 'help', ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (!['serve', 'migrate', 'import', 'export', 'users', 'outbox', 'demo'].includes(command)) {
    process.stderr.write(`dcp: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }

  const config = loadConfig(values['data-dir'] ? { ...process.env, DCP_DATA_DIR: values['data-dir'] } : process.env);
  const logger = pino({ level: config.logLevel, base: undefined });
  const started = performance.now();
  const database = await openDatabase(config, (message) => logger.info(message));
  try {
    const applied = await migrate(database.db, values.down ? 'down' : 'latest');
    if (applied.length > 0) logger.info({ applied }, values.down ? 'migration undone' : 'migrations applied');
    if (command === 'migrate') return 0;

    if (command === 'import' && (rest[0] === 'offerings' || rest[0] === 'needs')) {
      process.stdout.write(`${JSON.stringify(await importCapacityFile(database.db, rest[0], rest[1], values), null, 2)}\n`);
      return 0;
    }
    if (command === 'import' && rest[0] === 'iati') {
      process.stdout.write(`${JSON.stringify(await importIatiCommand(database.db, rest[1]), null, 2)}\n`);
      return 0;
    }
    if (command === 'demo') {
      const capacity = await demoCommand(database.db, rest[0], values);
      process.stdout.write(`${JSON.stringify({ ...capacity, ...(await collaborateDemoCommand(database.db, rest[0], values)) }, null, 2)}\n`);
      return 0;
    }
    if (command === 'import') return await runImport(config, database, rest, { source: values.source, vintage: values.vintage }, logger);
    if (command === 'users') {
      await usersCommand(
        database.db,
        rest[0],
        {
          email: values.email,
          name: values.name,
          admin: values.admin === true,
          coordinator: values.coordinator === true,
          passwordStdin: values['password-stdin'] === true,
        },
        (text) => process.stdout.write(text),
      );
      return 0;
    }
    if (command === 'outbox') {
      await outboxCommand(database.db, { limit: values.limit }, (text) => process.stdout.write(text));
      return 0;
    }
    if (command === 'export') {
      const format = values.format === 'json' ? 'json' : values.format === 'csv' ? 'csv' : undefined;
      if (!format) throw new UsageError(`--format must be csv or json, not "${values.format}"`);
      const output =
        rest[0] === 'offerings' || rest[0] === 'needs'
          ? await exportCapacity(database.db, rest[0], { organisation: values.organisation, format })
          : await exportDataset(database.db, rest[0] ?? '', rest[1], format);
      if (values.out) await writeFile(values.out, output);
      else process.stdout.write(output);
      return 0;
    }

    if ((await countCountries(database.db)) === 0) {
      if (config.dataDir) {
        const summary = await importReference(database.db, config.dataDir);
        logger.info({ ...summary, dataDir: config.dataDir }, 'reference data loaded on first start');
        const indicators = await importIndicators(database.db, config.dataDir);
        logger.info({ inserted: indicators.inserted, aggregates: indicators.aggregates }, 'indicator data loaded on first start');
        logger.info({ ...(await loadDemoOnFirstStart(database.db)) }, 'generated demo offerings and needs loaded on first start');
        logger.info({ ...(await loadCollaborateDemoOnFirstStart(database.db)) }, 'generated demo people and projects loaded on first start');
      } else {
        logger.warn('no data directory found (DCP_DATA_DIR): starting without reference data');
      }
    }
    logger.info({ ms: Math.round(performance.now() - started), engine: database.engine }, 'ready');
    await runServer(config, database, logger);
    return 0;
  } finally {
    await database.close();
    logger.info('stopped');
  }
}

async function runImport(
  config: Config,
  database: OpenDatabase,
  [what, target]: string[],
  options: { source?: string | undefined; vintage?: string | undefined },
  logger: pino.Logger,
): Promise<number> {
  let summary: object;
  if (what === 'sdmx' || what === 'worldbank') {
    if (!target)
      throw new UsageError(
        what === 'sdmx' ? 'import sdmx needs a FILE' : 'import worldbank needs an indicator CODE such as IT.NET.USER.ZS',
      );
    summary =
      what === 'sdmx' ? await importSdmx(database.db, target, options) : await importWorldBank(database.db, config.worldBankApiUrl, target);
    logger.info({ ...summary, from: target }, `${what} imported`);
  } else if (what === 'reference' || what === 'indicators') {
    if (!config.dataDir) throw new UsageError('no data directory: pass --data-dir DIR or set DCP_DATA_DIR');
    summary =
      what === 'reference' ? await importReference(database.db, config.dataDir) : await importIndicators(database.db, config.dataDir);
    logger.info({ ...summary, dataDir: config.dataDir }, `${what} imported`);
  } else {
    throw new UsageError(`import needs what to import: reference, indicators, sdmx FILE or worldbank CODE (got "${what ?? ''}")`);
  }
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof FormatError ||
      error instanceof ConfigError ||
      error instanceof UsageError ||
      error instanceof UsersUsageError ||
      error instanceof OutboxUsageError ||
      error instanceof CapacityUsageError ||
      error instanceof IatiUsageError ||
      error instanceof CollaborateUsageError
    ) {
      process.stderr.write(`dcp: ${error.message}\n`);
      process.exit(
        error instanceof UsageError ||
          error instanceof UsersUsageError ||
          error instanceof OutboxUsageError ||
          error instanceof CapacityUsageError ||
          error instanceof IatiUsageError ||
          error instanceof CollaborateUsageError
          ? 2
          : 1,
      );
    }
    process.stderr.write(`dcp: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
