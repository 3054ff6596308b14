/**
 * A real SMTP server (the `smtp-server` package) on a loopback port for the mail
 * tests: it keeps what it receives, can be stopped and started again on the same port
 * (SMTP down, then up), can refuse recipients with a reply code, and can run a hook
 * before it answers a message (to kill the sender at that moment).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  readonly to: string[];
  readonly raw: string;
}

export interface TestSmtp {
  readonly url: string;
  readonly port: number;
  readonly inbox: Received[];
  /** Reply to RCPT TO with this code (e.g. 550), or accept when undefined. */
  refuseWith: number | undefined;
  /** Runs after a message's data arrived, before the server answers it. */
  beforeAnswer: (() => Promise<void> | void) | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The header `name` of a raw message, unfolded. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim();
}

/** Undoes quoted-printable soft breaks and =XX escapes (enough to read ASCII links and words). */
export function decodeQuotedPrintable(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** @example const smtp = await startSmtp(); … smtp.inbox … await smtp.stop(); */
export async function startSmtp(): Promise<TestSmtp> {
  let server: SMTPServer | undefined;
  let port = 0;
  const smtp: TestSmtp = {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    inbox: [],
    refuseWith: undefined,
    beforeAnswer: undefined,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (smtp.refuseWith === undefined) return callback();
          const error = Object.assign(new Error(`mailbox ${address.address} refused`), { responseCode: smtp.refuseWith });
          return callback(error);
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            smtp.inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
            void Promise.resolve(smtp.beforeAnswer?.()).then(() => callback());
          });
        },
      });
      const s = server;
      await new Promise<void>((resolve, reject) => {
        s.server.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      port = (s.server.address() as AddressInfo).port;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await smtp.start();
  return smtp;
}
