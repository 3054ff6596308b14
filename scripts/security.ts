/**
 * `npm run security`: starts a throwaway instance (its own embedded database,
 * real data, rate limits relaxed), signs a scan account in, then runs sqlmap
 * against the API's list, filter and cursor parameters and the sign-in forms,
 * and wapiti against the pages and forms, anonymous and signed in. Exits 1 on
 * any finding, on any server error in the instance's log, or when a scanner
 * could not test what it was given; 0 means "0 findings". Installs sqlmap and
 * wapiti (Debian packages) when they are missing and it runs as root.
 *
 *   npm run security                  # everything (10–20 minutes on two cores)
 *   npm run security -- --only sqlmap # or --only wapiti
 *   npm run security -- --only sqlmap --target api-sign-in   # one sqlmap target, by name
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startInstance, type Instance } from './security/instance.js';
import { scanWithSqlmap, type Outcome, type Target } from './security/sqlmap.js';
import { scanWithWapiti, WAPITI_MODULES, type WapitiOutcome } from './security/wapiti.js';

const log = (message: string) => process.stdout.write(`[security] ${message}\n`);
const SCAN_EMAIL = 'security-scan@example.org';
const SCAN_PASSWORD = 'a long passphrase for the scan account';

function ensureTools(): void {
  const missing = ['sqlmap', 'wapiti'].filter((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`missing ${missing.join(' and ')}: install with "sudo apt-get install ${missing.join(' ')}"`);
  log(`installing ${missing.join(' ')} (Debian packages)`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function signIn(origin: string): Promise<Session> {
  const response = await fetch(`${origin}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: SCAN_EMAIL, password: SCAN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`the scan account could not sign in: ${response.status} ${await response.text()}`);
  const cookie = /dcp_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie, csrf: csrfToken };
}

async function api<T>(origin: string, route: string, session?: Session, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(session ? { Cookie: `dcp_session=${session.cookie}`, 'X-CSRF-Token': session.csrf } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A scan account with an organisation (and an open invitation), and the cursors of a few lists. */
async function prepare(instance: Instance) {
  await instance.dcp(['users', 'create', '--email', SCAN_EMAIL, '--name', 'Security scan', '--password-stdin'], `${SCAN_PASSWORD}\n`);
  const session = await signIn(instance.origin);
  const organisation = await api<{ id: string }>(instance.origin, '/api/v1/organisations', session, {
    name: 'Scan Institute of Technology',
    kind: 'academia',
    country: 'KEN',
    website: 'https://scan.example.org',
    description: 'Made by npm run security.',
  });
  await api(instance.origin, '/api/v1/organisations', session, { name: 'Scan Second Organisation', kind: 'civil-society' });
  await api(instance.origin, `/api/v1/organisations/${organisation.id}/invitations`, session, {
    email: 'invitee@example.org',
    role: 'member',
  });
  const next = async (route: string) => (await api<{ next: string | null }>(instance.origin, route)).next ?? '';
  return {
    session,
    organisationId: organisation.id,
    cursors: {
      countries: await next('/api/v1/countries?limit=5'),
      terms: await next('/api/v1/taxonomies/digcomp?limit=5'),
      observations: await next('/api/v1/indicators/internet-use/observations?countries=KEN,UGA&limit=5'),
      organisations: await next('/api/v1/organisations?limit=1'),
    },
  };
}

