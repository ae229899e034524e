/**
 * Completion: what may be typed at the cursor. The document is usually half-typed there
 * (an unfinished line is a YAML error, so the tree rarely reaches the cursor), so where
 * the cursor sits — which map, which key, which value — is read from the text: the
 * indentation and `- ` markers of the lines above, and the `{ … }` / `[ … ]` still open
 * on the cursor's logical line. The model supplies what the rest of the file says:
 * resource ids and types, connections, findings.
 */
import schema from '../../../schemas/awsflow.schema.json';
import type { Analysis } from '../analyze';
import { classifyConnection, CONNECTION_KIND_TEXT, type Verdict } from '../model/connections';
import type { Resource } from '../model/model';
import {
  ACCOUNT_PROPERTIES, COMMON_PROPERTIES, CONNECTION_PROPERTIES, isResourceType, RESOURCE_TYPES, TYPE_PROPERTIES,
  type PropertySpec, type ResourceType,
} from '../model/properties';
import { RESOURCE_ID } from '../parse/flows';
import { formatBytes, formatMegabytes, formatSeconds, parseDuration, parseMegabytes, parseSize } from '../parse/values';
import { docsUrl, type DocsLinks } from '../rules/define-rule';
import { rules } from '../rules/index';
import type { CompletionEntry, CompletionKind } from './types';

interface SchemaNode {
  readonly description?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly then?: SchemaNode;
}

const SCHEMA = schema as unknown as { readonly properties: Readonly<Record<string, SchemaNode>>; readonly $defs: Readonly<Record<string, SchemaNode>> };

export const TYPE_DETAILS: Readonly<Record<ResourceType, string>> = {
  sqs: 'SQS queue', sns: 'SNS topic', kinesis: 'Kinesis data stream', firehose: 'Data Firehose delivery stream',
  lambda: 'Lambda function', ecs: 'ECS service', eks: 'EKS workload', apprunner: 'App Runner service',
  beanstalk: 'Elastic Beanstalk environment', ec2: 'EC2 instances', schedule: 'EventBridge scheduled rule',
  'api-gateway': 'API Gateway API', alb: 'Application Load Balancer', cloudfront: 'CloudFront distribution',
  dynamodb: 'DynamoDB table', s3: 'S3 bucket', rds: 'RDS or Aurora database', efs: 'EFS file system',
  client: 'client outside AWS',
  eventbridge: 'EventBridge event bus', stepfunctions: 'Step Functions state machine',
};

const TOP_LEVEL_KEYS = ['awsflow', 'name', 'description', 'region', 'account', 'defaults', 'rules', 'resources', 'flows'] as const;
const COMMON_KEYS = ['label', 'description', 'group', 'name'] as const;
const SINKS: readonly ResourceType[] = ['dynamodb', 'rds', 'efs'];

