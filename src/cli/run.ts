/**
 * The `dcp` runner: finds the command in the table, refuses what it does not
 * accept (unknown command, unknown or misplaced option, missing or extra
 * argument: one line on standard error, exit status 2), prints help, opens the
 * database, applies pending migrations and calls the handler. Failures the user
 * can fix (a malformed file, a bad environment) are one line and exit status 1.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config/config.js';
import { openDatabase } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { FormatError } from '../formats/csv/format-error.js';
import { UsageError, usageLine, type Command } from './command.js';
import { COMMANDS } from './table.js';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Record<string, string | undefined>;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/**
 * Runs one `dcp` invocation and resolves with its exit status.
 * @example process.exit(await runCli(['outbox', '--limit', '3']))
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  try {
    return await dispatch(argv, io, commands);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dcp: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof FormatError || error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    io.err(`dcp: ${message}\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, commands: readonly Command[]): Promise<number> {
  const words = leadingWords(argv);
  if (words.length === 0 || words[0] === 'help') {
    const rest = words.slice(1);
    if (rest.length === 0) {
      if (argv.some((a) => a !== '--help' && a !== '-h' && a !== 'help')) refuseGlobal(argv);
      io.out(generalHelp(commands));
      return 0;
    }
    const command = findCommand(rest, commands);
    if (command) io.out(commandHelp(command.command));
    else io.out(groupHelp(rest[0]!, commands));
    return 0;
  }

  const found = findCommand(words, commands);
  if (!found) {
    const group = commands.filter((c) => c.name.split(' ')[0] === words[0]);
    if (group.length === 0) throw new UsageError(`unknown command "${words[0]}" (dcp help lists the commands)`);
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(groupHelp(words[0]!, commands));
      return 0;
    }
    const choices = group.map((c) => c.name.split(' ').slice(1).join(' ')).join(', ');
    throw new UsageError(
      words.length > 1
        ? `unknown command "${words[0]} ${words[1]}": ${words[0]} takes one of ${choices}`
        : `${words[0]} needs one of ${choices} (dcp ${words[0]} --help)`,
    );
  }

  const { command, consumed } = found;
  const parsed = parseOptions(command, argv.slice(consumed), commands);
  if (parsed === 'help') {
    io.out(commandHelp(command));
    return 0;
  }
  await execute(command, parsed, io);
  return 0;
}

/** The command words: arguments before the first option. */
function leadingWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return words;
}

/** The longest command name matching the leading words. */
function findCommand(words: readonly string[], commands: readonly Command[]): { command: Command; consumed: number } | undefined {
  for (const length of [2, 1]) {
    const name = words.slice(0, length).join(' ');
    const command = words.length >= length ? commands.find((c) => c.name === name) : undefined;
    if (command) return { command, consumed: length };
  }
  return undefined;
}

function refuseGlobal(argv: readonly string[]): never {
  const option = argv.find((a) => a.startsWith('-') && a !== '--help' && a !== '-h');
  throw new UsageError(`${option ?? argv[0]} needs a command before it (dcp help lists the commands)`);
}

interface Parsed {
  readonly args: string[];
  readonly options: Record<string, string | boolean | undefined>;
}

function parseOptions(command: Command, rest: readonly string[], commands: readonly Command[]): Parsed | 'help' {
  const options = Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type }]));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(explainParseError(command, error, commands));
  }
  if (parsed.values.help) return 'help';
  const declared = command.args ?? [];
  const required = declared.filter((a) => !a.optional).length;
  if (parsed.positionals.length < required) {
    const missing = declared.slice(parsed.positionals.length).filter((a) => !a.optional);
    throw new UsageError(`${command.name} needs ${missing.map((a) => a.name).join(' ')} (${usageLine(command)})`);
  }
  if (parsed.positionals.length > declared.length) {
    const extra = parsed.positionals.slice(declared.length);
    throw new UsageError(
      `${command.name} takes ${declared.length === 0 ? 'no argument' : declared.map((a) => a.name).join(' ')}, not "${extra.join(' ')}" (${usageLine(command)})`,
    );
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    const value = (parsed.values as Record<string, string | boolean | undefined>)[name];
    values[name] = spec.type === 'boolean' ? value === true : (value as string | undefined);
  }
  return { args: parsed.positionals, options: values };
}

