/**
 * Configuration, parsed once at boot from the environment (ENGINEERING.md §5).
 * This is the only module that reads `process.env`; everything else receives a
 * frozen `Config`. A missing or malformed value fails fast with the variable named.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, two levels above this file (src/config). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DCP_HOME: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DCP_DATA_DIR: z.string().min(1).optional(),
  DCP_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DCP_API_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  DCP_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  DCP_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 7),
  DCP_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  DCP_MAIL_FROM: z.string().min(3).default('Digital Cooperation Platform <no-reply@localhost>'),
  DCP_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  DCP_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  DCP_OIDC_CLIENT_ID: z.string().min(1).optional(),
  DCP_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  DCP_OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  DCP_WORLDBANK_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.worldbank.org/v2'),
  DCP_SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  DCP_WORKERS: z.enum(['in-process', 'separate']).default('in-process'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DCP_SECURE_COOKIES: z.enum(['true', 'false', '1', '0']).optional(),
  DCP_RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(1_000_000).default(1),
  DCP_HARVEST_PRIVATE_ADDRESSES: z.enum(['refuse', 'allow']).default('refuse'),
});

/** Everything the application may know about its environment. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Where the embedded database and other local state live. */
  readonly home: string;
  /** A server to use instead of the embedded default; undefined means embedded. */
  readonly databaseUrl: string | undefined;
  /** Public reference files (M49, indicators, taxonomies); undefined when none is found. */
  readonly dataDir: string | undefined;
  readonly publicUrl: string | undefined;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Anonymous API reads allowed per IP per minute. */
  readonly apiRateLimitPerMinute: number;
  readonly shutdownGraceMs: number;
  /**
   * `in-process`: `dcp serve` also runs the background job workers (one process does all);
   * `separate`: it only serves, and `dcp worker` processes run the jobs.
   */
  readonly workers: 'in-process' | 'separate';
  /** A session unused this long ends. */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  readonly sessionAbsoluteHours: number;
  /** Outgoing mail server; undefined means mail goes to the outbox table. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  readonly trustProxy: boolean;
  /** Single sign-on with OpenID Connect; undefined when not configured (the button is then not shown). */
  readonly oidc: OidcConfig | undefined;
  /** World Bank Indicators API v2 base, for `dcp import worldbank CODE` (a local server in tests). */
  readonly worldBankApiUrl: string;
  readonly env: 'development' | 'production' | 'test';
  /**
   * Cookies carry `Secure`: DCP_SECURE_COOKIES when set, else whether DCP_PUBLIC_URL is https, else
   * in production only. Decided here, never from the request (a TLS proxy's Host header says nothing).
   */
  readonly secureCookies: boolean;
  /** Send Strict-Transport-Security: the public URL is https. */
  readonly hsts: boolean;
  /** Every per-address and per-account limit is multiplied by this (1 normally; high only for a security scan). */
  readonly rateLimitScale: number;
  /**
   * Whether catalogue harvesting may fetch from loopback, private and link-local addresses
   * (DCP_HARVEST_PRIVATE_ADDRESSES=allow: tests and local trials). Never in production (SSRF).
   */
  readonly harvestPrivateAddresses: boolean;
}

/** One OpenID Connect provider, all four variables given together. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** This site's callback, registered with the provider: https://…/sign-in/oidc/callback */
  readonly redirectUrl: string;
}

/** A configuration problem, named by variable, raised before anything starts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses an environment into a frozen Config.
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`DATABASE_URL= npm start`) means unset, as shells intend it.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidcValues = [e.DCP_OIDC_ISSUER, e.DCP_OIDC_CLIENT_ID, e.DCP_OIDC_CLIENT_SECRET, e.DCP_OIDC_REDIRECT_URL];
  if (oidcValues.some((v) => v !== undefined) && oidcValues.some((v) => v === undefined)) {
    throw new ConfigError(
      'Invalid environment:\n  DCP_OIDC_*: set DCP_OIDC_ISSUER, DCP_OIDC_CLIENT_ID, DCP_OIDC_CLIENT_SECRET and DCP_OIDC_REDIRECT_URL together, or none of them',
    );
  }
  if (e.DCP_HARVEST_PRIVATE_ADDRESSES === 'allow' && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid environment:\n  DCP_HARVEST_PRIVATE_ADDRESSES: "allow" lets harvesting reach internal addresses; it is refused in production',
    );
  }
  const home = path.resolve(e.DCP_HOME ?? path.join(projectRoot, '.dcp'));
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    home,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolveDataDir(e.DCP_DATA_DIR),
    publicUrl: e.DCP_PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    apiRateLimitPerMinute: e.DCP_API_RATE_LIMIT,
    shutdownGraceMs: e.DCP_SHUTDOWN_GRACE_MS,
    workers: e.DCP_WORKERS,
    worldBankApiUrl: e.DCP_WORLDBANK_API_URL,
    sessionIdleMinutes: e.DCP_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.DCP_SESSION_ABSOLUTE_HOURS,
    smtpUrl: e.DCP_SMTP_URL,
    mailFrom: e.DCP_MAIL_FROM,
    trustProxy: e.DCP_TRUST_PROXY,
    oidc:
      e.DCP_OIDC_ISSUER && e.DCP_OIDC_CLIENT_ID && e.DCP_OIDC_CLIENT_SECRET && e.DCP_OIDC_REDIRECT_URL
        ? Object.freeze({
            issuer: e.DCP_OIDC_ISSUER,
            clientId: e.DCP_OIDC_CLIENT_ID,
            clientSecret: e.DCP_OIDC_CLIENT_SECRET,
            redirectUrl: e.DCP_OIDC_REDIRECT_URL,
          })
        : undefined,
    env: e.NODE_ENV,
    secureCookies: secureCookiesOf(e.DCP_SECURE_COOKIES, e.DCP_PUBLIC_URL, e.NODE_ENV),
    hsts: e.DCP_PUBLIC_URL?.startsWith('https:') ?? false,
    rateLimitScale: e.DCP_RATE_LIMIT_SCALE,
    harvestPrivateAddresses: e.DCP_HARVEST_PRIVATE_ADDRESSES === 'allow',
  });
}

function secureCookiesOf(explicit: string | undefined, publicUrl: string | undefined, env: Config['env']): boolean {
  if (explicit !== undefined) return explicit === 'true' || explicit === '1';
  if (publicUrl !== undefined) return publicUrl.startsWith('https:');
  return env === 'production';
}

/** An explicit directory must exist; the default (../shared/data) is used only where it does. */
function resolveDataDir(explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    const dir = path.resolve(explicit);
    if (!existsSync(dir)) throw new ConfigError(`Invalid environment:\n  DCP_DATA_DIR: ${dir} does not exist`);
    return dir;
  }
  const fallback = path.resolve(projectRoot, '..', 'shared', 'data');
  return existsSync(fallback) ? fallback : undefined;
}
