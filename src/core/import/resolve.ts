/**
 * Resolving a template's intrinsic functions as far as a template read on its own allows:
 * parameters take their `Default`, conditions are evaluated from those, `Ref`/`GetAtt` of
 * a resource become a reference to its logical id, `Sub`/`Join`/`Select`/`Split`/
 * `FindInMap`/`If` are computed when their parts are known. What is known only at deploy
 * (pseudo parameters, a parameter without a default, an export of a stack not imported)
 * stays unresolved, with the reason, so the writer can say why a value was left out.
 */
import { field, type Template, type TemplateValue } from './template';
import type { OffsetRange } from '../text/line-index';

export type Resolved =
  | { readonly kind: 'literal'; readonly value: string | number | boolean; readonly range: OffsetRange }
  /** A `Ref` or `GetAtt` of a resource of this template (or, through an export, of another stack). */
  | { readonly kind: 'resource'; readonly id: string; readonly attribute: string | undefined; readonly range: OffsetRange }
  | { readonly kind: 'list'; readonly items: readonly Resolved[]; readonly range: OffsetRange }
  /** A map (an event pattern, a filter policy), with its intrinsics left for the caller. */
  | { readonly kind: 'map'; readonly value: TemplateValue; readonly range: OffsetRange }
  /** `AWS::NoValue`, or a key with no value: as if the property were not written. */
  | { readonly kind: 'absent'; readonly range: OffsetRange }
  /** Not known from the template alone. `resources`: the logical ids it mentions (a `Sub` naming one queue). */
  | { readonly kind: 'unresolved'; readonly reason: string; readonly resources: readonly string[]; readonly range: OffsetRange };

/** Where an export (`Outputs.*.Export.Name`) of a stack read with this one points. */
export interface ExportTarget {
  readonly id: string;
  readonly attribute: string | undefined;
}

export class Resolver {
  private readonly parameters: ReadonlyMap<string, TemplateValue | undefined>;
  private readonly resourceIds: ReadonlySet<string>;
  private readonly conditionCache = new Map<string, boolean | undefined>();
  private readonly conditionsInProgress = new Set<string>();

  constructor(
    private readonly template: Template,
    /** Export name -> resource, for `ImportValue` across the stacks of one import. */
    private readonly exports: ReadonlyMap<string, ExportTarget> = new Map(),
    /** Resource ids added by SAM (implicit APIs, generated rules) that a Ref may name. */
    extraIds: readonly string[] = [],
  ) {
    const parameters = new Map<string, TemplateValue | undefined>();
    const section = template.sections.get('Parameters')?.value;
    if (section?.kind === 'map') for (const entry of section.entries) parameters.set(entry.key, field(entry.value, 'Default'));
    this.parameters = parameters;
    this.resourceIds = new Set([...template.resources.map((r) => r.id), ...extraIds]);
  }

  hasResource(id: string): boolean {
    return this.resourceIds.has(id);
  }

  resolve(value: TemplateValue | undefined, depth = 0): Resolved {
    if (!value) return { kind: 'absent', range: { start: 0, end: 0 } };
    const range = value.range;
    if (depth > 50) return unresolved('nested too deep to resolve', range);
    switch (value.kind) {
      case 'scalar':
        return value.value === null ? { kind: 'absent', range } : { kind: 'literal', value: value.value, range };
      case 'list':
        return { kind: 'list', items: value.items.map((item) => this.resolve(item, depth + 1)), range };
      case 'map':
        return { kind: 'map', value, range };
      case 'intrinsic':
        return this.intrinsic(value.name, value.argument, range, depth + 1);
    }
  }