/** One line for what node's parseArgs refused, naming the commands an option belongs to. */
function explainParseError(command: Command, error: unknown, commands: readonly Command[]): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = option.replace(/^-+/, '').split('=')[0]!;
    const owners = commands.filter((c) => name in c.options).map((c) => c.name);
    const accepted = Object.keys(command.options).map((o) => `--${o}`);
    const where = owners.length > 0 ? `; it is an option of ${owners.join(', ')}` : '';
    const takes = accepted.length > 0 ? `it takes ${accepted.join(', ')}` : 'it takes no option';
    return `${command.name} does not take ${option}${where} (${takes}; dcp ${command.name} --help)`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = command.options[option.replace(/^-+/, '')];
    if (spec?.type === 'string') return `${command.name}: ${option} needs a value: ${option} ${spec.value ?? 'VALUE'}`;
    return `${command.name}: ${option} takes no value`;
  }
  return `${command.name}: ${message.split('\n')[0]}`;
}

async function execute(command: Command, parsed: Parsed, io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  // Logs go to standard error, except for serve, whose log is its output.
  const logger = pino({ level: config.logLevel, base: undefined }, pino.destination(command.logToStdout ? 1 : 2));
  const database = await openDatabase(config, (message) => logger.info(message));
  try {
    if (command.migrate !== false) {
      const applied = await migrate(database.db);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    }
    // The values were parsed from this command's own option specs, so they have the types its handler declares.
    const options = parsed.options as Parameters<Command['run']>[0]['options'];
    await command.run({ args: parsed.args, options, config, logger, database, db: database.db, out: io.out });
  } finally {
    await database.close();
    logger.info('stopped');
  }
}

const ENVIRONMENT = `Environment: PORT, HOST, DCP_HOME, DATABASE_URL, DCP_DATA_DIR, DCP_WORLDBANK_API_URL, LOG_LEVEL,
  DCP_PUBLIC_URL, DCP_SMTP_URL, DCP_MAIL_FROM, DCP_SESSION_IDLE_MINUTES, DCP_SESSION_ABSOLUTE_HOURS,
  DCP_API_RATE_LIMIT, DCP_TRUST_PROXY, DCP_SHUTDOWN_GRACE_MS (see README.md).
`;

function listing(commands: readonly Command[], name: (c: Command) => string): string {
  const width = Math.max(...commands.map((c) => name(c).length)) + 2;
  return commands.map((c) => `  ${name(c).padEnd(width)}${c.summary}`).join('\n');
}

function generalHelp(commands: readonly Command[]): string {
  const all = [...commands, { name: 'help', summary: 'Show this text; dcp help COMMAND (or dcp COMMAND --help) shows one command' }];
  return `Usage: dcp <command> [arguments] [options]\n\nCommands:\n${listing(all as Command[], (c) => c.name)}\n\n${ENVIRONMENT}`;
}

function groupHelp(group: string, commands: readonly Command[]): string {
  const members = commands.filter((c) => c.name.split(' ')[0] === group);
  if (members.length === 0) throw new UsageError(`unknown command "${group}" (dcp help lists the commands)`);
  return `Usage: dcp ${group} <${members.map((c) => c.name.split(' ')[1]).join('|')}> …\n\n${listing(members, (c) => c.name)}\n\ndcp ${group} <what> --help shows one of them.\n`;
}

function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, o]) => [
    `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`,
    o.help,
  ]);
  options.push(['--help, -h', 'Show this help']);
  const width = Math.max(...options.map(([flag]) => flag!.length)) + 2;
  const lines = options.map(([flag, help]) => `  ${flag!.padEnd(width)}${help}`);
  return `Usage: ${usageLine(command)}\n\n${command.summary}\n${command.help ? `\n${command.help.trim()}\n` : ''}\nOptions:\n${lines.join('\n')}\n`;
}
