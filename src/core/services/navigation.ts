/**
 * Go to definition, find references, document highlights and rename for resource ids.
 * An id is written in two roles: once as the key under `resources` (the declaration)
 * and any number of times as a reference (flow strings, `deadLetter.target`,
 * `onFailure`, `volumes`, also inside `defaults`). Every service here starts from the
 * same list of occurrences, so they always agree on what counts as "the same id".
 */
import type { Analysis } from '../analyze';
import { Edits, type TextEdit } from '../edit/edits';
import type { Model } from '../model/model';
import { findPair, isMap, isScalar, isSeq, type YNode, type YScalar } from '../parse/ast';
import { RESOURCE_ID } from '../parse/flows';
import type { OffsetRange } from '../text/line-index';
import type { HighlightEntry, RenameResult } from './types';

interface Occurrence {
  readonly id: string;
  /** The id's own characters: inside the quotes of a quoted scalar. */
  readonly range: OffsetRange;
  /** The text at `range` is the id itself, so it can be replaced in place. */
  readonly exact: boolean;
  readonly declaration: boolean;
  /** The scalar holding nothing but the id; absent for ids inside a flow string. */
  readonly scalar?: YScalar;
}

interface WrittenId {
  readonly range: OffsetRange;
  readonly exact: boolean;
}

/**
 * Where the id held by `node` is written: the scalar itself when plain, between the
 * quotes when quoted without escapes, the whole scalar (inexact) otherwise.
 */
export function writtenIdRange(text: string, node: OffsetRange, id: string): WrittenId {
  const written = text.slice(node.start, node.end);
  if (written === id) return { range: { start: node.start, end: node.end }, exact: true };
  if (written === `"${id}"` || written === `'${id}'`) return { range: { start: node.start + 1, end: node.end - 1 }, exact: true };
  return { range: { start: node.start, end: node.end }, exact: false };
}

/** Highlights follow the cursor: the list is built once per model, not once per request. */
const occurrenceCache = new WeakMap<Model, readonly Occurrence[]>();

function occurrencesOf(analysis: Analysis): readonly Occurrence[] {
  const { model, text } = analysis;
  const cached = occurrenceCache.get(model);
  if (cached) return cached;
  const occurrences: Occurrence[] = [];
  for (const resource of model.resources) {
    occurrences.push({ id: resource.id, ...writtenIdRange(text, resource.key, resource.id), declaration: true, scalar: resource.key });
  }
  for (const reference of model.references) {
    if (reference.kind === 'flow') {
      const exact = text.slice(reference.start, reference.end) === reference.id;
      occurrences.push({ id: reference.id, range: { start: reference.start, end: reference.end }, exact, declaration: false });
    } else {
      occurrences.push({
        id: reference.id,
        ...writtenIdRange(text, reference.node, reference.id),
        declaration: false,
        scalar: reference.node,
      });
    }
  }
  for (const scalar of referencesInDefaults(model)) {
    const id = String(scalar.value);
    occurrences.push({ id, ...writtenIdRange(text, scalar, id), declaration: false, scalar });
  }
  occurrences.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  occurrenceCache.set(model, occurrences);
  return occurrences;
}

/**
 * `defaults.<type>.deadLetter.target` and `defaults.<type>.volumes` name resources too,
 * but the model leaves them out of `references` (they would repeat once per resource).
 * Rename must still reach them, or it would leave a dangling id behind.
 */
function referencesInDefaults(model: Model): YScalar[] {
  const defaults = findPair(model.root, 'defaults')?.value;
  if (!isMap(defaults)) return [];
  const found: YScalar[] = [];
  for (const typePair of defaults.items) {
    if (!isMap(typePair.value)) continue;
    const deadLetter = findPair(typePair.value, 'deadLetter')?.value;
    const target = isMap(deadLetter) ? findPair(deadLetter, 'target')?.value : undefined;
    if (isStringScalar(target)) found.push(target);
    const volumes = findPair(typePair.value, 'volumes')?.value;
    if (isSeq(volumes)) {
      // As in the model: a volume names a resource only when such a resource exists.
      for (const item of volumes.items) if (isStringScalar(item) && model.byId.has(item.value)) found.push(item);
    }
  }
  return found;
}

