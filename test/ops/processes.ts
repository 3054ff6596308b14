/**
 * Process helpers for the operations tests: start the platform the way a person
 * or a service manager does (a real process, its own process group), read its
 * port from the log, and find every process still left afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Started {
  readonly child: ChildProcess;
  readonly origin: string;
  /** Everything the process printed so far (standard output and error). */
  log(): string;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  exited(): Promise<number | string>;
}

/**
 * Spawns `command` in its own process group and resolves once it logs the port it listens on.
 * @example const app = await startProcess('npm', ['start'], { cwd, env });
 */
export function startProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Started> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exit = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    let found = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port && !found) {
        found = true;
        resolve({ child, origin: `http://127.0.0.1:${port}`, log: () => output, exited: () => exit });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then((code) => found || reject(new Error(`${command} ${args.join(' ')} exited (${code}) before listening:\n${output}`)));
  });
}

export interface ProcessInfo {
  readonly pid: number;
  readonly pgid: number;
  readonly cmdline: string;
}

/** Every process on the machine, from /proc. */
export function allProcesses(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (fields[0] === 'Z') continue;
      found.push({ pid: Number(entry), pgid: Number(fields[2]), cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Processes of the group `pgid`, or whose command line mentions one of `paths`. */
export function leftOver(pgid: number, paths: readonly string[]): ProcessInfo[] {
  return allProcesses().filter((p) => p.pid !== process.pid && (p.pgid === pgid || paths.some((dir) => p.cmdline.includes(dir))));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The postmaster's pid from its data directory, while it runs. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

/** Polls `condition` every 100 ms until it holds; false when `timeoutMs` passed first. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/** True when `url` answers 200 within a second. */
export async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
