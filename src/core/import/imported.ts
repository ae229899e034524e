/**
 * What an import produces before it is written: awsflow resources and flows, each value
 * with the template range it came from, so the writer can build the source map.
 */
import type { OffsetRange } from '../text/line-index';

/** A range in one of the templates of an import (`template`: its index in the input). */
export interface TemplateRange extends OffsetRange {
  readonly template: number;
}

/** A value written as YAML text (`30s`, `true`, `"orders.fifo"`, `{"source": ["shop"]}`), or a nested map. */
export type ImportedValue =
  | { readonly text: string; readonly source?: TemplateRange }
  | { readonly entries: readonly ImportedProperty[]; readonly source?: TemplateRange };

export interface ImportedProperty {
  readonly key: string;
  readonly value: ImportedValue;
}

export interface ImportedResource {
  /** The template's logical id, unchanged (or the id SAM gives what it generates). */
  readonly id: string;
  readonly type: string;
  /** The logical id's range in its template (for a generated resource: what generated it). */
  readonly source: TemplateRange;
  /** The CloudFormation type it came from, for the comment naming its line. */
  readonly templateType: string;
  readonly group?: string;
  readonly properties: ImportedProperty[];
  /** Comments written above the resource: a condition, a value left out and why. */
  readonly notes: string[];
}

export interface ImportedFlow {
  readonly from: string;
  readonly to: string;
  readonly properties: ImportedProperty[];
  /** What states the connection in the template. */
  readonly source: TemplateRange;
  /** Why it is a flow, for people: `event source mapping`, `SQSSendMessagePolicy`. */
  readonly because: string;
}

export interface ImportedTemplate {
  readonly name: string;
  readonly text: string;
}
