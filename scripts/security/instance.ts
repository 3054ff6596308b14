/**
 * The throwaway instance a security scan attacks: `dcp serve` as its own
 * process, on its own embedded PostgreSQL under a temporary DCP_HOME (created,
 * migrated and loaded with the real data on start, deleted afterwards), with
 * every rate limit relaxed (DCP_RATE_LIMIT_SCALE) so the scanners measure the
 * code, not the throttle. Its log is kept: an "unexpected error" in it is a finding.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config/config.js';

export interface Instance {
  readonly origin: string;
  readonly home: string;
  /** Runs `dcp <args>` against the instance's database (stdin piped in when given). */
  dcp(args: string[], stdin?: string): Promise<string>;
  /** The instance's log lines that record a server error (level ≥ 50). */
  serverErrors(): Promise<string[]>;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const TSX = ['--import', 'tsx', path.join(projectRoot, 'src', 'main.ts')];

export async function startInstance(log: (line: string) => void): Promise<Instance> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'dcp-security-'));
  await chmod(home, 0o755); // as root, the embedded PostgreSQL runs as an unprivileged account
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DCP_HOME: path.join(home, 'dcp'),
    DATABASE_URL: '',
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DCP_PUBLIC_URL: '',
    DCP_SECURE_COOKIES: 'false', // the scanners speak plain http to 127.0.0.1 and must keep their cookies
    DCP_RATE_LIMIT_SCALE: '100000',
    DCP_API_RATE_LIMIT: '1000000',
  };
  const logFile = path.join(home, 'server.log');
  const out = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [...TSX, 'serve'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const origin = `http://127.0.0.1:${port}`;
  log(`starting a throwaway instance at ${origin} (DCP_HOME ${env['DCP_HOME']})`);

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    out.end();
    await rm(home, { recursive: true, force: true });
  };

  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) {
      const text = await readFile(logFile, 'utf8').catch(() => '');
      await stop();
      throw new Error(`the instance exited during start:\n${text.slice(-2000)}`);
    }
    const healthy = await fetch(`${origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the instance did not become healthy within 5 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  return {
    origin,
    home,
    dcp: (args, stdin) =>
      new Promise((resolve, reject) => {
        const command = spawn(process.execPath, [...TSX, ...args], { cwd: projectRoot, env: { ...env, LOG_LEVEL: 'error' } });
        let output = '';
        command.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        command.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        command.on('exit', (code) =>
          code === 0 ? resolve(output) : reject(new Error(`dcp ${args.join(' ')} failed (${code}): ${output}`)),
        );
        command.stdin.end(stdin ?? '');
      }),
    async serverErrors() {
      const text = await readFile(logFile, 'utf8');
      return text.split('\n').filter((line) => /"level":(5\d|60)/.test(line));
    },
    stop,
  };
}
