/**
 * Requests generated from the OpenAPI document: for every operation, path,
 * query and body values drawn from its JSON schemas — valid ones (enums,
 * patterns, formats, examples, and values the test world knows by field name,
 * such as real organisation ids), boundary ones (lengths and numbers at and
 * past their limits), wrong types, huge values, Unicode in every script, control
 * characters and classic injection strings. Pure: no database, no HTTP.
 *
 *   const operations = operationsOf(buildOpenApiDocument());
 *   fc.assert(fc.asyncProperty(requestFor(operation, pool), async (request) => { … }));
 */
import fc from 'fast-check';

/** The subset of JSON Schema the generated document uses. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  example?: unknown;
  default?: unknown;
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  /** `METHOD /path/{param}` as in the document, e.g. `GET /api/v1/countries/{code}`. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  readonly body: JsonSchema | undefined;
}

interface OpenApiDocument {
  paths?: object;
  components?: { schemas?: object };
}

/** `valid`: every value from the schema; `any`: each value may also be hostile. */
export type Mode = 'valid' | 'any';

/** Values the world holds, by field or parameter name (`id`, `organisationId`, `email`, `password` …). */
export type Pool = Readonly<Record<string, readonly string[]>>;

/** One generated request: a path with its query string, and the raw body with its content type. */
export interface FuzzRequest {
  readonly url: string;
  readonly body?: string;
  readonly contentType?: string;
  /** An Accept header, when the request states one (content negotiation is input too). */
  readonly accept?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, with `$ref`s resolved. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: unknown, depth = 0): JsonSchema => {
    if (!schema || typeof schema !== 'object' || depth > 20) return {};
    const s = schema as JsonSchema;
    if (s.$ref) {
      const name = s.$ref.replace('#/components/schemas/', '');
      return resolve((document.components?.schemas as Record<string, unknown> | undefined)?.[name], depth + 1);
    }
    const out: JsonSchema = { ...s };
    if (s.items) out.items = resolve(s.items, depth + 1);
    if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)]));
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (s[key]) out[key] = s[key].map((v) => resolve(v, depth + 1));
    return out;
  };
  return Object.entries((document.paths ?? {}) as Record<string, object | undefined>).flatMap(([path, item]) =>
    Object.entries(item ?? {})
      .filter(([method]) => METHODS.includes(method))
      .map(([method, raw]) => {
        const op = raw as { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: unknown }> } };
        const json = op.requestBody?.content?.['application/json']?.schema;
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
          body: json === undefined ? undefined : resolve(json),
        };
      }),
  );
}

/** Strings that have broken parsers, queries and templates elsewhere. */
const HOSTILE = [
  "' OR '1'='1",
  "1'; DROP TABLE users; --",
  '1 AND SLEEP(5)',
  "'||pg_sleep(5)||'",
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '%00',
  '%',
  '\\',
  '\u202e\u0644\u0627',
  'null',
  'undefined',
  '[object Object]',
  '-1',
  '0',
  '9'.repeat(40),
  '1e309',
  'NaN',
  ' ',
  '',
];

const CONTROL = ['\u0000', '\u0001', '\u0008', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff', '\r\n', '\t'];

/** Text in many scripts: Arabic, Chinese, Cyrillic, emoji with joiners, combining marks. */
const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('منظمة الاتصالات', '数字合作平台', 'Цифровое сотрудничество', '👩🏽‍💻🇰🇪', 'e\u0301\u0301\u0301', 'ǅ\uFB01\u00DF'),
);

function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined; // a construct fast-check does not generate from (lookahead …): use examples instead
  }
}

/** The schema's own type, ignoring "null". */
function typeOf(schema: JsonSchema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : schema.enum ? 'string' : undefined);
}

const nullable = (schema: JsonSchema) => Array.isArray(schema.type) && schema.type.includes('null');

