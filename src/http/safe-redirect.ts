/**
 * Where to send a person after sign-in (`next=`): only a path on this site.
 * Browsers drop tabs and line breaks inside URLs and read `\` as `/`, so
 * `/\t/evil.example` would become `//evil.example`: any whitespace, control
 * character or backslash is refused, and the result must resolve to our origin.
 */
const SAME_SITE_PATH = /^\/(?!\/)[^\s\\\u0000-\u001f\u007f]*$/;

/**
 * @example safeReturnPath('/countries/KEN', '/') // '/countries/KEN'
 * @example safeReturnPath('/\t/evil.example', '/') // '/'
 */
export function safeReturnPath(value: string | undefined, fallback: string): string {
  if (!value || value.length > 500 || !SAME_SITE_PATH.test(value)) return fallback;
  const base = 'http://same-site.invalid';
  return new URL(value, base).origin === base ? value : fallback;
}
