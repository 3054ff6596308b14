/**
 * What one `dcp` command is: its name (one or two words, `import sdmx`), the
 * arguments and options it accepts, its help text and its handler. Every command
 * is one small module under `commands/` declared with `defineCommand`, and one
 * line in `table.ts`; the runner (`run.ts`) parses, refuses what a command does
 * not accept, opens the database and calls the handler.
 */
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { OpenDatabase } from '../db/connect.js';

/** A mistake in how a command was called: printed as one line, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** Placeholder of a string option's value in the help (`N`, `FILE`). */
  readonly value?: string;
  readonly help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed options: a string option may be absent, a boolean one is false when absent. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : string | undefined;
};

export interface ArgSpec {
  /** As shown in the usage line: FILE, CODE, DATASET. */
  readonly name: string;
  readonly optional?: boolean;
}

export interface CommandContext<V> {
  /** The positional arguments after the command's name, as declared in `args`. */
  readonly args: readonly string[];
  readonly options: V;
  readonly config: Config;
  /** Logs to standard error, so that what a command prints on standard output stays clean. */
  readonly logger: Logger;
  readonly database: OpenDatabase;
  readonly db: Db;
  /** Standard output: the command's result (a report, an export). */
  readonly out: (text: string) => void;
}

export interface CommandSpec<O extends OptionSpecs> {
  /** One or two words: `serve`, `import sdmx`. */
  readonly name: string;
  readonly args?: readonly ArgSpec[];
  readonly options: O;
  /** One line for the command list. */
  readonly summary: string;
  /** What `dcp <command> --help` adds below the usage line. */
  readonly help?: string;
  /** Apply pending migrations before the handler (default true; `migrate` and `restore` do their own). */
  readonly migrate?: boolean;
  /** Logs to standard output instead of standard error (`serve`: its log is its output). */
  readonly logToStdout?: boolean;
  run(context: CommandContext<OptionValues<O>>): Promise<void>;
}

/** A command with its option types erased, as the table holds it. */
export type Command = CommandSpec<OptionSpecs>;

/**
 * Declares a command; the handler's `options` are typed from the declared options.
 * @example export const outbox = defineCommand({ name: 'outbox', options: { limit: { type: 'string', value: 'N', help: '…' } }, … })
 */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  return spec as unknown as Command;
}

/** `import sdmx FILE [--source NAME] [--vintage YYYY-MM-DD]` */
export function usageLine(command: Command): string {
  const args = (command.args ?? []).map((a) => (a.optional ? `[${a.name}]` : a.name));
  const options = Object.entries(command.options).map(([name, o]) => `[--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}]`);
  return ['dcp', command.name, ...args, ...options].join(' ');
}