function sqlmapTargets(origin: string, world: Awaited<ReturnType<typeof prepare>>): Target[] {
  const { cursors, session } = world;
  const form = (route: string) => ({ field: '_csrf', url: `${origin}${route}` });
  return [
    { name: 'countries', url: `${origin}/api/v1/countries?region=002&group=LDC&limit=10&cursor=${cursors.countries}` },
    { name: 'country', url: `${origin}/api/v1/countries/KEN*` },
    { name: 'groups', url: `${origin}/api/v1/groups?kind=region` },
    { name: 'terms', url: `${origin}/api/v1/taxonomies/digcomp?parent=1&limit=5&cursor=${cursors.terms}` },
    { name: 'indicators', url: `${origin}/api/v1/indicators?format=json` },
    {
      name: 'observations',
      url: `${origin}/api/v1/indicators/internet-use/observations?countries=KEN,UGA&groups=LDC&years=2015-2023&breakdown=total&limit=5&cursor=${cursors.observations}`,
    },
    { name: 'aggregates', url: `${origin}/api/v1/indicators/internet-use/aggregates?group=LDC&year=2015-2023&limit=5` },
    {
      name: 'organisations',
      url: `${origin}/api/v1/organisations?kind=academia&country=KEN&verification=unverified&limit=5&cursor=${cursors.organisations}`,
    },
    { name: 'countries-page', url: `${origin}/countries?region=002&group=LDC` },
    // The catalogue, the expert finder and the projects: full-text search plus every kind of filter.
    {
      name: 'offerings',
      url: `${origin}/api/v1/offerings?q=cybersecurity&topics=cybersecurity&languages=fr&eligibleFor=NER&kind=training&sort=relevance&limit=5`,
    },
    { name: 'needs', url: `${origin}/api/v1/needs?q=spectrum&country=NER&urgency=high&limit=5` },
    { name: 'people', url: `${origin}/api/v1/people?q=data&languages=fr&country=KEN&minShare=20&limit=5` },
    { name: 'projects', url: `${origin}/api/v1/projects?q=digital&countries=HTI&status=implementation&limit=5` },
    { name: 'offerings-page', url: `${origin}/offerings?q=cybersecurity&topics=cybersecurity&eligibleFor=NER` },
    {
      name: 'api-sign-in',
      url: `${origin}/api/v1/auth/sign-in`,
      data: JSON.stringify({ email: SCAN_EMAIL, password: 'not the password' }),
    },
    {
      name: 'sign-in-form',
      url: `${origin}/sign-in`,
      data: `email=${encodeURIComponent(SCAN_EMAIL)}&password=wrong&next=%2Faccount&_csrf=x`,
      csrf: form('/sign-in'),
    },
    {
      name: 'sign-up-form',
      url: `${origin}/sign-up`,
      data: 'displayName=Ana&email=ana%40example.org&password=mangoes+in+the+rainy+season&_csrf=x',
      csrf: form('/sign-up'),
    },
    { name: 'reset-form', url: `${origin}/reset-password`, data: 'email=ana%40example.org&_csrf=x', csrf: form('/reset-password') },
    {
      name: 'organisation-update',
      url: `${origin}/api/v1/organisations/${world.organisationId}`,
      method: 'PATCH',
      data: JSON.stringify({
        name: 'Scan Institute of Technology',
        description: 'Updated by the scan',
        website: 'https://scan.example.org',
      }),
      cookie: `dcp_session=${session.cookie}`,
      headers: [`X-CSRF-Token: ${session.csrf}`],
    },
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, target: { type: 'string' } } });
  const only = values.only;
  ensureTools();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'dcp-security-report-'));
  const started = Date.now();
  const instance = await startInstance(log);
  const sqlmap: Outcome[] = [];
  const wapiti: WapitiOutcome[] = [];
  try {
    const world = await prepare(instance);
    if (only !== 'wapiti') {
      const targets = sqlmapTargets(instance.origin, world).filter((t) => values.target === undefined || t.name === values.target);
      if (targets.length === 0) throw new Error(`no sqlmap target is named ${values.target}`);
      for (const target of targets) {
        const outcome = await scanWithSqlmap(target, workDir);
        log(`sqlmap ${target.name}: ${outcome.findings.length} findings (${outcome.requests})`);
        sqlmap.push(outcome);
      }
    }
    if (only !== 'sqlmap') {
      const start = [
        `${instance.origin}/api/v1/countries?region=002&group=LDC&limit=10`,
        `${instance.origin}/api/v1/taxonomies/digcomp?parent=1&limit=5`,
        `${instance.origin}/api/v1/indicators/internet-use/observations?countries=KEN&years=2015-2023&breakdown=total&limit=5`,
        `${instance.origin}/api/v1/organisations?kind=academia&country=KEN&limit=5`,
        `${instance.origin}/sign-up`,
        `${instance.origin}/reset-password`,
      ];
      const anonymous = await scanWithWapiti({ name: 'anonymous', origin: instance.origin, start, exclude: [] }, workDir);
      log(`wapiti anonymous (${WAPITI_MODULES}): ${anonymous.crawled} URLs and forms found, ${anonymous.findings.length} findings`);
      wapiti.push(anonymous);
      const session = await signIn(instance.origin);
      const signedIn = await scanWithWapiti(
        {
          name: 'signed-in',
          origin: instance.origin,
          start: [
            ...start,
            `${instance.origin}/account`,
            `${instance.origin}/organisations/${world.organisationId}`,
            `${instance.origin}/my/organisations`,
          ],
          // The forms that would end the scanner's own session or account.
          exclude: ['/sign-out', '/privacy/delete-account', '/account/sessions/end-others'].map((p) => `${instance.origin}${p}`),
          sessionCookie: session.cookie,
        },
        workDir,
      );
      log(`wapiti signed in (${WAPITI_MODULES}): ${signedIn.crawled} URLs and forms found, ${signedIn.findings.length} findings`);
      wapiti.push(signedIn);
    }
  } finally {
    const serverErrors = await instance.serverErrors().catch(() => ['the instance log could not be read']);
    await instance.stop();
    const findings = [
      ...sqlmap.flatMap((o) => o.findings.map((f) => `sqlmap ${o.target}: ${f}`)),
      ...wapiti.flatMap((o) => o.findings.map((f) => `wapiti ${o.run}: ${f}`)),
      ...serverErrors.map((line) => `server error in the instance log: ${line.slice(0, 400)}`),
    ];
    const problems = [
      ...sqlmap.flatMap((o) => o.problems.map((p) => `sqlmap ${o.target}: ${p}`)),
      ...wapiti.flatMap((o) => o.problems.map((p) => `wapiti ${o.run}: ${p}`)),
    ];
    log(`done in ${Math.round((Date.now() - started) / 1000)} s; reports in ${workDir}`);
    for (const line of [...findings, ...problems]) log(`  ${line}`);
    log(`${findings.length} findings, ${problems.length} scanner problems`);
    process.exitCode = findings.length > 0 || problems.length > 0 ? 1 : 0;
  }
  return Number(process.exitCode ?? 0);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[security] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