  private intrinsic(name: string, argument: TemplateValue, range: OffsetRange, depth: number): Resolved {
    const args = argument.kind === 'list' ? argument.items : [];
    switch (name) {
      case 'Ref':
        return this.ref(argument, range);
      case 'GetAtt': {
        let id: string | undefined;
        let attribute: string | undefined;
        if (argument.kind === 'scalar' && typeof argument.value === 'string') {
          const dot = argument.value.indexOf('.');
          id = dot === -1 ? argument.value : argument.value.slice(0, dot);
          attribute = dot === -1 ? undefined : argument.value.slice(dot + 1);
        } else if (args.length >= 1 && args[0]!.kind === 'scalar') {
          id = String(args[0]!.value);
          const second = args[1] ? this.resolve(args[1], depth) : undefined;
          attribute = second?.kind === 'literal' ? String(second.value) : undefined;
        }
        if (id && this.resourceIds.has(id)) return { kind: 'resource', id, attribute, range };
        return unresolved(`!GetAtt of '${id ?? '?'}', which is not a resource of this template`, range);
      }
      case 'Sub':
        return this.sub(argument, range, depth);
      case 'Join': {
        const delimiter = args[0] ? this.resolve(args[0], depth) : undefined;
        const list = args[1] ? this.resolve(args[1], depth) : undefined;
        if (delimiter?.kind !== 'literal' || list?.kind !== 'list')
          return unresolved(`!Join of values known only at deploy${mentions(list)}`, range, list ? resourcesIn(list) : []);
        const parts: string[] = [];
        for (const item of list.items) {
          if (item.kind !== 'literal') return unresolved(`!Join of values known only at deploy${mentions(list)}`, range, resourcesIn(list));
          parts.push(String(item.value));
        }
        return { kind: 'literal', value: parts.join(String(delimiter.value)), range };
      }
      case 'Select': {
        const index = args[0] ? this.resolve(args[0], depth) : undefined;
        const list = args[1] ? this.resolve(args[1], depth) : undefined;
        if (index?.kind === 'literal' && list?.kind === 'list') {
          const item = list.items[Number(index.value)];
          if (item) return item;
        }
        return unresolved('!Select from a list known only at deploy', range, list ? resourcesIn(list) : []);
      }
      case 'Split': {
        const delimiter = args[0] ? this.resolve(args[0], depth) : undefined;
        const source = args[1] ? this.resolve(args[1], depth) : undefined;
        if (delimiter?.kind === 'literal' && source?.kind === 'literal') {
          return {
            kind: 'list',
            items: String(source.value)
              .split(String(delimiter.value))
              .map((value) => ({ kind: 'literal', value, range })),
            range,
          };
        }
        return unresolved('!Split of a value known only at deploy', range);
      }
      case 'If': {
        const condition = args[0]?.kind === 'scalar' ? String(args[0].value) : undefined;
        const verdict = condition === undefined ? undefined : this.condition(condition);
        if (verdict === undefined) return unresolved(`depends on condition '${condition ?? '?'}', which is known only at deploy`, range);
        return this.resolve(verdict ? args[1] : args[2], depth);
      }
      case 'FindInMap': {
        const keys = args.map((arg) => this.resolve(arg, depth));
        if (keys.length >= 3 && keys.slice(0, 3).every((k) => k.kind === 'literal')) {
          const [mapName, top, second] = keys.slice(0, 3).map((k) => String((k as { value: unknown }).value));
          const found = field(field(field(this.template.sections.get('Mappings')?.value, mapName!), top!), second!);
          if (found) return this.resolve(found, depth);
          return unresolved(`!FindInMap [${mapName}, ${top}, ${second}] is not in the template's Mappings`, range);
        }
        return unresolved('!FindInMap with a key known only at deploy', range);
      }
      case 'ImportValue': {
        const exportName = this.resolve(argument, depth);
        if (exportName.kind === 'literal') {
          const target = this.exports.get(String(exportName.value));
          if (target) return { kind: 'resource', id: target.id, attribute: target.attribute, range };
          return unresolved(`imported from another stack (export '${exportName.value}')`, range);
        }
        return unresolved('imported from another stack', range);
      }
      case 'GetAZs':
        return unresolved('!GetAZs is known only at deploy', range);
      case 'Base64':
      case 'Cidr':
      case 'Length':
      case 'ToJsonString':
        return unresolved(`!${name} is not evaluated by the import`, range);
      case 'Transform': {
        const macro = argument.kind === 'map' ? argument.entries.find((entry) => entry.key === 'Name')?.value : undefined;
        const macroName = macro?.kind === 'scalar' && typeof macro.value === 'string' ? ` '${macro.value}'` : '';
        return unresolved(`a macro${macroName} (Fn::Transform) decides it at deploy`, range);
      }
      default:
        return unresolved(`unknown intrinsic function '${name}'`, range);
    }
  }

  private ref(argument: TemplateValue, range: OffsetRange): Resolved {
    if (argument.kind !== 'scalar' || typeof argument.value !== 'string') return unresolved('!Ref of something that is not a name', range);
    const name = argument.value;
    if (name === 'AWS::NoValue') return { kind: 'absent', range };
    if (name.startsWith('AWS::')) return unresolved(`${name} is known only at deploy`, range);
    if (this.resourceIds.has(name)) return { kind: 'resource', id: name, attribute: undefined, range };
    if (this.parameters.has(name)) {
      const fallback = this.parameters.get(name);
      if (!fallback) return unresolved(`parameter '${name}' has no Default`, range);
      const resolved = this.resolve(fallback, 1);
      // The value comes from the parameter's default, but it is written where the Ref is.
      return resolved.kind === 'literal' ? { ...resolved, range } : resolved;
    }
    return unresolved(`!Ref of '${name}', which is neither a parameter nor a resource of this template`, range);
  }

