/**
 * sqlmap (level 2, risk 1, PostgreSQL payloads) against every list, filter and
 * cursor parameter of the API, a path parameter, the sign-in fields (JSON and
 * form) and the sign-up and reset forms, and an organisation update as its
 * owner. A finding is any parameter sqlmap calls injectable (or possibly
 * injectable), an XSS or file-inclusion hint, or a 5xx seen during the run; a
 * run that could not test its target fails the scan too.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Target {
  readonly name: string;
  readonly url: string;
  readonly data?: string;
  readonly method?: string;
  readonly cookie?: string;
  readonly headers?: readonly string[];
  /** Form field carrying the CSRF token, refreshed from `csrfUrl` before each request. */
  readonly csrf?: { field: string; url: string };
}

export interface Outcome {
  readonly target: string;
  readonly findings: string[];
  readonly problems: string[];
  readonly requests: string;
}

const FINDING = [
  /identified the following injection point/i,
  /parameter '[^']+' (?:appears to be|is) '[^']+' injectable/i,
  /parameter '[^']+' is vulnerable/i,
  /might be injectable/i,
  /might be vulnerable to (?:cross-site scripting|XSS|file inclusion)/i,
];
/** Lines that mean the target was not (fully) tested. */
const PROBLEM = /\[CRITICAL\]|\[ERROR\] (?!all tested parameters do not appear to be injectable)/;

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sqlmap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(output));
  });
}

/** Runs sqlmap on one target and reads its findings from what it printed. */
export async function scanWithSqlmap(target: Target, outputDir: string): Promise<Outcome> {
  const args = [
    '-u',
    target.url,
    '--batch',
    '--level=2',
    '--risk=1',
    '--dbms=PostgreSQL',
    '--flush-session',
    '--disable-coloring',
    '--ignore-code=401',
    '--timeout=60',
    '-v',
    '1',
    `--output-dir=${path.join(outputDir, target.name)}`,
  ];
  if (target.data !== undefined) args.push(`--data=${target.data}`);
  if (target.method) args.push(`--method=${target.method}`);
  if (target.cookie) args.push(`--cookie=${target.cookie}`, '--drop-set-cookie');
  // A fixed request id: every error body carries the id, and a fresh one per request makes sqlmap
  // call the page "heavily dynamic" and give up on the target (seen on the sign-in API's 401s).
  for (const header of [`X-Request-Id: sqlmap-${target.name}`, ...(target.headers ?? [])]) args.push(`--header=${header}`);
  if (target.csrf) args.push(`--csrf-token=${target.csrf.field}`, `--csrf-url=${target.csrf.url}`);
  const output = await run(args);
  await mkdir(outputDir, { recursive: true });
  await writeFile(path.join(outputDir, `sqlmap-${target.name}.log`), output);
  const lines = output.split('\n');
  const findings = lines.filter((line) => FINDING.some((pattern) => pattern.test(line)));
  const codes = /HTTP error codes detected during run:\s*\n([^\n]*)/.exec(output)?.[1] ?? '';
  for (const [, code, text] of codes.matchAll(/(\d{3}) \(([^)]*)\) - \d+ times/g))
    if (Number(code) >= 500) findings.push(`HTTP ${code} ${text}`);
  return { target: target.name, findings, problems: lines.filter((line) => PROBLEM.test(line)), requests: codes || 'no error codes' };
}