function isStringScalar(node: YNode | null | undefined): node is YScalar & { value: string } {
  return isScalar(node) && typeof node.value === 'string';
}

/**
 * The occurrence under the cursor; a cursor just after the id counts. Ids inside a
 * flow string written with escapes have no position of their own, so none is "under" it.
 */
function occurrenceAt(analysis: Analysis, offset: number): Occurrence | undefined {
  let touching: Occurrence | undefined;
  for (const occurrence of occurrencesOf(analysis)) {
    if (!occurrence.exact && !occurrence.scalar) continue;
    const { start, end } = occurrence.range;
    if (start > offset) break;
    if (offset < end) return occurrence;
    if (offset === end) touching = occurrence;
  }
  return touching;
}

function sameId(analysis: Analysis, id: string): readonly Occurrence[] {
  const seen = new Set<string>();
  const result: Occurrence[] = [];
  for (const occurrence of occurrencesOf(analysis)) {
    if (occurrence.id !== id) continue;
    // An alias shares its anchor's node: one place in the text, however many references.
    const key = `${occurrence.range.start}:${occurrence.range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(occurrence);
  }
  return result;
}

function rangeOf(occurrence: Occurrence): OffsetRange {
  return { start: occurrence.range.start, end: occurrence.range.end };
}

/** The key of the resource the id at `offset` names (several when the key is duplicated); [] when it names none. */
export function definition(analysis: Analysis, offset: number): OffsetRange[] {
  const at = occurrenceAt(analysis, offset);
  if (!at) return [];
  return sameId(analysis, at.id)
    .filter((o) => o.declaration)
    .map(rangeOf);
}

/** Every place the id at `offset` is used, in document order; also its key when `includeDeclaration`. */
export function references(analysis: Analysis, offset: number, includeDeclaration: boolean): OffsetRange[] {
  const at = occurrenceAt(analysis, offset);
  if (!at) return [];
  return sameId(analysis, at.id)
    .filter((o) => includeDeclaration || !o.declaration)
    .map(rangeOf);
}

export function documentHighlights(analysis: Analysis, offset: number): HighlightEntry[] {
  const at = occurrenceAt(analysis, offset);
  if (!at) return [];
  return sameId(analysis, at.id).map((o) => ({ ...rangeOf(o), kind: o.declaration ? 'write' : 'read' }));
}

const NOT_ON_ID =
  'Only a resource id can be renamed: put the cursor on a key under `resources`, or on an id in a flow, `deadLetter.target`, `onFailure` or `volumes`.';

/** The id's range to pre-fill the rename box with, or why it cannot be renamed. */
export function prepareRename(analysis: Analysis, offset: number): OffsetRange | { error: string } {
  const at = occurrenceAt(analysis, offset);
  if (!at) return { error: NOT_ON_ID };
  if (!analysis.model.byId.has(at.id)) {
    return {
      error: `'${shorten(at.id)}' is not defined under \`resources\`, so there is nothing to rename. Define it, or correct this reference.`,
    };
  }
  return rangeOf(at);
}

const FIFO_SUFFIX = '.fifo';
/** Plain scalars that YAML reads as something other than a string: an id there must be quoted. */
const NOT_A_PLAIN_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/**
 * Rename the resource whose id is at `offset`: its key and every reference. Quoting is
 * kept as written (`"orders":` stays quoted), comments and everything else byte for byte.
 */
