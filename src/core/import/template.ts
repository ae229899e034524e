/**
 * Reading a CloudFormation or SAM template (YAML with the short-form intrinsic tags, or
 * JSON) into a small tree where every key and value keeps its [start, end) offsets in
 * the template's text. Everything after this (SAM expansion, resolution, mapping, the
 * source map) works on this tree, so a finding about an imported value can be put back
 * on the template line it came from.
 *
 * JSON is read by the same YAML parser (JSON is YAML 1.2 flow syntax), which keeps ranges.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type ScalarTag, type CollectionTag } from 'yaml';
import type { OffsetRange } from '../text/line-index';

export type TemplateValue = TemplateScalar | TemplateMap | TemplateList | TemplateIntrinsic;

export interface TemplateScalar {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly range: OffsetRange;
}

export interface TemplateEntry {
  readonly key: string;
  readonly keyRange: OffsetRange;
  readonly value: TemplateValue;
}

export interface TemplateMap {
  readonly kind: 'map';
  readonly entries: readonly TemplateEntry[];
  readonly range: OffsetRange;
}

export interface TemplateList {
  readonly kind: 'list';
  readonly items: readonly TemplateValue[];
  readonly range: OffsetRange;
}

/** `!Ref x`, `{ "Fn::GetAtt": [...] }`: `name` without `Fn::` (`Ref`, `GetAtt`, `Sub`, …). */
export interface TemplateIntrinsic {
  readonly kind: 'intrinsic';
  readonly name: string;
  readonly argument: TemplateValue;
  readonly range: OffsetRange;
}

export interface TemplateResource {
  /** The logical id, unchanged. */
  readonly id: string;
  readonly idRange: OffsetRange;
  /** `AWS::SQS::Queue`; empty when missing or not a string. */
  readonly type: string;
  readonly typeRange: OffsetRange | undefined;
  readonly condition: string | undefined;
  readonly properties: TemplateMap | undefined;
  /** The whole resource entry (`Type`, `Properties`, `Condition`, …). */
  readonly body: TemplateMap;
}

export interface TemplateMacro {
  /** `Fn::Transform`, `Fn::ForEach::Topics`. */
  readonly key: string;
  readonly keyRange: OffsetRange;
  /** The macro's `Name` (`AWS::Include`), for `Fn::Transform`. */
  readonly name: string | undefined;
}

export interface TemplateProblem extends OffsetRange {
  readonly message: string;
  /**
   * `TOO_LARGE`: the template was not read (see MAX_TEMPLATE_LENGTH). `DUPLICATE_KEY`: a key
   * repeated in a map; the first is read, and the import goes on (public templates have
   * them, in Outputs say, and deploy). Otherwise a YAML or JSON error.
   */
  readonly code?: 'TOO_LARGE' | 'DUPLICATE_KEY';
}

export interface Template {
  readonly format: 'yaml' | 'json';
  /** `Transform` values: `AWS::Serverless-2016-10-31`, macro names. */
  readonly transforms: readonly string[];
  /** The top-level sections, by name (`Parameters`, `Mappings`, `Conditions`, `Globals`, `Outputs`, …). */
  readonly sections: ReadonlyMap<string, TemplateEntry>;
  /** In template order. */
  readonly resources: readonly TemplateResource[];
  /**
   * Entries of `Resources` that are not resources but instructions to a transform:
   * `Fn::Transform` (a macro such as AWS::Include adds resources) and `Fn::ForEach::<name>`
   * (AWS::LanguageExtensions makes resources from a list). Named, never expanded.
   */
  readonly macros: readonly TemplateMacro[];
  /** YAML/JSON syntax errors: the template is still read as far as the parser got. */
  readonly problems: readonly TemplateProblem[];
}

/** The short-form tags CloudFormation accepts (`!Ref`, `!GetAtt`, …). */
export const INTRINSIC_TAGS = [
  'Ref',
  'Condition',
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'Length',
  'ToJsonString',
  'ForEach',
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
  'Implies',
] as const;

const identity = <T>(value: T): T => value;

/**
 * Every short-form tag, as a scalar, a sequence and a mapping, resolved to the node the
 * parser built: the reader reads the tag from the node. Built once.
 */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = INTRINSIC_TAGS.flatMap((name) => {
  const tag = `!${name}`;
  return [
    { tag, resolve: identity } as ScalarTag,
    { tag, collection: 'seq', resolve: identity } as unknown as CollectionTag,
    { tag, collection: 'map', resolve: identity } as unknown as CollectionTag,
  ];
});

