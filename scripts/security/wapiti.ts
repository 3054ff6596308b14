/**
 * wapiti against the pages and forms (crawled from the home page) and the API
 * lists, anonymous and signed in, with the modules of the outside probe: xss,
 * permanentxss, exec, file, sql, redirect, crlf, csrf and ssrf. SSRF needs an
 * endpoint the target would call back; with no network, a local one stands in
 * for wapiti's public endpoint (same protocol: hits under /ssrf/{session}/{path}/{param}/,
 * results at /get_ssrf.php?id={session}). A finding is any vulnerability or
 * anomaly (a 5xx, a timeout) in wapiti's JSON report.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { freePort } from './instance.js';

export const WAPITI_MODULES = 'xss,permanentxss,exec,file,sql,redirect,crlf,csrf,ssrf';

export interface WapitiRun {
  readonly name: string;
  readonly origin: string;
  /** Extra start URLs (API lists with their filters), attacked as crawled pages are. */
  readonly start: readonly string[];
  /** URLs never to request: the forms that would end the scanner's own session. */
  readonly exclude: readonly string[];
  /** The session cookie of a signed-in run. */
  readonly sessionCookie?: string;
}

export interface WapitiOutcome {
  readonly run: string;
  readonly findings: string[];
  readonly problems: string[];
  readonly crawled: number;
}

interface Report {
  vulnerabilities: Record<string, { method: string; path: string; info: string; parameter: string }[]>;
  anomalies: Record<string, { method: string; path: string; info: string; parameter: string }[]>;
}

/** A stand-in for wapiti's SSRF endpoint on the loopback address. */
async function ssrfEndpoint(): Promise<{ url: string; server: Server }> {
  const hits = new Map<string, Record<string, Record<string, unknown[]>>>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://endpoint');
    const hit = /^\/ssrf\/([^/]+)\/([^/]+)\/([^/]+)\//.exec(url.pathname);
    if (hit) {
      const [, session = '', pathId = '', param = ''] = hit;
      const bySession = hits.get(session) ?? {};
      ((bySession[pathId] ??= {})[param] ??= []).push({
        url: url.href,
        date: new Date().toISOString(),
        ip: request.socket.remoteAddress,
        method: request.method,
        size: 0,
      });
      hits.set(session, bySession);
    }
    response.setHeader('Content-Type', 'application/json');
    response.end(url.pathname === '/get_ssrf.php' ? JSON.stringify(hits.get(url.searchParams.get('id') ?? '') ?? {}) : '{}');
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}

/**
 * Debian's wapiti 3.0.4 builds each `-x` exclusion as `…\Z(?ms)`, which Python 3.11 refuses
 * ("global flags not at the start"): a crash as soon as one URL is excluded. This runs the same
 * entry point with that one function corrected (flags first).
 */
const WAPITI = `
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if ch == "*" else re.escape(ch) for ch in pattern) + r"\\Z")
crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
`;

/** The Python that runs Debian's wapiti (its script's #! line), which may not be the first python3 on PATH. */
async function wapitiPython(): Promise<string> {
  const script = execFileSync('sh', ['-c', 'command -v wapiti'], { encoding: 'utf8' }).trim();
  const shebang = (await readFile(script, 'utf8')).split('\n', 1)[0] ?? '';
  return shebang.startsWith('#!') ? shebang.slice(2).trim().split(' ')[0]! : 'python3';
}

async function run(args: string[]): Promise<string> {
  const python = await wapitiPython();
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', WAPITI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(output));
  });
}

export async function scanWithWapiti(scan: WapitiRun, workDir: string): Promise<WapitiOutcome> {
  const endpoint = await ssrfEndpoint();
  const report = path.join(workDir, `wapiti-${scan.name}.json`);
  const args = [
    '-u',
    `${scan.origin}/`,
    '--scope',
    'folder',
    '-m',
    WAPITI_MODULES,
    '-d',
    '3',
    '--max-files-per-dir',
    '12',
    '--max-links-per-page',
    '60',
    // Every page links to itself in six languages: one is enough to attack.
    '-r',
    'lang',
    '-t',
    '30',
    // Long enough for every module to finish on two busy cores; one that does not is reported as a problem.
    '--max-attack-time',
    '900',
    '--flush-session',
    '--no-bugreport',
    '--store-session',
    path.join(workDir, `wapiti-${scan.name}-session`),
    '--store-config',
    path.join(workDir, `wapiti-${scan.name}-config`),
    '--endpoint',
    endpoint.url,
    '-f',
    'json',
    '-o',
    report,
    '-v',
    '1',
  ];
  for (const url of scan.start) args.push('-s', url);
  for (const url of scan.exclude) args.push('-x', url);
  if (scan.sessionCookie) {
    const cookies = path.join(workDir, `wapiti-${scan.name}-cookies.json`);
    const host = new URL(scan.origin).hostname;
    await writeFile(
      cookies,
      JSON.stringify({
        [host]: { '/': { dcp_session: { value: scan.sessionCookie, expires: null, secure: false, port: null, version: 0 } } },
      }),
    );
    args.push('-c', cookies);
  }
  const output = await run(args).finally(() => endpoint.server.close());
  await writeFile(path.join(workDir, `wapiti-${scan.name}.log`), output);
  const parsed = JSON.parse(await readFile(report, 'utf8').catch(() => '{"vulnerabilities":{},"anomalies":{}}')) as Report;
  const findings = [...Object.entries(parsed.vulnerabilities), ...Object.entries(parsed.anomalies)].flatMap(([kind, list]) =>
    list.map((v) => `${kind}: ${v.method} ${v.path} (${v.parameter}) ${v.info.split('\n')[0]}`),
  );
  const crawled = Number(/Wapiti found (\d+) URLs and forms/.exec(output)?.[1] ?? 0);
  // A crash, an unreachable endpoint, or a module cut short: the scan did not test everything it was given.
  const problems = output.split('\n').filter((line) => /Traceback|\[!\] Unable|Error:|Max attack time was reached/.test(line));
  return { run: scan.name, findings, problems, crawled };
}
