/**
 * `dcp users create`: bootstraps an account without e-mail (the first admin).
 * Prints a generated one-time password, or reads one from standard input with
 * --password-stdin (so it never appears in the shell history or `ps`).
 */
import type { Db } from '../db/database.js';
import { AppError } from '../http/app-error.js';
import { createAccount } from '../features/accounts/index.js';
import { UsageError } from './command.js';

export interface UsersCreateOptions {
  readonly email: string | undefined;
  readonly name: string | undefined;
  readonly admin: boolean;
  readonly coordinator: boolean;
  readonly passwordStdin: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** @example await createUser(db, { email: 'a@un.org', name: 'Admin', admin: true, … }, write) */
export async function createUser(db: Db, options: UsersCreateOptions, write: (text: string) => void): Promise<void> {
  if (!options.email) throw new UsageError('users create needs --email ADDRESS');
  if (!options.name) throw new UsageError('users create needs --name "Full name"');
  if (options.admin && options.coordinator) throw new UsageError('choose one of --admin and --coordinator');
  const password = options.passwordStdin ? await readStdin() : undefined;
  if (options.passwordStdin && !password) throw new UsageError('--password-stdin read an empty password');
  try {
    const { user, generatedPassword } = await createAccount(db, {
      email: options.email,
      displayName: options.name,
      password,
      platformRole: options.admin ? 'admin' : options.coordinator ? 'coordinator' : null,
    });
    write(`created ${user.platform_role ?? 'user'} ${user.email} (${user.id})\n`);
    if (generatedPassword) write(`one-time password (shown once; change it on the account page): ${generatedPassword}\n`);
    if (user.platform_role) write('two-factor sign-in must be set up at the first sign-in.\n');
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.detail);
    throw error;
  }
}