/** Values that satisfy the schema (as far as its JSON Schema says). */
function validValue(schema: JsonSchema, name: string, pool: Pool, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  const known = pool[name];
  const options: fc.Arbitrary<unknown>[] = [];
  if (known && known.length > 0) options.push(fc.constantFrom(...known), fc.constantFrom(...known));
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), ...options);
  if (schema.example !== undefined) options.push(fc.constant(schema.example));
  if (schema.anyOf?.length || schema.oneOf?.length) {
    const branches = (schema.anyOf ?? schema.oneOf)!;
    return fc.oneof(...branches.map((b) => validValue(b, name, pool, mode, depth + 1)), ...options);
  }
  switch (typeOf(schema)) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1000;
      options.push(typeOf(schema) === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }));
      break;
    }
    case 'boolean':
      options.push(fc.boolean());
      break;
    case 'array':
      options.push(
        fc.array(valueOf(schema.items ?? {}, name, pool, mode, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 5, 5),
        }),
      );
      break;
    case 'object':
      options.push(objectValue(schema, pool, mode, depth));
      break;
    default: {
      const byFormat: Record<string, fc.Arbitrary<string>> = {
        uuid: fc.uuid(),
        email: fc.emailAddress(),
        uri: fc.webUrl(),
        'date-time': fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      };
      const formatted = schema.format ? byFormat[schema.format] : undefined;
      const patterned = schema.pattern ? patternArbitrary(schema.pattern) : undefined;
      if (formatted) options.push(formatted);
      else if (patterned) options.push(patterned.filter((s) => s.length <= (schema.maxLength ?? Infinity)));
      else options.push(fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 60) }));
    }
  }
  if (nullable(schema)) options.push(fc.constant(null));
  return fc.oneof(...options);
}

/** Values at and just past the schema's limits. */
function boundaryValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  if (type === 'integer' || type === 'number') {
    const edges = [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined);
    return fc.constantFrom(
      ...edges.flatMap((n) => [n - 1, n, n + 1]),
      0,
      -1,
      2 ** 31,
      -(2 ** 31) - 1,
      Number.MAX_SAFE_INTEGER + 2,
      0.5,
      1e308,
    );
  }
  if (type === 'array')
    return fc.constantFrom(
      [],
      Array.from({ length: (schema.maxItems ?? 20) + 1 }, () => 'x'),
    );
  const lengths = [0, 1, schema.minLength, schema.maxLength].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1]);
  return fc
    .tuple(fc.constantFrom(...lengths.filter((n) => n >= 0)), fc.constantFrom('x', 'é', '語', '😀'))
    .map(([length, unit]) => unit.repeat(length));
}

/** A value of the wrong JSON type for the schema. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.string({ maxLength: 10 }),
);

/** A valid value with a control character or a lone surrogate put somewhere inside. */
function withControl(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.constantFrom(...CONTROL), fc.nat()).map(([value, control, at]) => {
    // An object may carry a generated key such as "toString" holding a number, which String() cannot call.
    const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    return text.slice(0, i) + control + text.slice(i);
  });
}

/** Any value for `schema`: mostly valid, the rest hostile in one of several ways. */
export function valueOf(schema: JsonSchema, name: string, pool: Pool, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  const valid = validValue(schema, name, pool, mode, depth);
  if (mode === 'valid') return valid;
  return fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 2, arbitrary: boundaryValue(schema) },
    { weight: 1, arbitrary: depth > 2 ? fc.constant(null) : wrongType },
    { weight: 1, arbitrary: fc.constantFrom('A'.repeat(10_000), '語'.repeat(3_000)) },
    { weight: 2, arbitrary: unicodeText },
    { weight: 2, arbitrary: withControl(valid) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  );
}

/** An object: required properties (now and then one missing), optional ones at random, now and then an unknown one. */
function objectValue(schema: JsonSchema, pool: Pool, mode: Mode, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = properties.map(([name, s]) =>
    fc
      .tuple(fc.integer({ min: 0, max: 19 }), valueOf(s, name, pool, mode, depth + 1))
      // A required field is left out now and then (only when hostile values are wanted).
      .map(([roll, v]): [string, unknown] | undefined =>
        (required.has(name) ? roll > 0 || mode === 'valid' : roll % 2 === 0) ? [name, v] : undefined,
      ),
  );
  return fc
    .tuple(
      fc.tuple(...fields),
      mode === 'valid'
        ? fc.constant(undefined)
        : fc.oneof(
            { weight: 7, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), wrongType) },
          ),
    )
    .map(([entries, extra]) => {
      const object: Record<string, unknown> = Object.fromEntries(entries.filter((e): e is [string, unknown] => e !== undefined));
      if (extra) object[extra[0]] = extra[1];
      return object;
    });
}

