/**
 * Where to send a person after sign-in (`next=`): only a path on this site.
 * Browsers drop tabs and line breaks inside URLs and read `\` as `/`, so
 * `/\t/evil.example` would become `//evil.example`: any whitespace, control
 * character or backslash is refused, and the result must resolve to our origin.
 */
const SAME_SITE_PATH = /^\/(?!\/)[^\s\\]*$/;

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * @example safeReturnPath('/countries/KEN', '/') // '/countries/KEN'
 * @example safeReturnPath('/\t/evil.example', '/') // '/'
 */
export function safeReturnPath(value: string | undefined, fallback: string): string {
  if (!value || value.length > 500 || !SAME_SITE_PATH.test(value) || hasControlCharacter(value)) return fallback;
  const base = 'http://same-site.invalid';
  return new URL(value, base).origin === base ? value : fallback;
}
