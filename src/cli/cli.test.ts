import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../config/config.js';
import { forEachEngine } from '../../test/support/engines.js';
import { defineCommand, type Command } from './command.js';
import { runCli } from './run.js';
import { COMMANDS } from './table.js';

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real command, as a process: `node --import tsx src/main.ts …` (what npm run dcp runs). */
function dcp(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', ...args],
      { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The table's entry in process, with its output captured. */
async function inProcess(args: string[], env: Record<string, string>, commands?: readonly Command[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io = { out: (s: string) => void (stdout += s), err: (s: string) => void (stderr += s), env: { LOG_LEVEL: 'silent', ...env } };
  const code = await runCli(args, io, commands);
  return { code, stdout, stderr };
}

describe('dcp without a database', () => {
  it('lists every command of the table in its help', { timeout: 90_000 }, async () => {
    const { code, stdout } = await dcp(['help']);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(`  ${command.name} `);
    expect(stdout).toContain('  help ');
  });

  it('shows one command’s own usage, options and help with --help', { timeout: 90_000 }, async () => {
    const { code, stdout } = await dcp(['import', 'sdmx', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: dcp import sdmx FILE [--source NAME] [--vintage YYYY-MM-DD]');
    expect(stdout).toContain('--vintage YYYY-MM-DD');
    expect(stdout).not.toContain('--down');
    expect((await inProcess(['help', 'migrate'], {})).stdout).toContain('Usage: dcp migrate [--down]');
    expect((await inProcess(['import', '--help'], {})).stdout).toMatch(/import reference[\s\S]*import worldbank/);
  });

  it('refuses an unknown command with exit status 2 and one line', { timeout: 90_000 }, async () => {
    const { code, stdout, stderr } = await dcp(['frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('dcp: unknown command "frobnicate" (dcp help lists the commands)\n');
    expect(await inProcess(['import', 'offerings-that-do-not-exist'], {})).toMatchObject({ code: 2 });
    expect((await inProcess(['import'], {})).stderr).toBe(
      'dcp: import needs one of reference, indicators, sdmx, worldbank, offerings, needs, iati (dcp import --help)\n',
    );
  });

  it('refuses an unknown option, a missing value and a missing or extra argument, each in one line', { timeout: 90_000 }, async () => {
    const unknown = await inProcess(['export', 'groups', '--colour', 'red'], {});
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('dcp: export does not take --colour (it takes --format, --out; dcp export --help)\n');
    const noValue = await inProcess(['outbox', '--limit'], {});
    expect(noValue).toMatchObject({ code: 2, stderr: 'dcp: outbox: --limit needs a value: --limit N\n' });
    const missing = await inProcess(['import', 'sdmx'], {});
    expect(missing.stderr).toMatch(/^dcp: import sdmx needs FILE \(dcp import sdmx FILE/);
    const extra = await inProcess(['outbox', 'everything'], {});
    expect(extra).toMatchObject({ code: 2, stderr: 'dcp: outbox takes no argument, not "everything" (dcp outbox [--limit N])\n' });
    for (const result of [unknown, noValue, missing, extra]) expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

forEachEngine('dcp on a database', (t) => {
  let outFile: string;
  beforeAll(async () => {
    outFile = path.join(await mkdtemp(path.join(tmpdir(), 'dcp-cli-')), 'groups.json');
  });
  afterAll(async () => {
    await rm(path.dirname(outFile), { recursive: true, force: true });
  });

  async function appliedMigrations(): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(t.db);
    return rows[0]!.n;
  }

  it('refuses --down on outbox (an option of migrate) and undoes no migration', { timeout: 90_000 }, async () => {
    const before = await appliedMigrations();
    const { code, stderr } = await dcp(['outbox', '--down'], { DATABASE_URL: t.url });
    expect(code).toBe(2);
    expect(stderr).toBe('dcp: outbox does not take --down; it is an option of migrate (it takes --limit; dcp outbox --help)\n');
    expect(await appliedMigrations()).toBe(before);
  });

  it('exports groups as JSON to a file, and keeps standard output free of logs', { timeout: 90_000 }, async () => {
    const { code, stdout } = await dcp(['export', 'groups', '--format', 'json', '--out', outFile], {
      DATABASE_URL: t.url,
      LOG_LEVEL: 'info',
    });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const groups = JSON.parse(await readFile(outFile, 'utf8')) as { code: string }[];
    expect(groups.map((g) => g.code)).toContain('LDC');
  });

  it('reports a malformed input with exit status 1 and changes nothing', { timeout: 90_000 }, async () => {
    const result = await inProcess(['import', 'sdmx', path.join(projectRoot, 'package.json')], { DATABASE_URL: t.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dcp: .*package\.json/);
  });

  it('runs a command added to the table as one definition, with typed options', { timeout: 90_000 }, async () => {
    const seen: unknown[] = [];
    const hello = defineCommand({
      name: 'hello world',
      args: [{ name: 'WHO' }],
      options: { loud: { type: 'boolean', help: 'Shout' }, times: { type: 'string', value: 'N', help: 'How often' } },
      summary: 'Say hello',
      migrate: false,
      async run({ args, options, out }) {
        seen.push(options);
        out(`hello ${args[0]}${options.loud ? '!' : ''} x${options.times ?? '1'}\n`);
      },
    });
    const result = await inProcess(['hello', 'world', 'you', '--loud', '--times', '2'], { DATABASE_URL: t.url }, [hello]);
    expect(result).toEqual({ code: 0, stdout: 'hello you! x2\n', stderr: '' });
    expect(seen).toEqual([{ loud: true, times: '2' }]);
  });
  it('migrates (nothing pending) and prints the outbox', { timeout: 90_000 }, async () => {
    expect(await inProcess(['migrate'], { DATABASE_URL: t.url })).toEqual({ code: 0, stdout: 'nothing to do\n', stderr: '' });
    const outbox = await inProcess(['outbox', '--limit', '2'], { DATABASE_URL: t.url });
    expect(outbox.code).toBe(0);
    expect(outbox.stdout).toContain('The outbox is empty');
    expect((await inProcess(['outbox', '--limit', 'all'], { DATABASE_URL: t.url })).code).toBe(2);
  });
});
