/**
 * Child processes for the tests that kill or signal a worker: spawn one node process
 * (tsx as a loader, so SIGKILL kills the program and nothing else), keep its output,
 * wait for a line, and make sure none outlives its test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/config/config.js';

export interface Child {
  readonly process: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves once the output contains `text` (a new match after `from` characters). */
  waitFor(text: string, timeoutMs?: number, from?: number): Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited(): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Starts `node --import tsx <script> …args` in the project root with `env` added. */
export function startNode(script: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exit.then(() => running.delete(child));
  return {
    process: child,
    output: () => output,
    exited: () => exit,
    waitFor(text, timeoutMs = 30_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (output.indexOf(text, from) >= 0) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no "${text}" within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exit.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`exited before "${text}"; output:\n${output}`));
          }
        });
        check();
      });
    },
  };
}

/** Kills whatever a test left running (afterAll). */
export async function killAll(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(
    left.map(
      (child) =>
        new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve))),
    ),
  );
}

/** Polls `probe` every 100 ms until it returns a value other than undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