/** Percent-encodes a path segment; a lone surrogate (which encodeURIComponent refuses) goes as the bytes Node would send. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

/**
 * The pool entry for a path parameter: `tokens.id` for the `{id}` of `/api/v1/tokens/{id}` when
 * the pool has one (ids differ by resource), else the parameter's own name.
 */
function poolName(path: string, name: string, pool: Pool): string {
  const before = new RegExp(`/([^/{}]+)/\\{${name}\\}`).exec(path)?.[1];
  return before && pool[`${before}.${name}`] ? `${before}.${name}` : name;
}

/** A query or path value as it travels in a URL. */
function asUrlText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The raw body: mostly JSON of a generated value, sometimes broken JSON, another content type or nothing. */
const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });

function bodyOf(schema: JsonSchema, pool: Pool, mode: Mode): fc.Arbitrary<Pick<FuzzRequest, 'body' | 'contentType'>> {
  if (mode === 'valid') return objectValue(schema, pool, mode, 0).map(json);
  return fc.oneof(
    { weight: 12, arbitrary: objectValue(schema, pool, mode, 0).map(json) },
    { weight: 1, arbitrary: wrongType.map(json) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{', '{"a":', '[1,2', 'nul', '\u0000', '{"__proto__":{"admin":true}}')
        .map((body) => ({ body, contentType: 'application/json' })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constant({ body: 'name=x&kind=academia', contentType: 'application/x-www-form-urlencoded' }) },
    { weight: 1, arbitrary: fc.constant({ body: JSON.stringify({ pad: 'x'.repeat(70 * 1024) }), contentType: 'application/json' }) },
  );
}

/**
 * Requests for one operation: half with every value valid (to reach the code behind validation),
 * half where any value may be hostile.
 * @example fc.sample(requestFor(operation, { id: [orgId] }), 1)[0] // { url: '/api/v1/organisations/…', … }
 */
export function requestFor(operation: Operation, pool: Pool): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(requestsIn('valid', operation, pool), requestsIn('any', operation, pool));
}

function requestsIn(mode: Mode, operation: Operation, pool: Pool): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map((p) => valueOf(p.schema ?? {}, poolName(operation.path, p.name, pool), pool, mode)))
    .map((values) =>
      pathParams.reduce((url, p, i) => {
        const text = asUrlText(values[i]);
        // An empty segment would route elsewhere; keep one character so the parameter is still there.
        return url.replace(`{${p.name}}`, encodeSegment(text === '' ? '-' : text));
      }, operation.path),
    );
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(
          mode === 'valid'
            ? valueOf(p.schema ?? {}, p.name, pool, mode).map((v) => [asUrlText(v)])
            : fc.oneof(
                { weight: 5, arbitrary: valueOf(p.schema ?? {}, p.name, pool, mode).map((v) => [asUrlText(v)]) },
                { weight: 1, arbitrary: fc.tuple(fc.string(), fc.string()) },
              ),
          { freq: 2 },
        ),
      ),
    )
    .map((values) => {
      const params = new URLSearchParams();
      queryParams.forEach((p, i) => values[i]?.forEach((v) => params.append(p.name, v)));
      const text = params.toString();
      return text ? `?${text}` : '';
    });
  const body = operation.body ? bodyOf(operation.body, pool, mode) : fc.constant({});
  const accept = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('text/csv', 'application/vnd.sdmx.data+csv', '*/*', 'application/json;q=0', 'text/html', 'x/y, */*;q=abc'),
    },
  );
  return fc.tuple(path, query, body, accept).map(([p, q, b, a]) => ({ url: `${p}${q}`, ...b, ...(a === null ? {} : { accept: a }) }));
}
