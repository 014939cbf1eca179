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

/** The first way `value` breaks `schema` (`$.checks[3].verdict: …`), or undefined when it fits. */
export function schemaError(schema: JsonSchema, value: unknown, path = '$', depth = 0, root: JsonSchema = schema): string | undefined {
  if (depth > MAX_DEPTH) return `${path}: nested too deep`;
  if (schema.$ref) {
    const m = /^#\/\$defs\/(.+)$/.exec(schema.$ref);
    const target = m ? root.$defs?.[m[1] as string] : undefined;
    if (!target) return `${path}: unknown schema reference ${schema.$ref}`;
    return schemaError(target, value, path, depth + 1, root);
  }
  if (schema.anyOf) {
    let first: string | undefined;
    for (const s of schema.anyOf) {
      const e = schemaError(s, value, path, depth + 1, root);
      if (e === undefined) return undefined;
      first ??= e;
    }
    return first;
  }
  if ('const' in schema && value !== schema.const) return `${path}: expected ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.includes(value)) return `${path}: not one of ${schema.enum.join(', ')}`;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) return `${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${path}: below ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${path}: above ${schema.maximum}`;
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return `${path}: not above ${schema.exclusiveMinimum}`;
  }
  if (typeof value === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return `${path}: does not match ${schema.pattern}`;
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const e = schemaError(schema.items, value[i], `${path}[${i}]`, depth + 1, root);
      if (e !== undefined) return e;
    }
  }
  if (hasType(value, 'object') && (schema.properties || schema.required || schema.additionalProperties !== undefined)) {
    const obj = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in obj) || obj[k] === undefined) return `${path}.${k}: missing`;
    for (const k of Object.keys(obj)) {
      const sub = schema.properties?.[k];
      if (sub) {
        if (obj[k] === undefined) continue;
        const e = schemaError(sub, obj[k], `${path}.${k}`, depth + 1, root);
        if (e !== undefined) return e;
      } else if (schema.additionalProperties === false) return `${path}.${k}: not allowed`;
      else if (typeof schema.additionalProperties === 'object') {
        const e = schemaError(schema.additionalProperties, obj[k], `${path}.${k}`, depth + 1, root);
        if (e !== undefined) return e;
      }
    }
  }
  return undefined;
}