export function rename(analysis: Analysis, offset: number, newName: string): RenameResult {
  const prepared = prepareRename(analysis, offset);
  if ('error' in prepared) return prepared;
  const at = occurrenceAt(analysis, offset);
  if (!at) return { error: NOT_ON_ID };
  const oldId = at.id;
  const { model, text } = analysis;
  if (!RESOURCE_ID.test(newName)) {
    return {
      error: `'${shorten(newName)}' is not a valid resource id: an id starts with a letter and uses letters, digits, '_', '.' and '-' (80 characters at most).`,
    };
  }
  if (newName === oldId) return { edits: [] };
  const taken = model.byId.get(newName);
  if (taken) return { error: `A resource named '${newName}' already exists (line ${lineOf(analysis, taken.key.start)}).` };
  for (const resource of model.resources) {
    if (resource.id !== oldId || !resource.fifo || resource.physicalName !== oldId) continue;
    if (resource.type !== 'sqs' && resource.type !== 'sns') continue;
    if (oldId.endsWith(FIFO_SUFFIX) && !newName.endsWith(FIFO_SUFFIX)) {
      const kind = resource.type === 'sqs' ? 'queue' : 'topic';
      return {
        error: `'${oldId}' is a FIFO ${kind} whose id is its AWS name, and AWS requires a FIFO ${kind}'s name to end in .fifo: ${`${newName}${FIFO_SUFFIX}` === oldId ? 'keep the suffix, or ' : `rename it to '${newName}${FIFO_SUFFIX}', or `}set \`name:\` to keep the physical name.`,
      };
    }
  }

  const occurrences = sameId(analysis, oldId);
  const unplaced = occurrences.find((o) => !o.exact && !o.scalar);
  if (unplaced) {
    return {
      error: `The flow on line ${lineOf(analysis, unplaced.range.start)} writes '${oldId}' with escape sequences, so its position in the text is unknown. Write that flow without escapes, then rename.`,
    };
  }
  const unquotable = occurrences.find((o) => !o.exact && text[o.range.start] !== '"');
  if (unquotable) {
    return {
      error: `'${oldId}' on line ${lineOf(analysis, unquotable.range.start)} is written in a form awsflow cannot rewrite in place (a block scalar). Write it as a plain id, then rename.`,
    };
  }

  // Edits.renameResource covers every key and every reference written exactly as the id;
  // what it leaves (quoted keys it would unquote, quoted or escaped references, ids in
  // `defaults`) is rewritten here, and plain scalars that YAML would read as a boolean
  // or null get quotes.
  const base = new Edits(text).renameResource(model, oldId, newName);
  const byStart = new Map<number, TextEdit>();
  for (const edit of base) byStart.set(edit.start, edit);
  const edits: TextEdit[] = [];
  for (const occurrence of occurrences) {
    const planned = byStart.get(occurrence.range.start);
    const inPlace = occurrence.exact && planned !== undefined && planned.end === occurrence.range.end;
    edits.push(inPlace ? quotedIfNeeded(planned, occurrence, text) : editFor(occurrence, newName, text));
  }
  return { edits: edits.sort((a, b) => a.start - b.start) };
}

function quotedIfNeeded(edit: TextEdit, occurrence: Occurrence, text: string): TextEdit {
  return plainScalar(occurrence, text) && NOT_A_PLAIN_STRING.test(edit.newText) ? { ...edit, newText: `"${edit.newText}"` } : edit;
}

function editFor(occurrence: Occurrence, newName: string, text: string): TextEdit {
  const { start, end } = occurrence.range;
  // An escaped scalar ("ord\x65rs") is replaced whole, by the same double-quoted style.
  if (!occurrence.exact) return { start, end, newText: `"${newName}"` };
  if (plainScalar(occurrence, text) && NOT_A_PLAIN_STRING.test(newName)) return { start, end, newText: `"${newName}"` };
  return { start, end, newText: newName };
}

function plainScalar(occurrence: Occurrence, text: string): boolean {
  const scalar = occurrence.scalar;
  return scalar !== undefined && !scalar.quoted && text.slice(scalar.start, scalar.end) === occurrence.id;
}

function lineOf(analysis: Analysis, offset: number): number {
  return analysis.lineIndex.positionAt(offset).line + 1;
}

function shorten(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