  private sub(argument: TemplateValue, range: OffsetRange, depth: number): Resolved {
    let pattern: TemplateValue | undefined = argument;
    const variables = new Map<string, Resolved>();
    if (argument.kind === 'list') {
      pattern = argument.items[0];
      const vars = argument.items[1];
      if (vars?.kind === 'map') for (const entry of vars.entries) variables.set(entry.key, this.resolve(entry.value, depth));
    }
    if (pattern?.kind !== 'scalar' || typeof pattern.value !== 'string') return unresolved('!Sub of something that is not a string', range);
    let text = '';
    let reason: string | undefined;
    const resources: string[] = [];
    const source = pattern.value;
    const placeholder = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let match = placeholder.exec(source); match; match = placeholder.exec(source)) {
      text += source.slice(last, match.index);
      last = match.index + match[0].length;
      const name = match[1]!.trim();
      if (name.startsWith('!')) {
        text += '${' + name.slice(1) + '}';
        continue;
      }
      let value = variables.get(name);
      if (!value) {
        const dot = name.indexOf('.');
        if (dot !== -1 && this.resourceIds.has(name.slice(0, dot)))
          value = { kind: 'resource', id: name.slice(0, dot), attribute: name.slice(dot + 1), range };
        else value = this.ref({ kind: 'scalar', value: name, range }, range);
      }
      if (value.kind === 'literal') text += String(value.value);
      else {
        if (value.kind === 'resource') resources.push(value.id);
        else if (value.kind === 'unresolved') resources.push(...value.resources);
        reason ??=
          value.kind === 'resource'
            ? `names resource '${value.id}', known only at deploy`
            : value.kind === 'unresolved'
              ? value.reason
              : `\${${name}} has no value`;
      }
    }
    text += source.slice(last);
    if (reason === undefined) return { kind: 'literal', value: text, range };
    return unresolved(reason, range, resources);
  }

  /** A condition's value with the parameters at their defaults; undefined when it depends on something else. */
  condition(name: string): boolean | undefined {
    if (this.conditionCache.has(name)) return this.conditionCache.get(name);
    if (this.conditionsInProgress.has(name)) return undefined;
    this.conditionsInProgress.add(name);
    const body = field(this.template.sections.get('Conditions')?.value, name);
    const verdict = body ? this.evaluate(body, 0) : undefined;
    this.conditionsInProgress.delete(name);
    this.conditionCache.set(name, verdict);
    return verdict;
  }

  private evaluate(value: TemplateValue, depth: number): boolean | undefined {
    if (depth > 30) return undefined;
    if (value.kind === 'scalar' && typeof value.value === 'boolean') return value.value;
    if (value.kind !== 'intrinsic') return undefined;
    const args = value.argument.kind === 'list' ? value.argument.items : [];
    switch (value.name) {
      case 'Condition':
        return value.argument.kind === 'scalar' ? this.condition(String(value.argument.value)) : undefined;
      case 'Equals': {
        const [a, b] = args.map((arg) => this.resolve(arg, depth + 1));
        if (a?.kind === 'literal' && b?.kind === 'literal') return String(a.value) === String(b.value);
        return undefined;
      }
      case 'Not': {
        const inner = args[0] ? this.evaluate(args[0], depth + 1) : undefined;
        return inner === undefined ? undefined : !inner;
      }
      case 'And':
      case 'Or': {
        const values = args.map((arg) => this.evaluate(arg, depth + 1));
        if (value.name === 'And') return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
        return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
      }
      default:
        return undefined;
    }
  }
}

function unresolved(reason: string, range: OffsetRange, resources: readonly string[] = []): Resolved {
  return { kind: 'unresolved', reason, resources, range };
}

/** The logical ids a resolved value names, at any depth. */
export function resourcesIn(value: Resolved): string[] {
  switch (value.kind) {
    case 'resource':
      return [value.id];
    case 'unresolved':
      return [...value.resources];
    case 'list':
      return value.items.flatMap(resourcesIn);
    default:
      return [];
  }
}

function mentions(value: Resolved | undefined): string {
  const ids = value ? resourcesIn(value) : [];
  return ids.length ? ` (names ${ids.map((id) => `'${id}'`).join(', ')})` : '';
}
