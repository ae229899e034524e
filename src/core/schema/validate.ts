/**
 * Schema validation, resource by resource. `validateRoot` checks the file with the
 * resources' contents left open; `validateResource` checks one resource. Results are
 * cached by each resource's source text, so an edit re-validates only what it touched.
 */
import { keyText, toPlain, type YMap, type YNode, type YPair } from '../parse/ast';
import { findPair, isMap } from '../parse/ast';
import { sourceOf } from '../parse/chunks';
import { validateResource, validateRoot } from './generated/validators';
import type { AjvError } from './validator-types';

export interface SchemaError {
  /** Keys and indices from the document root to the value at fault. */
  readonly path: readonly (string | number)[];
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
  readonly parentSchema: Readonly<Record<string, unknown>> | undefined;
  /** Set on the errors ajv raises inside a `propertyNames` check (the name being checked). */
  readonly propertyName?: string;
}

/**
 * Errors per resource, relative to the resource (they hold no offsets), remembered by
 * the resource's pair as first parsed: an unchanged block keeps its node objects between
 * versions, or, when an edit above it moved it, is a copy whose source is that pair
 * (parse/chunks.ts).
 */
const resourceErrors = new WeakMap<YPair, readonly SchemaError[]>();

export class SchemaValidator {
  validate(root: YNode | null): SchemaError[] {
    const errors: SchemaError[] = [];
    const rootMap = isMap(root) ? root : null;
    const resources = findPair(rootMap, 'resources')?.value;
    errors.push(...run(validateRoot, shallowPlain(root, isMap(resources) ? resources : null), []));

    if (isMap(resources)) {
      for (const pair of resources.items) {
        const source = sourceOf(pair);
        let relative = resourceErrors.get(source);
        if (!relative) {
          relative = run(validateResource, toPlain(pair.value), []);
          resourceErrors.set(source, relative);
        }
        if (relative.length === 0) continue;
        const id = keyText(pair.key);
        for (const error of relative) errors.push({ ...error, path: ['resources', id, ...error.path] });
      }
    }
    return errors;
  }
}

/** The root as plain data, with each resource's value replaced by an empty object (checked separately). */
function shallowPlain(root: YNode | null, resources: YMap | null): unknown {
  if (!isMap(root)) return toPlain(root);
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const pair of root.items) {
    const key = keyText(pair.key);
    if (key in out) continue;
    if (pair.value === resources && resources) {
      const shallow: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const item of resources.items) shallow[keyText(item.key)] = {};
      out[key] = shallow;
    } else out[key] = toPlain(pair.value);
  }
  return out;
}

function run(validator: typeof validateRoot, data: unknown, prefix: (string | number)[]): SchemaError[] {
  if (validator(data)) return [];
  return (validator.errors ?? []).map((error: AjvError) => ({
    path: [...prefix, ...parsePointer(error.instancePath)],
    keyword: error.keyword,
    params: error.params,
    message: error.message ?? error.keyword,
    parentSchema: error.parentSchema,
    ...(typeof error.propertyName === 'string' ? { propertyName: error.propertyName } : {}),
  }));
}

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
