// Reading a plan type's content schema (JSON Schema 2020-12, from its
// plugin) for the form editor: references, kinds of field, labels and the
// empty value a new item starts from. A new plan type needs no UI code.
import { localized } from '../../lib/i18n';

export type Schema = Record<string, any>;

export type Kind = 'object' | 'map' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'enum';

/** Follows "$ref": "#/$defs/x" (repeatedly), keeping the referring schema's own notes. */
export function resolve(root: Schema, schema: Schema | undefined): Schema {
  let here: Schema = schema ?? {};
  for (let guard = 0; here.$ref && guard < 16; guard++) {
    const { $ref, ...rest } = here;
    const target = String($ref).replace(/^#\//, '').split('/').reduce<any>((s, k) => s?.[k], root) ?? {};
    here = { ...target, ...rest };
  }
  return here;
}

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  return [];
}

export function kindOf(schema: Schema): Kind {
  if (Array.isArray(schema.enum)) return 'enum';
  const t = types(schema).filter((x) => x !== 'null');
  if (t.includes('object') || schema.properties || schema.additionalProperties) {
    return schema.properties ? 'object' : 'map';
  }
  if (t.includes('array')) return 'array';
  if (t.includes('integer')) return 'integer';
  if (t.includes('number')) return 'number';
  if (t.includes('boolean')) return 'boolean';
  return 'string';
}

/** The choices of an enum as the values a select sends: null (no choice) left out, numbers as text. */
export function enumOptions(schema: Schema): string[] {
  return ((schema.enum ?? []) as unknown[]).filter((v) => v !== null && v !== undefined).map((v) => String(v));
}

export function isNullable(schema: Schema): boolean {
  return types(schema).includes('null');
}

/** The label a plugin gives a field name (schema "x-labels"), else the name itself. */
export function labelOf(root: Schema, name: string): string {
  const labels = root['x-labels'] as Record<string, { th?: string; en?: string }> | undefined;
  return localized(labels?.[name]) || name.replace(/_/g, ' ');
}

/** Free text that deserves a multi-line box. */
const LONG_TEXT = new Set(['title', 'text', 'method', 'target_text', 'indicator_text', 'description']);
export function isLongText(name: string): boolean {
  return LONG_TEXT.has(name);
}

/** Fields the editor maintains itself: stable ids that comments and report items refer to. */
export function isHidden(name: string): boolean {
  return name === 'id';
}

let counter = 0;
export function newId(): string {
  counter += 1;
  return `n${Date.now().toString(36)}${counter.toString(36)}`;
}

/** The value a newly added item starts with: required members filled with their empties. */
export function emptyValue(root: Schema, raw: Schema, name = ''): unknown {
  const schema = resolve(root, raw);
  switch (kindOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of (schema.required as string[] | undefined) ?? []) {
        out[key] = key === 'id' ? newId() : emptyValue(root, schema.properties?.[key] ?? {}, key);
      }
      return out;
    }
    case 'map':
      return {};
    case 'array':
      return [];
    case 'enum':
      return schema.enum[0];
    case 'number':
    case 'integer':
      return isNullable(schema) ? null : (schema.minimum ?? 0);
    case 'boolean':
      return false;
    default:
      return name === 'id' ? newId() : '';
  }
}

/** "เป้าหมาย 2: ประชาชนมีวัฒนธรรม…" — what an item of a list is called in headings and findings. */
export function itemCaption(root: Schema, listName: string, index: number, item: unknown): string {
  const obj = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
  const number = obj.number !== undefined && obj.number !== '' ? String(obj.number) : String(index + 1);
  const text = String(obj.title ?? obj.text ?? '').trim();
  const head = `${labelOf(root, listName)} ${number}`;
  return text ? `${head}: ${text.length > 90 ? `${text.slice(0, 90)}…` : text}` : head;
}
