/**
 * A small JSON Schema checker for the schemas zod generates (data/schema/*.json): type,
 * properties, required, additionalProperties, items, anyOf, const, enum, minimum, maximum,
 * exclusiveMinimum, pattern, and `$ref` to the root's `$defs` (recursive schemas). Other
 * keywords are ignored. It interprets the schema (no code is
 * generated, no eval), so it runs under any Content-Security-Policy, and it is a few hundred
 * bytes where zod is a hundred kilobytes: the overlay validates the engine's report with it
 * against the schema generated from the zod schemas (the single source of truth; a test keeps
 * the generated file equal to zod's output).
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  [keyword: string]: unknown;
};

const MAX_DEPTH = 64;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      return typeOf(v) === t;
  }
}

/**
 * Where a value sits, as a chain built only while descending (`$.checks[3].verdict` is written
 * out only for an error: a report that fits builds no strings).
 */
type Path = { parent: Path | undefined; key: string | number } | undefined;

function pathText(p: Path, root: string): string {
  const keys: (string | number)[] = [];
  for (let q = p; q; q = q.parent) keys.push(q.key);
  let out = root;
  for (let i = keys.length - 1; i >= 0; i--) out += typeof keys[i] === 'number' ? `[${keys[i]}]` : `.${keys[i]}`;
  return out;
}

const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, 'u')));
  return re;
}

function resolve(ref: string, root: JsonSchema): JsonSchema | undefined {
  return ref.startsWith('#/$defs/') ? root.$defs?.[ref.slice(8)] : undefined;
}

/** What went wrong, where: written out only when asked (`message`). */
type Fault = { at: Path; what: string };

/**
 * The first fault of `value` against `schema`, or undefined. The messages are short constant
 * strings or cheap to build; paths are chains.
 */
function fault(schema: JsonSchema, value: unknown, at: Path, depth: number, root: JsonSchema): Fault | undefined {
  if (depth > MAX_DEPTH) return { at, what: 'nested too deep' };
  if (schema.$ref) {
    const target = resolve(schema.$ref, root);
    if (!target) return { at, what: `unknown schema reference ${schema.$ref}` };
    return fault(target, value, at, depth + 1, root);
  }
  if (schema.anyOf) {
    let first: Fault | undefined;
    for (const s of schema.anyOf) {
      const f = fault(s, value, at, depth + 1, root);
      if (f === undefined) return undefined;
      first ??= f;
    }
    return first;
  }
  if ('const' in schema && value !== schema.const) return { at, what: `expected ${JSON.stringify(schema.const)}` };
  if (schema.enum && !schema.enum.includes(value)) return { at, what: `not one of ${schema.enum.join(', ')}` };
  const type = schema.type;
  if (type !== undefined && !(typeof type === 'string' ? hasType(value, type) : type.some((t) => hasType(value, t)))) {
    return { at, what: `expected ${typeof type === 'string' ? type : type.join(' or ')}, got ${typeOf(value)}` };
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return { at, what: `below ${schema.minimum}` };
    if (schema.maximum !== undefined && value > schema.maximum) return { at, what: `above ${schema.maximum}` };
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return { at, what: `not above ${schema.exclusiveMinimum}` };
  }
  if (typeof value === 'string' && schema.pattern !== undefined && !pattern(schema.pattern).test(value)) return { at, what: `does not match ${schema.pattern}` };
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const f = fault(schema.items, value[i], { parent: at, key: i }, depth + 1, root);
      if (f !== undefined) return f;
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && (schema.properties || schema.required || schema.additionalProperties !== undefined)) {
    const obj = value as Record<string, unknown>;
    if (schema.required) for (const k of schema.required) if (!(k in obj) || obj[k] === undefined) return { at: { parent: at, key: k }, what: 'missing' };
    for (const k in obj) {
      if (!Object.hasOwn(obj, k)) continue;
      const sub = schema.properties?.[k];
      if (sub) {
        if (obj[k] === undefined) continue;
        const f = fault(sub, obj[k], { parent: at, key: k }, depth + 1, root);
        if (f !== undefined) return f;
      } else if (schema.additionalProperties === false) return { at: { parent: at, key: k }, what: 'not allowed' };
      else if (typeof schema.additionalProperties === 'object') {
        const f = fault(schema.additionalProperties, obj[k], { parent: at, key: k }, depth + 1, root);
        if (f !== undefined) return f;
      }
    }
  }
  return undefined;
}

/** The first way `value` breaks `schema` (`$.checks[3].verdict: …`), or undefined when it fits. */
export function schemaError(schema: JsonSchema, value: unknown, path = '$', depth = 0, root: JsonSchema = schema): string | undefined {
  const f = fault(schema, value, undefined, depth, root);
  return f && `${pathText(f.at, path)}: ${f.what}`;
}