/** For a source type, the target types people connect it to, most usual first. */
const LIKELY_TARGETS: Readonly<Record<ResourceType, readonly ResourceType[]>> = {
  sqs: ['lambda', 'ecs', 'eks', 'ec2', 'beanstalk', 'apprunner'],
  sns: ['sqs', 'lambda', 'firehose'],
  kinesis: ['lambda', 'firehose', 'ecs', 'eks', 'ec2'],
  firehose: ['s3'],
  lambda: ['sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'rds', 'efs', 'lambda'],
  ecs: ['sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'rds', 'efs'],
  eks: ['sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'rds', 'efs'],
  apprunner: ['sqs', 'sns', 'kinesis', 'dynamodb', 's3', 'rds'],
  beanstalk: ['sqs', 'sns', 'kinesis', 'dynamodb', 's3', 'rds'],
  ec2: ['sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'rds', 'efs'],
  schedule: ['lambda', 'ecs', 'sqs', 'sns', 'kinesis', 'firehose', 'stepfunctions', 'eventbridge'],
  'api-gateway': ['lambda', 'sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'ecs'],
  alb: ['ecs', 'lambda', 'eks', 'ec2', 'beanstalk'],
  cloudfront: ['s3', 'alb', 'api-gateway', 'lambda'],
  dynamodb: ['lambda', 'kinesis'],
  s3: ['lambda', 'sqs', 'sns', 'eventbridge'],
  rds: ['lambda'],
  efs: ['lambda', 'ecs'],
  client: ['api-gateway', 'alb', 'cloudfront', 'sqs', 'sns', 'kinesis', 'firehose', 's3'],
  eventbridge: ['lambda', 'sqs', 'sns', 'stepfunctions', 'kinesis', 'firehose', 'ecs', 'api-gateway', 'eventbridge', 'client'],
  stepfunctions: ['lambda', 'sqs', 'sns', 'eventbridge', 'dynamodb', 'ecs', 'stepfunctions', 'kinesis', 'firehose'],
};

// ---------------------------------------------------------------------------------------
// The text: lines and what each line says.

class Doc {
  readonly starts: number[] = [];
  /** End of each line's content, before its line break. */
  readonly ends: number[] = [];
  readonly eol: string;
  private readonly shapes = new Map<number, LineShape>();

  constructor(readonly text: string) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.starts.push(start);
        this.ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
    this.starts.push(start);
    this.ends.push(text.length);
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  shape(line: number): LineShape {
    let shape = this.shapes.get(line);
    if (!shape) {
      shape = readLine(this.text, this.starts[line]!, this.ends[line]!);
      this.shapes.set(line, shape);
    }
    return shape;
  }

  /**
   * A line's indentation, whether it is empty or a comment, and whether it holds a
   * bracket: enough to pass over most lines without reading them whole (large files).
   * Packed in one number (indent × 4 + empty + 2 × brackets): it runs on every line.
   */
  glance(line: number): number {
    const start = this.starts[line]!;
    const end = this.ends[line]!;
    let p = start;
    while (p < end && this.text.charCodeAt(p) === 32) p++;
    let brackets = 0;
    for (let i = p; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 123 || c === 125 || c === 91 || c === 93) {
        brackets = 2;
        break;
      }
    }
    return (p - start) * 4 + (p === end || this.text.charCodeAt(p) === 35 ? 1 : 0) + brackets;
  }

  /** The indentation step the file uses (the smallest indentation of any line), 2 when none. */
  indentUnit(): string {
    let unit = 0;
    for (let line = 0; line < Math.min(this.lineCount, 2000); line++) {
      const glance = this.glance(line);
      const indent = glance >> 2;
      if ((glance & 1) === 0 && indent > 0 && (unit === 0 || indent < unit)) unit = indent;
    }
    return ' '.repeat(unit === 0 || unit > 8 ? 2 : unit);
  }
}

interface LineShape {
  /** Nothing but spaces, a comment, or a document marker. */
  readonly blank: boolean;
  readonly indent: number;
  /** Columns of the `- ` markers that open sequence items on this line. */
  readonly dashes: readonly number[];
  /** Column of the content after the indentation and the markers. */
  readonly contentCol: number;
  /** The block key (`key:`), outside quotes and brackets. */
  readonly key: string | undefined;
  /** What follows the key's colon, trimmed, without a comment. */
  readonly value: string;
  /** `{` and `[` opened minus closed on this line (a line inside a multi-line flow collection has a balance). */
  readonly net: number;
}

function readLine(text: string, start: number, end: number): LineShape {
  let p = start;
  while (p < end && text[p] === ' ') p++;
  const indent = p - start;
  const dashes: number[] = [];
  while (p < end && text[p] === '-' && (p + 1 === end || text[p + 1] === ' ' || text[p + 1] === '\t')) {
    dashes.push(p - start);
    p++;
    while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
  }
  const rest = text.slice(p, end);
  const blank = dashes.length === 0 && (rest.trim() === '' || rest.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(rest));
  const scan = scanContent(text, p, end);
  const key = scan.blockKey?.text;
  const valueEnd = scan.commentStart >= 0 ? scan.commentStart : end;
  const value = scan.blockKey ? text.slice(scan.blockKey.colon + 1, valueEnd).trim() : '';
  return { blank, indent, dashes, contentCol: p - start, key, value, net: scan.net };
}

// ---------------------------------------------------------------------------------------
// A character scanner for one logical line: block key, quotes, comments and open flow collections.

interface Frame {
  readonly open: '{' | '[';
  readonly start: number;
  /** Entries of a `{ … }` read so far: key -> value text. */
  readonly entries: Map<string, string>;
  /** The key of the entry being read, once its colon is seen. */
  key: string | undefined;
  /** Where the current key, value or item starts; -1 while only spaces were seen. */
  tokenStart: number;
}

interface Scan {
  readonly frames: Frame[];
  blockKey: { readonly text: string; readonly colon: number } | undefined;
  /** Start of the current token at block level (-1: none yet). */
  tokenStart: number;
  /** An open quote at the end of the scan. */
  quote: { readonly char: string; readonly start: number } | undefined;
  /** Start of a comment open at the end of the scan, or of the line's comment; -1 when none. */
  commentStart: number;
  net: number;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

function scanContent(text: string, from: number, to: number): Scan {
  const scan: Scan = { frames: [], blockKey: undefined, tokenStart: -1, quote: undefined, commentStart: -1, net: 0 };
  // Brackets inside a plain scalar (`see [docs]`) belong to the scalar, not to a collection.
  let plainDepth = 0;
  const top = (): Frame | undefined => scan.frames[scan.frames.length - 1];
  const tokenStart = (): number => top()?.tokenStart ?? scan.tokenStart;
  const setTokenStart = (at: number): void => {
    const frame = top();
    if (frame) frame.tokenStart = at;
    else scan.tokenStart = at;
  };
  const isSeparatorColon = (i: number): boolean => {
    const next = text[i + 1];
    if (i + 1 >= to || isSpace(next)) return true;
    if (scan.frames.length === 0) return false;
    if (next === ',' || next === '}' || next === ']') return true;
    // `{"key":value}`: after a quoted key the colon needs no space.
    const prev = text[i - 1];
    return (prev === '"' || prev === "'") && tokenStart() >= 0 && (text[tokenStart()] === '"' || text[tokenStart()] === "'");
  };
  const finishEntry = (frame: Frame, at: number): void => {
    if (frame.open !== '{') return;
    if (frame.key !== undefined) frame.entries.set(frame.key, frame.tokenStart >= 0 ? text.slice(frame.tokenStart, at).trim() : '');
    else if (frame.tokenStart >= 0) frame.entries.set(unquote(text.slice(frame.tokenStart, at).trim()), '');
  };

  let i = from;
  while (i < to) {
    const char = text[i]!;
    if (scan.quote) {
      if (scan.quote.char === '"' && char === '\\') {
        i += 2;
        continue;
      }
      if (char === scan.quote.char) {
        if (char === "'" && text[i + 1] === "'") {
          i += 2;
          continue;
        }
        scan.quote = undefined;
      }
      i++;
      continue;
    }
    if (char === '#' && (i === from || isSpace(text[i - 1]))) {
      let eol = i;
      while (eol < text.length && text[eol] !== '\n' && text[eol] !== '\r') eol++;
      scan.commentStart = i;
      if (eol >= to) break;
      i = eol;
      continue;
    }
    if ((char === '"' || char === "'") && tokenStart() === -1) {
      setTokenStart(i);
      scan.quote = { char, start: i };
      i++;
      continue;
    }
    if ((char === '{' || char === '[') && tokenStart() === -1) {
      scan.frames.push({ open: char, start: i, entries: new Map(), key: undefined, tokenStart: -1 });
      scan.net++;
      i++;
      continue;
    }
    if (char === '}' || char === ']') {
      const frame = top();
      if (frame) {
        finishEntry(frame, i);
        scan.frames.pop();
        // The closed collection is the parent's value.
        setTokenStart(frame.start);
        scan.net--;
      } else if (plainDepth > 0) {
        plainDepth--;
      } else {
        scan.net--;
      }
      i++;
      continue;
    }
    const frame = top();
    if (frame) {
      if (char === ',') {
        finishEntry(frame, i);
        frame.key = undefined;
        frame.tokenStart = -1;
      } else if (char === ':' && frame.open === '{' && frame.key === undefined && isSeparatorColon(i)) {
        frame.key = frame.tokenStart >= 0 ? unquote(text.slice(frame.tokenStart, i).trim()) : '';
        frame.tokenStart = -1;
      } else if (!isSpace(char) && frame.tokenStart === -1) {
        frame.tokenStart = i;
      }
      i++;
      continue;
    }
    if (char === ':' && !scan.blockKey && isSeparatorColon(i)) {
      scan.blockKey = { text: scan.tokenStart >= 0 ? unquote(text.slice(scan.tokenStart, i).trim()) : '', colon: i };
      scan.tokenStart = -1;
      plainDepth = 0;
    } else if (!isSpace(char)) {
      if (scan.tokenStart === -1) scan.tokenStart = i;
      else if (char === '{' || char === '[') plainDepth++;
    }
    i++;
  }
  return scan;
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

// ---------------------------------------------------------------------------------------
// Where the cursor is.

/** One step of the path from the root to the cursor: a map key, or (null) a sequence item. */
interface Segment {
  readonly key: string | null;
  /** The entries of the map holding this key (key -> value text). */
  readonly entries: () => ReadonlyMap<string, string>;
}

interface Place {
  readonly kind: 'key' | 'value';
  readonly path: readonly Segment[];
  /** Where the word typed so far starts. */
  readonly partialStart: number;
  /** Where the value or item being typed starts (its opening quote excluded). */
  readonly valueStart: number;
  /** `key:‸` or `-‸`: the inserted text needs a space first. */
  readonly needsSpace: boolean;
  /** Inside an open quote. */
  readonly quoted: boolean;
  /** Inside a `{ … }` or `[ … ]`, where inserted text must stay on one line. */
  readonly inFlow: boolean;
  /** For a key: the other keys of the map the cursor is in. */
  readonly entries: () => ReadonlyMap<string, string>;
  /** Column of the key or item at the cursor, and that line's indentation as text. */
  readonly column: number;
  readonly indent: string;
}

interface CommentPlace {
  readonly kind: 'comment';
  readonly start: number;
}

const NO_ENTRIES: ReadonlyMap<string, string> = new Map();

function locate(doc: Doc, offset: number): Place | CommentPlace {
  const { text } = doc;
  const cursorLine = doc.lineAt(offset);
  const lineStart = doc.starts[cursorLine]!;
  const logicalLine = findLogicalLine(doc, cursorLine, offset);
  const start = doc.starts[logicalLine]!;

  let p = start;
  while (p < offset && text[p] === ' ') p++;
  const indent = p - start;
  const dashes: number[] = [];
  let needsSpace = false;
  while (p < offset && text[p] === '-' && (p + 1 === offset || text[p + 1] === ' ' || text[p + 1] === '\t')) {
    dashes.push(p - start);
    if (p + 1 === offset) needsSpace = true;
    p++;
    while (p < offset && (text[p] === ' ' || text[p] === '\t')) p++;
  }
  const scan = scanContent(text, p, offset);
  if (scan.commentStart >= 0) return { kind: 'comment', start: scan.commentStart };

  const onCursorLine = logicalLine === cursorLine;
  const blankSoFar = onCursorLine && dashes.length === 0 && p === offset;
  const column = blankSoFar ? offset - lineStart : p - start;
  const path = ancestors(doc, logicalLine, dashes.length > 0 ? dashes[0]! : column, dashes.length > 0);
  for (let d = 0; d < dashes.length; d++) path.push({ key: null, entries: () => NO_ENTRIES });
  if (scan.blockKey) path.push({ key: scan.blockKey.text, entries: memo(() => blockEntries(doc, logicalLine, column, -1)) });

  const frames = scan.frames;
  let kind: Place['kind'];
  let entries: () => ReadonlyMap<string, string> = () => NO_ENTRIES;
  const innermost = frames[frames.length - 1];
  const after = memo(() => keysAfter(text, offset, frames.length, indent));
  frames.forEach((frame, index) => {
    const level = frames.length - 1 - index;
    const frameEntries = memo(() => {
      const all = new Map(frame.entries);
      for (const key of after()[level] ?? []) if (!all.has(key)) all.set(key, '');
      return all as ReadonlyMap<string, string>;
    });
    if (frame.open === '[') path.push({ key: null, entries: () => NO_ENTRIES });
    else if (frame.key !== undefined) path.push({ key: frame.key, entries: frameEntries });
    // The innermost map without a key yet is where a key is being typed.
    else if (frame === innermost) entries = frameEntries;
    else path.push({ key: '', entries: frameEntries });
  });
  if (innermost) {
    kind = innermost.open === '{' && innermost.key === undefined ? 'key' : 'value';
  } else if (scan.blockKey || dashes.length > 0) {
    kind = 'value';
  } else {
    kind = 'key';
    entries = memo(() => blockEntries(doc, cursorLine, column, cursorLine));
  }

  const token = innermost ? innermost.tokenStart : scan.tokenStart;
  let partialStart = token >= 0 ? token : offset;
  let valueStart = partialStart;
  if (scan.quote) {
    partialStart = scan.quote.start + 1;
    valueStart = partialStart;
  }
  if (kind === 'value' && token === -1 && !scan.quote && text[offset - 1] === ':') needsSpace = true;
  return {
    kind, path, partialStart, valueStart, needsSpace, quoted: scan.quote !== undefined, inFlow: frames.length > 0, entries,
    column, indent: ' '.repeat(onCursorLine ? Math.min(column, offset - lineStart) : indent),
  };
}

function memo<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/**
 * The line where the cursor's logical line starts: the cursor's own line, or the line
 * that opened a `{` or `[` still open at the cursor.
 */
function findLogicalLine(doc: Doc, cursorLine: number, offset: number): number {
  const start = doc.starts[cursorLine]!;
  const prefix = scanContent(doc.text, start, offset);
  let balance = prefix.net;
  if (balance > 0) return cursorLine;
  let textStart = start;
  while (textStart < offset && doc.text[textStart] === ' ') textStart++;
  const cursorIndent = textStart - start;
  for (let line = cursorLine - 1; line >= Math.max(0, cursorLine - 200); line--) {
    const shape = doc.shape(line);
    if (shape.blank) continue;
    balance += shape.net;
    if (balance > 0) return line;
    // A block line less indented than the cursor, with every bracket closed, is its parent.
    if (balance === 0 && shape.indent < cursorIndent) return cursorLine;
    if (balance === 0 && shape.indent === 0) return cursorLine;
  }
  return cursorLine;
}

/** The keys and items above a line, from the root: the lines less indented than it, walking up. */
function ancestors(doc: Doc, line: number, column: number, isItem: boolean): Segment[] {
  const reversed: Segment[] = [];
  let target = column;
  let wantsSequenceParent = isItem;
  let debt = 0;
  for (let i = line - 1; i >= 0 && (target > 0 || wantsSequenceParent); i--) {
    const glance = doc.glance(i);
    if (glance & 1) continue;
    const indent = glance >> 2;
    if ((glance & 2) === 0 && (debt < 0 || indent > target || (indent === target && !wantsSequenceParent))) continue;
    const shape = doc.shape(i);
    if (shape.blank) continue;
    // Skip the lines inside a multi-line flow collection that closed above the cursor.
    if (debt < 0) {
      debt += shape.net;
      if (debt < 0) continue;
      debt = 0;
    } else if (shape.net < 0) {
      debt = shape.net;
      continue;
    }
    if (shape.dashes.length === 0) {
      const isParent = shape.contentCol < target || (wantsSequenceParent && shape.contentCol === target && shape.key !== undefined && shape.value === '');
      if (!isParent) continue;
      const lineIndex = i;
      const col = shape.contentCol;
      reversed.push({ key: shape.key ?? '', entries: memo(() => blockEntries(doc, lineIndex, col, -1)) });
      target = col;
      wantsSequenceParent = false;
      continue;
    }
    if (shape.contentCol < target) {
      const lineIndex = i;
      const col = shape.contentCol;
      if (shape.key !== undefined) reversed.push({ key: shape.key, entries: memo(() => blockEntries(doc, lineIndex, col, -1)) });
      for (let d = 0; d < shape.dashes.length; d++) reversed.push({ key: null, entries: () => NO_ENTRIES });
      target = shape.dashes[0]!;
      wantsSequenceParent = true;
    } else {
      const outer = shape.dashes.filter((dash) => dash < target);
      if (outer.length === 0) continue;
      for (let d = 0; d < outer.length; d++) reversed.push({ key: null, entries: () => NO_ENTRIES });
      target = outer[0]!;
      wantsSequenceParent = true;
    }
  }
  return reversed.reverse();
}

/** The keys of the block map whose keys sit at `column` around `line` (key -> value text). */
function blockEntries(doc: Doc, line: number, column: number, excludeLine: number): ReadonlyMap<string, string> {
  const entries = new Map<string, string>();
  const add = (shape: LineShape): void => {
    if (shape.key !== undefined && !entries.has(shape.key)) entries.set(shape.key, unquote(shape.value));
  };
  const passable = (i: number): boolean => {
    const glance = doc.glance(i);
    return (glance & 1) === 1 || glance >> 2 > column;
  };
  for (let i = line - 1; i >= 0; i--) {
    if (passable(i)) continue;
    const shape = doc.shape(i);
    if (shape.blank) continue;
    if (shape.dashes.length > 0 && shape.contentCol === column) {
      add(shape);
      break;
    }
    if ((shape.dashes[0] ?? shape.contentCol) < column) break;
    if (shape.dashes.length === 0 && shape.contentCol === column) add(shape);
  }
  if (line !== excludeLine && line < doc.lineCount) {
    const shape = doc.shape(line);
    if (!shape.blank && shape.contentCol === column) add(shape);
  }
  for (let i = line + 1; i < doc.lineCount; i++) {
    if (passable(i)) continue;
    const shape = doc.shape(i);
    if (shape.blank) continue;
    if ((shape.dashes[0] ?? shape.contentCol) < column) break;
    if (shape.dashes.length === 0 && shape.contentCol === column && i !== excludeLine) add(shape);
  }
  return entries;
}

/**
 * The keys written after the cursor in each flow collection open at the cursor (index 0:
 * the innermost). The entry the cursor is in is skipped: its key is the one being typed.
 */
function keysAfter(text: string, offset: number, levels: number, lineIndent: number): string[][] {
  const result: string[][] = Array.from({ length: levels }, () => []);
  if (levels === 0) return result;
  let level = 0;
  let depth = 0;
  let skipping = true;
  let tokenStart = -1;
  let quote = '';
  const limit = Math.min(text.length, offset + 20_000);
  for (let i = offset; i < limit; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '\n' || char === '\r') {
      // An unclosed `{` must not take in the next block lines.
      let next = i + 1;
      while (next < limit && (text[next] === '\n' || text[next] === '\r')) next++;
      let spaces = 0;
      while (next + spaces < limit && text[next + spaces] === ' ') spaces++;
      if (spaces <= lineIndent) break;
      continue;
    }
    if (char === '#' && isSpace(text[i - 1])) {
      while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
      i--;
      continue;
    }
    if (char === '"' || char === "'") {
      if (tokenStart === -1) tokenStart = i;
      quote = char;
      continue;
    }
    if (char === '{' || char === '[') {
      depth++;
      continue;
    }
    if (char === '}' || char === ']') {
      if (depth > 0) {
        depth--;
        continue;
      }
      level++;
      skipping = true;
      tokenStart = -1;
      if (level >= levels) break;
      continue;
    }
    if (depth > 0) continue;
    if (char === ',') {
      skipping = false;
      tokenStart = -1;
      continue;
    }
    if (char === ':' && !skipping && tokenStart >= 0 && (isSpace(text[i + 1]) || text[i + 1] === ',' || text[i + 1] === '}')) {
      result[level]!.push(unquote(text.slice(tokenStart, i).trim()));
      skipping = true;
      tokenStart = -1;
      continue;
    }
    if (!isSpace(char) && tokenStart === -1) tokenStart = i;
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Building entries.

class Context {
  readonly text: string;
  readonly end: number;
  readonly partial: string;
  readonly keys: readonly (string | null)[];
  private unitCache: string | undefined;

  constructor(readonly analysis: Analysis, readonly doc: Doc, readonly place: Place, offset: number, readonly triggerCharacter: string | undefined, readonly links: DocsLinks) {
    this.text = analysis.text;
    this.end = offset;
    this.partial = this.text.slice(place.partialStart, offset);
    this.keys = place.path.map((segment) => segment.key);
  }

  get unit(): string {
    return (this.unitCache ??= this.doc.indentUnit());
  }

  entry(label: string, kind: CompletionKind, insertText: string, extra: Partial<Omit<CompletionEntry, 'label' | 'kind' | 'insertText' | 'replace'>> = {}): CompletionEntry {
    return { label, kind, insertText, replace: { start: this.place.partialStart, end: this.end }, ...extra };
  }

  /** A value: with a space before it after `key:‸`. */
  value(label: string, kind: CompletionKind, extra: Partial<Omit<CompletionEntry, 'label' | 'kind' | 'insertText' | 'replace'>> = {}, insertText = label): CompletionEntry {
    return this.entry(label, kind, this.place.needsSpace ? ` ${insertText}` : insertText, extra);
  }

  /** Lines after the first are indented to the cursor's line, plus `depth` steps of the file's indentation. */
  lines(lines: readonly (readonly [number, string])[]): string {
    return lines.map(([depth, line], index) => (index === 0 ? line : this.place.indent + this.unit.repeat(depth) + line)).join(this.doc.eol);
  }

  /** The entries of a resource's own map, whichever level the cursor is at inside it. */
  resourceEntries(): ReadonlyMap<string, string> {
    const segment = this.place.path[2];
    return segment ? segment.entries() : this.place.kind === 'key' ? this.place.entries() : NO_ENTRIES;
  }

  resourceType(): ResourceType | undefined {
    const written = this.resourceEntries().get('type');
    if (isResourceType(written)) return written;
    const id = this.keys[1];
    return typeof id === 'string' ? this.analysis.model.byId.get(id)?.type : undefined;
  }

  resourceFifo(): boolean {
    const written = this.resourceEntries().get('fifo');
    if (written !== undefined) return written === 'true';
    const id = this.keys[1];
    return typeof id === 'string' ? (this.analysis.model.byId.get(id)?.fifo ?? false) : false;
  }

  /** What follows the cursor on its line (to find ids written after it). */
  restOfLine(): string {
    const line = this.doc.lineAt(this.end);
    return this.text.slice(this.end, this.doc.ends[line]);
  }
}

function pad(value: number, width = 3): string {
  return String(Math.max(0, Math.min(value, 10 ** width - 1))).padStart(width, '0');
}

/** Completion is asked again and again on one version of a document while the user picks. */
const docs = new WeakMap<Analysis, Doc>();

const KEY_WORD = /^[A-Za-z0-9_./-]*$/;
const ID_WORD = /^[A-Za-z0-9_.-]*$/;

export interface CompletionOptions {
  /** The character whose typing asked for completion (the client's trigger), if any; not set when the user asked (Ctrl+Space) or typed a word. */
  readonly triggerCharacter?: string;
  /** Where the host keeps the rule pages, for links in the documentation; no links without. */
  readonly links?: DocsLinks;
}

/**
 * Completion entries at `offset`. Never throws on any text: half-typed lines, broken
 * YAML and hostile input give fewer entries, not errors.
 */
export function complete(analysis: Analysis, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  const links = options.links ?? {};
  let doc = docs.get(analysis);
  if (!doc) {
    doc = new Doc(analysis.text);
    docs.set(analysis, doc);
  }
  let at = Math.max(0, Math.min(Math.floor(offset) || 0, analysis.text.length));
  // Between `\r` and `\n` is still the end of the line.
  const line = doc.lineAt(at);
  if (at > doc.ends[line]!) at = doc.ends[line]!;
  const place = locate(doc, at);
  if (place.kind === 'comment') return sortEntries(commentCompletions(analysis, doc, place.start, at, links));
  const context = new Context(analysis, doc, place, at, options.triggerCharacter, links);
  const entries = place.kind === 'key' ? keyCompletions(context) : valueCompletions(context);
  return sortEntries(entries);
}

/** In the order the editor shows them, so every client (and test) sees the same list. */
function sortEntries(entries: CompletionEntry[]): CompletionEntry[] {
  const key = (entry: CompletionEntry): string => entry.sortText ?? entry.label;
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function keyCompletions(c: Context): CompletionEntry[] {
  if (!KEY_WORD.test(c.partial)) return [];
  const [k0, k1, k2] = c.keys;
  const depth = c.keys.length;
  if (depth === 0) return c.place.column === 0 ? topLevelKeys(c) : [];
  if (k0 === 'account' && depth === 1) return accountKeys(c);
  if (k0 === 'defaults') {
    if (depth === 1) return defaultsTypeKeys(c);
    if (!isResourceType(k1)) return [];
    if (depth === 2) return propertyKeys(c, k1, false);
    if (depth === 3 && typeof k2 === 'string') return nestedKeys(c, k1, k2);
    return [];
  }
  if (k0 === 'rules' && depth === 1) return ruleKeys(c);
  if (k0 === 'resources') {
    // A resource id is a name the user invents: while it is being typed (or a space was
    // just typed before it) a list would only get in the way, and Enter or Tab would
    // replace the name with an entry. Asked for on an empty line (Ctrl+Space), the
    // snippets are offered.
    if (depth === 1) return c.partial === '' && c.triggerCharacter === undefined ? resourceSnippets(c) : [];
    if (typeof k1 !== 'string') return [];
    const type = c.resourceType();
    if (depth === 2) return propertyKeys(c, type, true);
    if (depth === 3 && type && typeof k2 === 'string') return nestedKeys(c, type, k2);
    return [];
  }
  if (k0 === 'flows') {
    if (depth === 1) return flowSnippets(c, true);
    if (depth === 3 && k1 === null && typeof k2 === 'string') return connectionKeys(c, k2);
  }
  return [];
}

function valueCompletions(c: Context): CompletionEntry[] {
  const [k0, k1, k2, k3] = c.keys;
  const depth = c.keys.length;
  if (depth === 1 && k0 === 'awsflow') return [c.value('1', 'value', { detail: 'format version', documentation: SCHEMA.properties.awsflow?.description })];
  if (depth === 1 && k0 === 'region') return examples(c, SCHEMA.properties.region);
  if (k0 === 'account' && depth === 2 && typeof k1 === 'string') return accountValues(c, k1);
  if (k0 === 'rules' && depth === 2 && typeof k1 === 'string') return severities(c, k1);
  if (k0 === 'defaults' && isResourceType(k1) && typeof k2 === 'string') {
    if (depth === 3) return propertyValues(c, slot(k1, k2));
    if (depth === 4 && typeof k3 === 'string') return nestedValues(c, k1, k2, k3, undefined);
    return [];
  }
  if (k0 === 'resources' && typeof k1 === 'string' && typeof k2 === 'string') {
    if (depth === 3 && k2 === 'type') return typeValues(c);
    const type = c.resourceType();
    if (!type) return [];
    if (depth === 3) return propertyValues(c, slot(type, k2));
    if (depth === 4 && k2 === 'volumes' && k3 === null) return volumeIds(c, k1);
    if (depth === 4 && typeof k3 === 'string') return nestedValues(c, type, k2, k3, k1);
    return [];
  }
  if (k0 === 'flows' && k1 === null) {
    if (depth === 2) return flowIds(c);
    if (depth === 4 && typeof k2 === 'string' && typeof k3 === 'string') return connectionValues(c, k3);
  }
  return [];
}

// ---------------------------------------------------------------------------------------
// Keys.

function topLevelKeys(c: Context): CompletionEntry[] {
  const present = c.place.entries();
  const u = c.unit;
  const eol = c.doc.eol;
  const inserts: Record<(typeof TOP_LEVEL_KEYS)[number], { text: string; snippet?: boolean; detail: string }> = {
    awsflow: { text: 'awsflow: 1', detail: 'format version (required)' },
    name: { text: 'name: ', detail: 'title shown on the diagram' },
    description: { text: 'description: ', detail: 'what the architecture does' },
    region: { text: 'region: ', detail: 'AWS Region (Regional quotas)' },
    account: { text: `account:${eol}${u}lambdaConcurrency: \${1:1000}`, snippet: true, detail: 'account quotas' },
    defaults: { text: `defaults:${eol}${u}`, detail: 'per-type property defaults' },
    rules: { text: `rules:${eol}${u}`, detail: 'rule severities for this file' },
    resources: { text: `resources:${eol}${u}`, detail: 'resources by id (required)' },
    flows: { text: `flows:${eol}${u}- `, detail: 'connections between resources' },
  };
  const keyOnly = c.place.quoted || followedByColon(c);
  const entries: CompletionEntry[] = [];
  TOP_LEVEL_KEYS.forEach((key, index) => {
    if (present.has(key)) return;
    const insert = inserts[key];
    entries.push(c.entry(key, 'keyword', keyOnly ? key : insert.text, {
      detail: insert.detail,
      documentation: SCHEMA.properties[key]?.description,
      sortText: `0${pad(index)}`,
      ...(insert.snippet && !keyOnly ? { snippet: true } : {}),
    }));
  });
  if (isEmptyDocument(c) && !keyOnly) {
    const body = skeleton(c.unit, eol);
    entries.push(c.entry('awsflow skeleton', 'snippet', body, {
      snippet: true,
      detail: 'a whole file: an API, a queue with its DLQ, a worker',
      documentation: yamlBlock(plainSnippet(body)),
      filterText: 'awsflow skeleton',
      sortText: '0000a',
    }));
  }
  return entries;
}

function isEmptyDocument(c: Context): boolean {
  const cursorLine = c.doc.lineAt(c.end);
  for (let line = 0; line < c.doc.lineCount; line++) {
    if (line === cursorLine) continue;
    if (!c.doc.shape(line).blank) return false;
  }
  const lineText = c.text.slice(c.doc.starts[cursorLine], c.doc.ends[cursorLine]);
  return lineText.trim() === c.partial.trim() && ID_WORD.test(lineText.trim());
}

function skeleton(u: string, eol: string): string {
  return [
    'awsflow: 1',
    'name: ${1:my-architecture}',
    '',
    'resources:',
    `${u}\${2:api}:`,
    `${u}${u}type: api-gateway`,
    `${u}\${3:jobs}:`,
    `${u}${u}type: sqs`,
    `${u}${u}visibilityTimeout: 3m`,
    `${u}${u}deadLetter: { target: \${3}-dlq, maxReceiveCount: 5 }`,
    `${u}\${3}-dlq:`,
    `${u}${u}type: sqs`,
    `${u}${u}retention: 14d`,
    `${u}\${4:worker}:`,
    `${u}${u}type: lambda`,
    `${u}${u}memory: 512MB`,
    `${u}${u}timeout: 30s`,
    '',
    'flows:',
    `${u}- \${2} -> \${3} -> \${4}`,
    '',
  ].join(eol);
}

function accountKeys(c: Context): CompletionEntry[] {
  const present = c.place.entries();
  return Object.entries(ACCOUNT_PROPERTIES).filter(([name]) => !present.has(name)).map(([name, spec], index) => {
    const node = SCHEMA.properties.account?.properties?.[name];
    const fallback = accountDefault(name);
    const detail = fallback === undefined ? describe(spec, node, undefined) : `${describe({ kind: spec.kind }, undefined, undefined)} · default ${fallback}`;
    return c.entry(name, 'property', keyInsert(c, name), { detail, documentation: node?.description, sortText: pad(index) });
  });
}

/** AWS's default of an `account` quota as it is written: a rate with its unit. */
function accountDefault(name: string): string | undefined {
  const spec = ACCOUNT_PROPERTIES[name];
  const value = SCHEMA.properties.account?.properties?.[name]?.default ?? spec?.default;
  if (value === undefined) return undefined;
  return spec?.kind === 'rate' ? `${String(value)}/s` : String(value);
}

/** A value of an `account` quota: AWS's default (a rate with its unit), or units after a number. */
function accountValues(c: Context, name: string): CompletionEntry[] {
  const spec = ACCOUNT_PROPERTIES[name];
  if (!spec) return [];
  const node = SCHEMA.properties.account?.properties?.[name];
  if (spec.kind === 'rate') {
    const units = unitValues(c, 'rate', name);
    if (units) return units;
  }
  return defaultValue(c, { ...node, default: accountDefault(name) });
}

function defaultsTypeKeys(c: Context): CompletionEntry[] {
  const present = c.place.entries();
  return RESOURCE_TYPES.filter((type) => !present.has(type) && Object.keys(TYPE_PROPERTIES[type]).length > 0).map((type, index) =>
    c.entry(type, 'type', c.place.quoted || followedByColon(c) ? type : c.place.inFlow ? `${type}: { \${1} }` : `${type}:${c.doc.eol}${c.place.indent}${c.unit}`, {
      detail: `defaults for every ${TYPE_DETAILS[type]}`,
      documentation: SCHEMA.$defs[type]?.description,
      sortText: pad(index),
      ...(c.place.inFlow && !c.place.quoted && !followedByColon(c) ? { snippet: true } : {}),
    }));
}

function ruleKeys(c: Context): CompletionEntry[] {
  const present = c.place.entries();
  return rules.filter((rule) => !present.has(rule.id)).map((rule) =>
    c.entry(rule.id, 'rule', keyInsert(c, rule.id), {
      detail: rule.summary,
      documentation: ruleDocumentation(rule.id, rule.summary, rule.defaultSeverity, c.links),
    }));
}

function ruleDocumentation(id: string, summary: string, severity: string, links: DocsLinks): string {
  const url = docsUrl(id, links);
  return `${summary}.\n\nDefault severity: \`${severity}\`.${url ? ` [${id}](${url})` : ''}`;
}

function followedByColon(c: Context): boolean {
  return /^[A-Za-z0-9_./-]*\s*:(\s|$)/.test(c.restOfLine());
}

function keyInsert(c: Context, key: string): string {
  return c.place.quoted || followedByColon(c) ? key : `${key}: `;
}

function schemaProperty(type: ResourceType, name: string): SchemaNode | undefined {
  return SCHEMA.$defs[type]?.properties?.[name];
}

function propertyKeys(c: Context, type: ResourceType | undefined, withCommon: boolean): CompletionEntry[] {
  const present = c.place.entries();
  const entries: CompletionEntry[] = [];
  let order = 0;
  const add = (name: string, spec: PropertySpec, node: SchemaNode | undefined): void => {
    if (present.has(name)) return;
    entries.push(propertyKeyEntry(c, name, spec, node, type, order++));
  };
  if (withCommon) {
    add('type', COMMON_PROPERTIES.type!, SCHEMA.$defs.resource?.properties?.type);
  }
  if (type) for (const [name, spec] of Object.entries(TYPE_PROPERTIES[type])) add(name, spec, schemaProperty(type, name));
  if (withCommon) for (const name of COMMON_KEYS) add(name, COMMON_PROPERTIES[name]!, schemaProperty(type ?? 'client', name));
  return entries;
}

function nestedKeys(c: Context, type: ResourceType, parent: string): CompletionEntry[] {
  const spec = TYPE_PROPERTIES[type][parent];
  if (!spec) return [];
  const present = c.place.entries();
  if (spec.kind === 'encryption') {
    if (present.has('kms')) return [];
    const node = SCHEMA.$defs.encryption?.then?.properties?.kms;
    return [c.entry('kms', 'property', keyInsert(c, 'kms'), { detail: 'customer managed key', documentation: node?.description })];
  }
  if (spec.kind !== 'object' || !spec.properties) return [];
  const parentNode = schemaProperty(type, parent);
  return Object.entries(spec.properties)
    .filter(([name]) => !present.has(name))
    .map(([name, child], index) => propertyKeyEntry(c, name, child, parentNode?.properties?.[name], type, index));
}

/** What a connection's kind makes relevant, shown first. */
const RELEVANT_CONNECTION_KEYS: Readonly<Record<string, readonly string[]>> = {
  'event-source-mapping': ['batchSize', 'batchWindow', 'maxConcurrency', 'onFailure', 'parallelization'],
  subscription: ['filter', 'rawDelivery', 'deadLetter'],
  send: ['batching', 'messageGroups', 'partitionKey'],
  'rule-target': ['pattern', 'rule', 'onFailure', 'retry'],
  pipe: ['filter', 'enrich', 'batchSize', 'batchWindow', 'onFailure'],
  task: ['callback'],
  notification: ['events', 'filter'],
};

function connectionKeys(c: Context, flowText: string): CompletionEntry[] {
  const present = c.place.entries();
  const relevant = new Set<string>(['rate', 'size']);
  const { model } = c.analysis;
  const steps = flowText.split('->').map((side) => side.split(',').map((id) => id.trim()).filter(Boolean));
  for (let step = 0; step + 1 < steps.length; step++) {
    for (const from of steps[step]!) {
      for (const to of steps[step + 1]!) {
        const source = model.byId.get(from)?.type;
        const target = model.byId.get(to)?.type;
        if (!source || !target) continue;
        const kind = classifyConnection(source, target).kind;
        for (const key of RELEVANT_CONNECTION_KEYS[kind] ?? []) {
          if (key === 'partitionKey' && target !== 'kinesis') continue;
          if (key === 'messageGroups' && !model.byId.get(to)?.fifo) continue;
          // SQS sources have maxConcurrency; stream sources (Kinesis, DynamoDB) the parallelization factor.
          if (key === 'maxConcurrency' && source !== 'sqs') continue;
          if (key === 'parallelization' && source === 'sqs') continue;
          if ((key === 'events' || key === 'filter') && kind === 'notification' && source !== 's3') continue;
          relevant.add(key);
        }
      }
    }
  }
  const connection = SCHEMA.$defs.connection?.properties ?? {};
  return Object.entries(CONNECTION_PROPERTIES)
    .filter(([name]) => !present.has(name))
    .map(([name, spec], index) => {
      const entry = propertyKeyEntry(c, name, spec, connection[name], undefined, index);
      return { ...entry, sortText: `${relevant.has(name) ? 0 : 1}${pad(index)}` };
    });
}

/** Values written inline for object properties: `deadLetter: { target: … }`. */
function objectSnippet(name: string, type: ResourceType | undefined): string | undefined {
  switch (name) {
    case 'deadLetter':
      return type === 'lambda' ? '{ target: ${1} }' : '{ target: ${1}, maxReceiveCount: ${2:5} }';
    case 'autoscaling':
      return '{ min: ${1:1}, max: ${2:10}, metric: ${3|cpu,memory,requests|}, target: ${4:70} }';
    case 'buffer':
      return '{ size: ${1:5MB}, interval: ${2:300s} }';
    case 'env':
      return '{ ${1:NAME}: ${2:value} }';
    case 'volumes':
      return '[${1}]';
    case 'filter':
      return '{ ${1:eventType}: [${2:order_placed}] }';
    case 'archive':
      return '{ retention: ${1:30d} }';
    case 'retry':
      return '{ attempts: ${1:3}, maxAge: ${2:1h} }';
    case 'pattern':
      return '{ source: [${1:orders}] }';
    case 'events':
      return '[${1:s3:ObjectCreated:*}]';
    default:
      return undefined;
  }
}

function propertyKeyEntry(c: Context, name: string, spec: PropertySpec, node: SchemaNode | undefined, type: ResourceType | undefined, order: number): CompletionEntry {
  const keyOnly = c.place.quoted || followedByColon(c);
  const value = keyOnly ? undefined : objectSnippet(name, type);
  return c.entry(name, 'property', value ? `${name}: ${value}` : keyInsert(c, name), {
    detail: describe(spec, node, type),
    ...(node?.description ? { documentation: node.description } : {}),
    sortText: pad(order),
    ...(value ? { snippet: true } : {}),
  });
}

function describe(spec: PropertySpec, node: SchemaNode | undefined, type: ResourceType | undefined): string {
  let kind: string;
  switch (spec.kind) {
    case 'duration': kind = 'duration'; break;
    case 'size': kind = 'size'; break;
    case 'megabytes': kind = 'size (MB)'; break;
    case 'rate': kind = 'rate'; break;
    case 'cpu': kind = 'CPU units or vCPU'; break;
    case 'boolean': kind = 'true | false'; break;
    case 'enum': kind = (spec.values ?? []).join(' | '); break;
    case 'encryption': kind = type === 'sqs' ? 'none | kms | sqs-managed | { kms: key }' : 'none | kms | { kms: key }'; break;
    case 'object': kind = spec.properties ? `{ ${Object.keys(spec.properties).join(', ')} }` : 'map'; break;
    case 'map': kind = 'map'; break;
    case 'list': kind = 'list'; break;
    case 'integer': kind = 'integer'; break;
    case 'number': kind = 'number'; break;
    default: kind = 'text';
  }
  if (kind.length > 60) kind = 'resource type';
  const fallback = node?.default ?? spec.default;
  return fallback === undefined ? kind : `${kind} · default ${String(fallback)}`;
}

// ---------------------------------------------------------------------------------------
// Values.

interface Slot {
  readonly name: string;
  readonly spec: PropertySpec | undefined;
  readonly node: SchemaNode | undefined;
  readonly type: ResourceType | undefined;
}

function slot(type: ResourceType, name: string): Slot {
  return { name, spec: TYPE_PROPERTIES[type][name] ?? COMMON_PROPERTIES[name], node: schemaProperty(type, name), type };
}

function typeValues(c: Context): CompletionEntry[] {
  return RESOURCE_TYPES.map((type, index) => c.value(type, 'type', {
    detail: TYPE_DETAILS[type],
    documentation: SCHEMA.$defs[type]?.description,
    sortText: pad(index),
  }));
}

function propertyValues(c: Context, target: Slot): CompletionEntry[] {
  const spec = target.spec;
  if (!spec) return [];
  switch (spec.kind) {
    case 'enum':
      return (spec.values ?? []).map((value, index) => c.value(value, 'value', {
        ...(value === (target.node?.default ?? spec.default) ? { detail: 'AWS default' } : {}),
        ...(target.node?.description ? { documentation: target.node.description } : {}),
        sortText: pad(index),
      }));
    case 'boolean':
      return booleans(c, target.node, spec);
    case 'encryption':
      return encryptionValues(c, target.type);
    case 'duration':
    case 'size':
    case 'megabytes':
    case 'rate':
    case 'cpu':
      return unitValues(c, spec.kind, target.name) ?? defaultValue(c, target.node);
    case 'object':
    case 'map':
    case 'list': {
      const value = objectSnippet(target.name, target.type);
      if (!value || c.place.inFlow || c.place.quoted || c.partial !== '') return [];
      return [c.value(plainSnippet(value.replace(/\$\{(\d+)\}/g, '$${$1:…}')), 'snippet', {
        snippet: true, detail: describe(spec, target.node, target.type), ...(target.node?.description ? { documentation: target.node.description } : {}),
      }, value)];
    }
    default:
      return stringValues(c, target);
  }
}

function booleans(c: Context, node: SchemaNode | undefined, spec: PropertySpec): CompletionEntry[] {
  const fallback = node?.default ?? spec.default;
  return ['true', 'false'].map((value, index) => c.value(value, 'value', {
    ...(String(fallback) === value ? { detail: 'AWS default' } : {}),
    ...(node?.description ? { documentation: node.description } : {}),
    sortText: pad(index),
  }));
}

function encryptionValues(c: Context, type: ResourceType | undefined): CompletionEntry[] {
  const entries: CompletionEntry[] = [
    c.value('kms', 'value', { detail: 'SSE-KMS, AWS managed key', documentation: `SSE-KMS with the service's AWS managed key (\`alias/aws/${type === 'sqs' || type === 'sns' || type === 'kinesis' ? type : '…'}\`). SNS, EventBridge and S3 cannot publish into a queue or topic encrypted with it (\`encryption/service-producer-key\`).`, sortText: '000' }),
  ];
  if (!c.place.quoted) {
    entries.push(c.value('{ kms: alias/… }', 'value', { snippet: true, detail: 'SSE-KMS, customer managed key', documentation: 'SSE-KMS with a customer managed key (an alias, key id or ARN): its key policy can let SNS, EventBridge and S3 use it.', filterText: 'kms', sortText: '001' }, '{ kms: ${1:alias/my-key} }'));
  }
  if (type === 'sqs') entries.push(c.value('sqs-managed', 'value', { detail: 'SSE-SQS', documentation: 'SSE-SQS: encryption with keys owned by SQS, at no cost. New queues get it by default (since 2022).', sortText: '002' }));
  // DynamoDB and S3 always encrypt: there is no `none` to choose.
  if (type !== 'dynamodb' && type !== 's3' && type !== 'eventbridge') entries.push(c.value('none', 'value', { detail: 'not encrypted', documentation: 'No encryption at rest (`encryption/at-rest` warns).', sortText: '003' }));
  return entries;
}

const DURATION_UNITS: readonly string[] = ['s', 'm', 'h', 'ms', 'd'];
const LONG_DURATION_UNITS: readonly string[] = ['d', 'h', 'm', 's', 'ms'];
const SIZE_UNITS: readonly string[] = ['KB', 'MB', 'GB', 'KiB', 'MiB', 'GiB', 'B'];
const MEGABYTE_UNITS: readonly string[] = ['MB', 'GB', 'MiB', 'GiB'];
const RATE_UNITS: readonly { unit: string; text: string }[] = [
  { unit: '/s', text: 'per second' }, { unit: '/min', text: 'per minute' }, { unit: '/h', text: 'per hour' }, { unit: '/day', text: 'per day' },
];

/** After a number: the number with each unit of the property's kind, replacing it. */
function unitValues(c: Context, kind: 'duration' | 'size' | 'megabytes' | 'rate' | 'cpu', name: string): CompletionEntry[] | undefined {
  const match = /^(\d+(?:\.\d+)?)(\s*)([A-Za-z/]*)$/.exec(c.partial);
  if (!match || c.place.quoted) return undefined;
  const number = match[1]!;
  const value = Number(number);
  const made = (label: string, detail: string, index: number): CompletionEntry => c.value(label, 'unit', { detail, sortText: pad(index) });
  switch (kind) {
    case 'duration':
      return (name === 'retention' ? LONG_DURATION_UNITS : DURATION_UNITS).map((unit, index) => made(`${number}${unit}`, formatSeconds(parseDuration(`${number}${unit}`) ?? 0), index));
    case 'size':
      return SIZE_UNITS.map((unit, index) => made(`${number}${unit}`, sizeDetail(parseSize(`${number}${unit}`) ?? 0), index));
    case 'megabytes':
      return MEGABYTE_UNITS.map((unit, index) => made(`${number}${unit}`, formatMegabytes(parseMegabytes(`${number}${unit}`) ?? 0), index));
    case 'rate':
      return RATE_UNITS.map(({ unit, text }, index) => made(`${number}${unit}`, `${number} ${text}`, index));
    case 'cpu':
      return [made(`${number} vCPU`, `${Math.round(value * 1024)} CPU units`, 0)];
  }
}

function sizeDetail(bytes: number): string {
  const exact = bytes.toLocaleString('en-US');
  return bytes < 1024 ? `${exact} bytes` : `${formatBytes(bytes)} (${exact} bytes)`;
}

function defaultValue(c: Context, node: SchemaNode | undefined): CompletionEntry[] {
  if (node?.default === undefined || (c.partial !== '' && !String(node.default).startsWith(c.partial))) return [];
  return [c.value(String(node.default), 'value', { detail: 'AWS default', ...(node.description ? { documentation: node.description } : {}) })];
}

function examples(c: Context, node: SchemaNode | undefined): CompletionEntry[] {
  return (node?.examples ?? []).filter((example): example is string => typeof example === 'string').map((example, index) =>
    c.value(example, 'value', { ...(node?.description ? { documentation: node.description } : {}), sortText: pad(index) }));
}

function stringValues(c: Context, target: Slot): CompletionEntry[] {
  if (target.name === 'expression') {
    return [
      c.value('rate(…)', 'snippet', { snippet: true, detail: 'every fixed interval', documentation: target.node?.description, filterText: 'rate', sortText: '000' }, 'rate(${1:5 minutes})'),
      c.value('cron(…)', 'snippet', { snippet: true, detail: 'at set times (UTC)', documentation: target.node?.description, filterText: 'cron', sortText: '001' }, 'cron(${1:0 2 * * ? *})'),
    ];
  }
  if (target.name === 'group') {
    const groups = new Set<string>();
    for (const resource of c.analysis.model.resources) {
      const group = resource.props.get('group')?.raw;
      if (typeof group === 'string' && group !== '') groups.add(group);
    }
    return [...groups].map((group) => c.value(group, 'value', { detail: 'group used in this file' }));
  }
  return examples(c, target.node);
}

function nestedValues(c: Context, type: ResourceType, parent: string, name: string, resourceId: string | undefined): CompletionEntry[] {
  const parentSpec = TYPE_PROPERTIES[type][parent];
  if (!parentSpec) return [];
  if (parentSpec.kind === 'encryption' && name === 'kms') return kmsKeys(c);
  if (parentSpec.kind !== 'object') return [];
  if (parent === 'deadLetter' && name === 'target') return deadLetterTargets(c, type, resourceId);
  const spec = parentSpec.properties?.[name];
  return propertyValues(c, { name, spec, node: schemaProperty(type, parent)?.properties?.[name], type });
}

function kmsKeys(c: Context): CompletionEntry[] {
  const keys = new Set<string>();
  for (const resource of c.analysis.model.resources) {
    const encryption = resource.props.get('encryption')?.value;
    if (typeof encryption === 'object' && encryption.kind === 'kms-customer-managed') keys.add(encryption.key);
  }
  return [...keys].map((key) => c.value(key, 'value', { detail: 'key used in this file' }));
}

function severities(c: Context, ruleId: string): CompletionEntry[] {
  const rule = rules.find((r) => r.id === ruleId);
  const node = SCHEMA.$defs.severity;
  return ['error', 'warning', 'info', 'off'].map((severity, index) => c.value(severity, 'value', {
    ...(rule?.defaultSeverity === severity ? { detail: 'default' } : severity === 'off' ? { detail: 'turn the rule off' } : {}),
    ...(node?.description ? { documentation: node.description } : {}),
    sortText: pad(index),
  }));
}

function connectionValues(c: Context, name: string): CompletionEntry[] {
  if (name === 'onFailure') return onFailureTargets(c);
  if (name === 'deadLetter') return subscriptionDeadLetterTargets(c);
  if (name === 'enrich') return enrichmentIds(c);
  const spec = CONNECTION_PROPERTIES[name];
  return propertyValues(c, { name, spec, node: SCHEMA.$defs.connection?.properties?.[name], type: undefined });
}

// ---------------------------------------------------------------------------------------
// Resource ids.

function candidates(c: Context): Resource[] {
  const seen = new Set<string>();
  return c.analysis.model.resources.filter((resource) => {
    if (seen.has(resource.id) || !RESOURCE_ID.test(resource.id)) return false;
    seen.add(resource.id);
    return true;
  });
}

function idDetail(resource: Resource): string {
  return `${resource.type ?? 'unknown type'}${resource.fifo ? ' · FIFO' : ''}`;
}

interface RankedId {
  readonly resource: Resource;
  readonly rank: string;
  readonly documentation?: string;
}

function idEntries(c: Context, ranked: RankedId[], insertPrefix = '', replaceStart = c.place.partialStart): CompletionEntry[] {
  const order = new Map(c.analysis.model.resources.map((resource, index) => [resource, index]));
  return ranked.map(({ resource, rank, documentation }) => ({
    ...c.value(resource.id, 'resource', {
      detail: idDetail(resource),
      ...(documentation ? { documentation } : {}),
      sortText: `${rank}${pad(order.get(resource) ?? 0, 6)}`,
    }, insertPrefix + resource.id),
    replace: { start: replaceStart, end: c.end },
  }));
}

function hasFlowInbound(c: Context, resource: Resource): boolean {
  return c.analysis.model.inbound(resource).some((connection) => connection.origin === 'flow');
}

function hasFlowOutbound(c: Context, resource: Resource): boolean {
  return c.analysis.model.outbound(resource).some((connection) => connection.origin === 'flow');
}

function flowIds(c: Context): CompletionEntry[] {
  const before = c.text.slice(c.place.valueStart, c.end);
  if (before.includes(':')) return [];
  const sides = before.split('->');
  const pieces = sides[sides.length - 1]!.split(',');
  const last = /^\s*([A-Za-z0-9_.-]*)$/.exec(pieces[pieces.length - 1]!);
  if (!last) return [];
  const ids = (side: string | undefined): string[] => (side ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const previous = sides.length >= 2 ? ids(sides[sides.length - 2]) : [];
  let rest = c.restOfLine();
  const stop = rest.search(/:(\s|$)|\s#|["'\]}]/);
  if (stop >= 0) rest = rest.slice(0, stop);
  const restSides = rest.split('->');
  const sameStep = new Set([...pieces.slice(0, -1).map((id) => id.trim()), ...ids(restSides[0]).slice(restSides[0]!.trimStart().startsWith(',') ? 0 : 1)]);
  const next = ids(restSides[1]);
  const { model } = c.analysis;
  const pool = candidates(c).filter((resource) => !sameStep.has(resource.id));
  const typed = (list: string[]): Resource[] => list.map((id) => model.byId.get(id)).filter((r): r is Resource => r !== undefined);
  let ranked: RankedId[];
  if (previous.length > 0) {
    const sources = typed(previous);
    ranked = pool.map((candidate) => rankConnection(c, candidate, sources, 'target', previous.includes(candidate.id)));
  } else if (next.length > 0) {
    const targets = typed(next);
    ranked = pool.map((candidate) => rankConnection(c, candidate, targets, 'source', next.includes(candidate.id)));
  } else {
    ranked = pool.map((candidate) => {
      const likely = candidate.type !== undefined && !SINKS.includes(candidate.type) && !model.deadLetterIds.has(candidate.id) && !hasFlowOutbound(c, candidate);
      return { resource: candidate, rank: likely ? '0' : '1' };
    });
  }
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  // `a ->‸`: a space keeps the arrow readable.
  const prefix = last[1] === '' && /->$/.test(before) ? ' ' : '';
  const entries = idEntries(c, ranked, prefix, c.end - last[1]!.length);
  if (sides.length === 1 && pieces.length === 1 && rest.trim() === '' && !c.place.quoted) entries.push(...flowSnippets(c, false));
  return entries;
}

/**
 * Rank a candidate for the other end of a connection: the types usually connected first,
 * then the others AWS allows, then those of unknown type, and what AWS cannot connect last.
 */
function rankConnection(c: Context, candidate: Resource, others: Resource[], role: 'source' | 'target', loops: boolean): RankedId {
  if (loops) return { resource: candidate, rank: '3999', documentation: 'Connects the resource to itself: a message would loop forever (`graph/cycle`).' };
  if (!candidate.type) return { resource: candidate, rank: '2999' };
  let best = 99;
  let verdict: Verdict | undefined;
  let other: Resource | undefined;
  for (const resource of others) {
    if (!resource.type) continue;
    const [source, target] = role === 'target' ? [resource, candidate] : [candidate, resource];
    const [from, to] = [source.type!, target.type!];
    const current = classifyConnection(from, to);
    const reason = current.kind === 'invalid' ? current.reason : fifoSubscriptionProblem(source, target);
    if (reason !== undefined) {
      return { resource: candidate, rank: '3999', documentation: `Not a connection AWS can make: ${reason}.` };
    }
    verdict ??= current;
    other ??= resource;
    const index = LIKELY_TARGETS[from].indexOf(to);
    // A FIFO topic can deliver to a standard queue, but order and deduplication are lost.
    const mixed = from === 'sns' && source.fifo && !target.fifo;
    if (index >= 0 && !mixed) best = Math.min(best, index);
  }
  if (!verdict || !other) return { resource: candidate, rank: '1999' };
  // A dead-letter queue receives failures, not flows: offer it after every ordinary target.
  if (role === 'target' && c.analysis.model.deadLetterIds.has(candidate.id)) best = Math.max(best, 98);
  const inbound = role === 'target' ? hasFlowInbound(c, candidate) : hasFlowOutbound(c, candidate);
  const arrow = role === 'target' ? `${other.id} → ${candidate.id}` : `${candidate.id} → ${other.id}`;
  const documentation = verdict.kind === 'invalid' ? undefined : `**${arrow}**: ${CONNECTION_KIND_TEXT[verdict.kind]}.`;
  return { resource: candidate, rank: `${best < 99 ? 0 : 1}${pad(best, 2)}${inbound ? 1 : 0}`, ...(documentation ? { documentation } : {}) };
}

/** What `sns/fifo-subscription` reports as an error, before it is written. */
function fifoSubscriptionProblem(source: Resource, target: Resource): string | undefined {
  if (source.type !== 'sns') return undefined;
  if (source.fifo && target.type !== 'sqs') return 'a FIFO topic delivers only to SQS queues';
  if (!source.fifo && target.type === 'sqs' && target.fifo) return 'a standard topic cannot deliver to a FIFO queue';
  return undefined;
}

const DLQ_NAME = /dlq|dead/i;

function deadLetterTargets(c: Context, ownerType: ResourceType, ownerId: string | undefined): CompletionEntry[] {
  const ownerFifo = ownerId !== undefined && c.resourceFifo();
  const ranked = candidates(c).filter((resource) => resource.id !== ownerId).map((resource): RankedId => {
    let tier: number;
    let documentation: string | undefined;
    if (ownerType === 'lambda') {
      tier = (resource.type === 'sqs' || resource.type === 'sns') && !resource.fifo ? 0 : 3;
      if (tier === 3) documentation = 'Lambda sends failed asynchronous invocations only to a standard SQS queue or SNS topic (`lambda/dlq-target`).';
    } else if (ownerType === 'sqs') {
      tier = resource.type !== 'sqs' ? 3 : resource.fifo === ownerFifo ? 0 : 1;
      if (tier === 1) documentation = `A ${ownerFifo ? 'FIFO' : 'standard'} queue needs a ${ownerFifo ? 'FIFO' : 'standard'} dead-letter queue (\`sqs/dlq-type\`).`;
      if (tier === 3) documentation = 'A dead-letter queue must be an SQS queue.';
    } else {
      tier = resource.type === 'sqs' ? 0 : resource.type === 'sns' ? 1 : 3;
    }
    const named = DLQ_NAME.test(resource.id) ? (ownerId && resource.id.startsWith(ownerId) ? 0 : 1) : 2;
    return { resource, rank: `${tier}${named}${hasFlowInbound(c, resource) ? 1 : 0}`, ...(documentation ? { documentation } : {}) };
  });
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

function onFailureTargets(c: Context): CompletionEntry[] {
  const ranked = candidates(c).map((resource): RankedId => {
    const fits = (resource.type === 'sqs' || resource.type === 'sns') && !resource.fifo;
    return fits
      ? { resource, rank: `0${DLQ_NAME.test(resource.id) ? 0 : 1}` }
      : { resource, rank: '39', documentation: 'An event source mapping sends what it gave up on to a standard SQS queue or SNS topic.' };
  });
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

/** A subscription's dead-letter queue is an SQS queue (FIFO for a FIFO topic's subscription). */
function subscriptionDeadLetterTargets(c: Context): CompletionEntry[] {
  const ranked = candidates(c).map((resource): RankedId => (resource.type === 'sqs'
    ? { resource, rank: `0${DLQ_NAME.test(resource.id) ? 0 : 1}` }
    : { resource, rank: '39', documentation: 'A subscription\'s redrive policy names an SQS queue.' }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

/** A Pipe's enrichment step is a Lambda function or a Step Functions state machine. */
function enrichmentIds(c: Context): CompletionEntry[] {
  const ranked = candidates(c).map((resource): RankedId => (resource.type === 'lambda' || resource.type === 'stepfunctions'
    ? { resource, rank: '0' }
    : { resource, rank: '39', documentation: 'A Pipe enriches with a Lambda function or a Step Functions state machine.' }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

function volumeIds(c: Context, ownerId: string): CompletionEntry[] {
  const ranked = candidates(c).filter((resource) => resource.id !== ownerId).map((resource): RankedId => ({ resource, rank: resource.type === 'efs' ? '0' : '3' }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

// ---------------------------------------------------------------------------------------
// Snippets.

type Lines = readonly (readonly [number, string])[];

/** A new resource of each type, with the properties most worth setting. */
const TYPE_SNIPPETS: Readonly<Record<ResourceType, Lines>> = {
  sqs: [[1, 'type: sqs'], [1, 'visibilityTimeout: ${2:3m}']],
  sns: [[1, 'type: sns'], [1, 'encryption: ${2:kms}']],
  kinesis: [[1, 'type: kinesis'], [1, 'mode: ${2|on-demand,provisioned|}'], [1, 'encryption: ${3:kms}']],
  firehose: [[1, 'type: firehose'], [1, 'buffer: { size: ${2:5MB}, interval: ${3:300s} }']],
  lambda: [[1, 'type: lambda'], [1, 'memory: ${2:512MB}'], [1, 'timeout: ${3:30s}']],
  ecs: [[1, 'type: ecs'], [1, 'launchType: ${2|fargate,ec2|}'], [1, 'cpu: ${3:512}'], [1, 'memory: ${4:1GB}'], [1, 'desiredCount: ${5:2}']],
  eks: [[1, 'type: eks'], [1, 'nodeType: ${2|managed,fargate,self-managed|}']],
  apprunner: [[1, 'type: apprunner'], [1, 'cpu: ${2:1024}'], [1, 'memory: ${3:2GB}']],
  beanstalk: [[1, 'type: beanstalk'], [1, 'instances: ${2:2}']],
  ec2: [[1, 'type: ec2'], [1, 'instances: ${2:2}']],
  schedule: [[1, 'type: schedule'], [1, 'expression: ${2:rate(5 minutes)}']],
  'api-gateway': [[1, 'type: api-gateway'], [1, 'timeout: ${2:29s}']],
  alb: [[1, 'type: alb']],
  cloudfront: [[1, 'type: cloudfront']],
  dynamodb: [[1, 'type: dynamodb']],
  s3: [[1, 'type: s3']],
  rds: [[1, 'type: rds'], [1, 'encryption: ${2:kms}']],
  efs: [[1, 'type: efs'], [1, 'encryption: ${2:kms}']],
  client: [[1, 'type: client'], [1, 'label: ${2:Web app}']],
  eventbridge: [[1, 'type: eventbridge'], [1, 'name: ${2:default}']],
  stepfunctions: [[1, 'type: stepfunctions'], [1, 'workflow: ${2|standard,express|}']],
};

interface Pattern {
  readonly label: string;
  readonly detail: string;
  readonly resources: Lines;
  /** The flows entry that connects the pattern's resources, offered under `flows:`. */
  readonly flow: { readonly label: string; readonly text: string; readonly detail: string };
}

const PATTERNS: readonly Pattern[] = [
  {
    label: 'queue with DLQ',
    detail: 'SQS queue and its dead-letter queue',
    resources: [
      [0, '${1:jobs}:'], [1, 'type: sqs'], [1, 'visibilityTimeout: ${2:3m}'], [1, 'deadLetter: { target: ${1}-dlq, maxReceiveCount: ${3:5} }'],
      [0, '${1}-dlq:'], [1, 'type: sqs'], [1, 'retention: 14d'],
    ],
    flow: { label: 'queue consumer flow', text: '${1:jobs} -> ${2:worker}: { batchSize: ${3:10} }', detail: 'a queue read by its consumer' },
  },
  {
    label: 'SNS fan-out',
    detail: 'SNS topic and two subscribed queues',
    resources: [
      [0, '${1:events}:'], [1, 'type: sns'], [1, 'encryption: kms'],
      [0, '${2:queue-a}:'], [1, 'type: sqs'],
      [0, '${3:queue-b}:'], [1, 'type: sqs'],
    ],
    flow: { label: 'fan-out flow', text: '${1:events} -> ${2:queue-a}, ${3:queue-b}', detail: 'a topic delivering to every queue' },
  },
  {
    label: 'stream with consumer',
    detail: 'Kinesis stream and the Lambda function reading it',
    resources: [
      [0, '${1:stream}:'], [1, 'type: kinesis'], [1, 'mode: on-demand'], [1, 'encryption: kms'],
      [0, '${2:consumer}:'], [1, 'type: lambda'], [1, 'timeout: ${3:1m}'],
      [0, '${2}-failed:'], [1, 'type: sqs'], [1, 'retention: 14d'],
    ],
    // Without an on-failure destination one bad record blocks its shard (esm/on-failure).
    flow: { label: 'stream consumer flow', text: '${1:stream} -> ${2:consumer}: { batchSize: ${3:100}, onFailure: ${2}-failed }', detail: 'a stream read by a Lambda function' },
  },
  {
    label: 'scheduled job',
    detail: 'EventBridge schedule and the Lambda function it runs',
    resources: [
      [0, '${1:nightly}:'], [1, 'type: schedule'], [1, 'expression: ${2:cron(0 2 * * ? *)}'],
      [0, '${3:job}:'], [1, 'type: lambda'], [1, 'timeout: ${4:5m}'], [1, 'deadLetter: { target: ${3}-failed }'],
      [0, '${3}-failed:'], [1, 'type: sqs'], [1, 'retention: 14d'],
    ],
    flow: { label: 'schedule flow', text: '${1:nightly} -> ${2:job}', detail: 'a schedule running its target' },
  },
];

function resourceSnippets(c: Context): CompletionEntry[] {
  if (c.place.inFlow || c.place.quoted || followedByColon(c)) return [];
  const entries: CompletionEntry[] = [];
  const { model } = c.analysis;
  // Ids the flows name but no resource defines: the likeliest thing to type here.
  const missing = new Set(model.references.filter((reference) => !model.byId.has(reference.id) && RESOURCE_ID.test(reference.id)).map((reference) => reference.id));
  [...missing].forEach((id, index) => {
    const body = c.lines([[0, `${id}:`], [1, 'type: ${1}']]);
    entries.push(c.entry(id, 'resource', body, { snippet: true, detail: 'named in flows, not defined yet', documentation: yamlBlock(plainSnippet(body)), sortText: `0${pad(index)}` }));
  });
  RESOURCE_TYPES.forEach((type, index) => {
    const body = c.lines([[0, '${1:name}:'], ...TYPE_SNIPPETS[type]]);
    entries.push(c.entry(type, 'snippet', body, {
      snippet: true,
      detail: `new ${TYPE_DETAILS[type]}`,
      documentation: yamlBlock(plainSnippet(body)),
      sortText: `1${pad(index)}`,
    }));
  });
  PATTERNS.forEach((pattern, index) => {
    const body = c.lines(pattern.resources);
    entries.push(c.entry(pattern.label, 'snippet', body, {
      snippet: true,
      detail: pattern.detail,
      documentation: `${yamlBlock(plainSnippet(body))}\n\nConnect them under \`flows:\` with the **${pattern.flow.label}** snippet.`,
      sortText: `2${pad(index)}`,
    }));
  });
  return entries;
}

function flowSnippets(c: Context, withDash: boolean): CompletionEntry[] {
  if (c.place.inFlow || c.place.quoted || (withDash && !ID_WORD.test(c.partial))) return [];
  const all = [{ label: 'flow', text: '${1:source} -> ${2:target}', detail: 'a connection' }, ...PATTERNS.map((pattern) => pattern.flow)];
  return all.map((flow, index) => {
    const body = (withDash ? '- ' : c.place.needsSpace ? ' ' : '') + flow.text;
    return c.entry(flow.label, 'snippet', body, { snippet: true, detail: flow.detail, documentation: yamlBlock(plainSnippet(body)), sortText: `5${pad(index)}` });
  });
}

/** The text a snippet inserts when every placeholder keeps its default. */
export function plainSnippet(body: string): string {
  const defaults = new Map<string, string>();
  for (const match of body.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(match[1]!)) defaults.set(match[1]!, match[2]!);
  for (const match of body.matchAll(/\$\{(\d+)\|([^,|]*)[^}]*\}/g)) if (!defaults.has(match[1]!)) defaults.set(match[1]!, match[2]!);
  return body
    .replace(/\$\{(\d+):[^}]*\}/g, (_whole, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+)\|[^}]*\}/g, (_whole, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_whole, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
}

function yamlBlock(body: string): string {
  return '```yaml\n' + body.replace(/\r\n/g, '\n') + '\n```';
}

// ---------------------------------------------------------------------------------------
// Comments: `# awsflow-ignore <rule-id>, …`.

function commentCompletions(analysis: Analysis, doc: Doc, commentStart: number, offset: number, links: DocsLinks): CompletionEntry[] {
  const body = analysis.text.slice(commentStart, offset);
  const directive = /^#[ \t]*([A-Za-z-]+)$/.exec(body);
  if (directive && 'awsflow-ignore'.startsWith(directive[1]!)) {
    return [{ label: 'awsflow-ignore', kind: 'keyword', insertText: 'awsflow-ignore ', detail: 'silence rules on this line or the next', documentation: 'Silences the findings of the listed rules on this line or the line below: `# awsflow-ignore <rule-id>[, <rule-id>…] -- <reason>`.', replace: { start: offset - directive[1]!.length, end: offset } }];
  }
  const ignore = /^#[ \t]*awsflow-ignore[ \t]+(.*)$/.exec(body);
  if (!ignore || ignore[1]!.includes('--')) return [];
  const listed = ignore[1]!;
  const partial = /[A-Za-z0-9/_-]*$/.exec(listed)![0];
  const written = new Set(listed.slice(0, listed.length - partial.length).split(/[\s,]+/).filter(Boolean));
  const line = doc.lineAt(offset);
  const here = new Map<string, string>();
  for (const finding of analysis.findings) {
    const findingLine = doc.lineAt(finding.start);
    // The comment's own findings (an ignore without a reason, or silencing nothing yet) are not what it is for.
    if (finding.ruleId.startsWith('suppression/')) continue;
    if ((findingLine === line || findingLine === line + 1) && !here.has(finding.ruleId)) here.set(finding.ruleId, finding.message);
  }
  return rules.filter((rule) => !written.has(rule.id)).map((rule) => {
    const message = here.get(rule.id);
    return {
      label: rule.id,
      kind: 'rule' as const,
      insertText: rule.id,
      detail: rule.summary,
      documentation: (message ? `Silences: ${message}\n\n` : '') + ruleDocumentation(rule.id, rule.summary, rule.defaultSeverity, links),
      replace: { start: offset - partial.length, end: offset },
      sortText: `${message ? 0 : 1}${rule.id}`,
    };
  });
}