/** Keys of a one-key map that make it an intrinsic function in long form. */
function longFormName(key: string): string | undefined {
  if (key === 'Ref') return 'Ref';
  if (key.startsWith('Fn::') && key.length > 4) return key.slice(4);
  return undefined;
}

/**
 * Reads a template's text. Never throws: syntax errors are `problems`, and what the
 * parser could read is still returned.
 */
export function readTemplate(text: string): Template {
  const { root, problems } = parseTemplateText(text);
  return assembleTemplate(templateFormat(text), root, problems);
}

/** JSON when the text opens a map or a list; YAML otherwise. */
export function templateFormat(text: string): Template['format'] {
  // Not /^\s*[{[]/: V8 tries that at every offset of a YAML text before it gives up.
  const first = text[text.search(/\S/)];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

/**
 * How every template text (or piece of one, see TemplateReader) is parsed. Duplicate keys
 * are found by `convert` with a Set: the parser's own check compares each key with every
 * other, which takes minutes on a Resources map of tens of thousands.
 */
const PARSE_OPTIONS = {
  customTags: CUSTOM_TAGS,
  keepSourceTokens: false,
  uniqueKeys: false,
  prettyErrors: false,
  strict: false,
} as const;

/** A text parsed and converted: its root value (none for an empty text) and its problems, offsets from the text's start. */
export function parseTemplateText(text: string): { root: TemplateValue | undefined; problems: TemplateProblem[] } {
  const document = parseDocument(text, PARSE_OPTIONS);
  const problems: TemplateProblem[] = document.errors.map((error) => ({
    start: error.pos[0],
    end: Math.max(error.pos[1], error.pos[0]),
    message: firstLine(error.message),
  }));
  const root = document.contents ? convert(document.contents as YamlNode, problems) : undefined;
  return { root, problems };
}

/**
 * A piece of a template that must be a map (a top-level section, one resource): its
 * entries, each converted, its duplicate keys, how many pairs it has and where the map
 * ends (after its last line, which its last value may not reach); undefined when
 * the piece has a YAML error, or is anything but a block map with no tag. Offsets from the
 * piece's start.
 */
export function parseTemplateEntries(
  text: string,
): { entries: TemplateEntry[]; problems: TemplateProblem[]; pairs: number; end: number } | undefined {
  const document = parseDocument(text, PARSE_OPTIONS);
  const root = document.contents;
  if (document.errors.length > 0 || !isMap(root) || root.flow || root.tag !== undefined) return undefined;
  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  const entries: TemplateEntry[] = [];
  for (const pair of root.items) {
    const entry = convertPair(pair, problems, seen);
    if (entry) entries.push(entry);
  }
  return { entries, problems, pairs: root.items.length, end: rangeOf(root).end };
}

/** The template a converted root value makes: its sections, transforms, resources and macros. */
export function assembleTemplate(format: Template['format'], root: TemplateValue | undefined, problems: TemplateProblem[]): Template {
  const sections = new Map<string, TemplateEntry>();
  const resources: TemplateResource[] = [];
  const transforms: string[] = [];
  const macros: TemplateMacro[] = [];
  if (root?.kind === 'map') {
    for (const entry of root.entries) if (!sections.has(entry.key)) sections.set(entry.key, entry);
    const transform = sections.get('Transform')?.value;
    if (transform?.kind === 'scalar' && typeof transform.value === 'string') transforms.push(transform.value);
    else if (transform?.kind === 'list')
      for (const item of transform.items) if (item.kind === 'scalar' && typeof item.value === 'string') transforms.push(item.value);
    const resourceSection = sections.get('Resources')?.value;
    if (resourceSection?.kind === 'map') {
      for (const entry of resourceSection.entries) {
        if (entry.key === 'Fn::Transform' || entry.key.startsWith('Fn::ForEach::')) {
          const name = field(entry.value, 'Name');
          macros.push({
            key: entry.key,
            keyRange: entry.keyRange,
            name: name?.kind === 'scalar' && typeof name.value === 'string' ? name.value : undefined,
          });
          continue;
        }
        if (entry.value.kind !== 'map') continue;
        const body = entry.value;
        const typeValue = field(body, 'Type');
        const condition = field(body, 'Condition');
        const properties = field(body, 'Properties');
        resources.push({
          id: entry.key,
          idRange: entry.keyRange,
          type: typeValue?.kind === 'scalar' && typeof typeValue.value === 'string' ? typeValue.value : '',
          typeRange: typeValue?.range,
          condition: condition?.kind === 'scalar' && typeof condition.value === 'string' ? condition.value : undefined,
          properties: properties?.kind === 'map' ? properties : undefined,
          body,
        });
      }
    }
  }
  return { format, transforms, sections, resources, macros, problems };
}

/** Whether the text is a CloudFormation or SAM template: `AWSTemplateFormatVersion`, the SAM transform, or a resource of an `AWS::` type. */
export function isTemplate(template: Template): boolean {
  if (template.sections.has('AWSTemplateFormatVersion')) return true;
  if (template.transforms.some((t) => t.startsWith('AWS::Serverless'))) return true;
  return template.resources.some((r) => r.type.startsWith('AWS::'));
}

/** The value of a key in a map, if the key is there. */
export function field(map: TemplateValue | undefined, key: string): TemplateValue | undefined {
  if (map?.kind !== 'map') return undefined;
  for (const entry of map.entries) if (entry.key === key) return entry.value;
  return undefined;
}

/** The entry (key and value) of a key in a map. */
export function entryOf(map: TemplateValue | undefined, key: string): TemplateEntry | undefined {
  if (map?.kind !== 'map') return undefined;
  return map.entries.find((entry) => entry.key === key);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function rangeOf(node: YamlNode): OffsetRange {
  const range = node.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

function convert(node: YamlNode, problems: TemplateProblem[]): TemplateValue {
  const value = convertPlain(node, problems);
  const tag = node.tag;
  if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
    const name = tag.slice(1);
    return { kind: 'intrinsic', name, argument: value, range: value.range };
  }
  return value;
}

function convertPlain(node: YamlNode, problems: TemplateProblem[]): TemplateValue {
  const range = rangeOf(node);
  if (isScalar(node)) {
    const v = node.value;
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'bigint' ? Number(v) : null;
    return { kind: 'scalar', value, range };
  }
  if (isSeq(node)) {
    return {
      kind: 'list',
      items: node.items.map((item) =>
        item && typeof item === 'object' && 'range' in item
          ? convert(item as YamlNode, problems)
          : { kind: 'scalar', value: null, range: { start: range.end, end: range.end } },
      ),
      range,
    };
  }
  if (isMap(node)) {
    const entries: TemplateEntry[] = [];
    const seen = new Set<string>();
    for (const pair of node.items) {
      const entry = convertPair(pair, problems, seen);
      if (entry) entries.push(entry);
    }
    return mapValue(entries, range);
  }
  // An alias or anything the parser could not build: a null the mapping leaves out.
  return { kind: 'scalar', value: null, range };
}

/**
 * A map entry: undefined for a key that is not a plain scalar, and for a key already in
 * `seen` (a `DUPLICATE_KEY` problem: the first is read, this value is not converted).
 */
export function convertPair(pair: unknown, problems: TemplateProblem[], seen: Set<string>): TemplateEntry | undefined {
  if (!isPair(pair)) return undefined;
  const keyNode = pair.key as YamlNode | null;
  if (!keyNode || !isScalar(keyNode) || keyNode.value === null || keyNode.value === undefined) return undefined;
  const keyRange = rangeOf(keyNode);
  const key = String(keyNode.value);
  if (seen.has(key)) {
    problems.push(duplicateKey(key, keyRange));
    return undefined;
  }
  seen.add(key);
  const valueNode = pair.value as YamlNode | null;
  const value: TemplateValue =
    valueNode && typeof valueNode === 'object' && 'range' in valueNode
      ? convert(valueNode, problems)
      : { kind: 'scalar', value: null, range: { start: keyRange.end, end: keyRange.end } };
  return { key, keyRange, value };
}

export function duplicateKey(key: string, keyRange: OffsetRange): TemplateProblem {
  return { ...keyRange, code: 'DUPLICATE_KEY', message: `Map keys must be unique: '${key}' is already defined` };
}

/** A map's entries as a value: a map of one `Ref` or `Fn::…` key is that intrinsic function in long form. */
export function mapValue(entries: TemplateEntry[], range: OffsetRange): TemplateMap | TemplateIntrinsic {
  if (entries.length === 1) {
    const name = longFormName(entries[0]!.key);
    if (name) return { kind: 'intrinsic', name, argument: entries[0]!.value, range };
  }
  return { kind: 'map', entries, range };
}
