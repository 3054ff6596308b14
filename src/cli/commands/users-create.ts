/** `dcp users create --email E --name N [--admin|--coordinator] [--password-stdin]`: the first admin, without e-mail. */
import { defineCommand } from '../command.js';
import { createUser } from '../users.js';

export const usersCreateCommand = defineCommand({
  name: 'users create',
  options: {
    email: { type: 'string', value: 'ADDRESS', help: 'The e-mail address (required)' },
    name: { type: 'string', value: '"NAME"', help: 'The display name (required)' },
    admin: { type: 'boolean', help: 'A platform admin' },
    coordinator: { type: 'boolean', help: 'A coordinator' },
    'password-stdin': { type: 'boolean', help: 'Read the password from standard input instead of generating one' },
  },
  summary: 'Create a verified account without e-mail (e.g. the first admin)',
  help: 'Prints a one-time password unless one is piped in with --password-stdin (so it never appears in the shell history).',
  async run({ db, options, out }) {
    await createUser(
      db,
      {
        email: options.email,
        name: options.name,
        admin: options.admin,
        coordinator: options.coordinator,
        passwordStdin: options['password-stdin'],
      },
      out,
    );
  },
});
