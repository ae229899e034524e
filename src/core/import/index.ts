/**
 * `importTemplates`: CloudFormation, SAM and CDK templates (their texts; reading files is
 * the caller's) to an `.awsflow` text and a source map back to the templates.
 */
import { LineIndex } from '../text/line-index';
import { ImportBuilder } from './map';
import { isTemplate, readTemplate, type Template, type TemplateProblem } from './template';
import { writeImport, type SourceMap } from './write';

export interface TemplateInput {
  /** Shown in comments: a file name, or a CDK stack's template file. */
  readonly name: string;
  readonly text: string;
  /** A CDK stack's name: its resources form a `group`. */
  readonly stack?: string;
}

export type ImportResult =
  /** Written. `duplicateKeys`: keys repeated in a template's maps (the first was read), said in the header too. */
  | {
      readonly kind: 'imported';
      readonly text: string;
      readonly sourceMap: SourceMap;
      readonly templates: readonly Template[];
      readonly duplicateKeys: readonly { readonly template: number; readonly problem: TemplateProblem }[];
    }
  /**
   * YAML or JSON errors in one template (or a template too large to import: a problem with
   * code `TOO_LARGE`): reported like `check` reports them. `looksLikeTemplate`: whether the
   * text, as far as it was read, says it is a template, so that a caller who was not told
   * can tell a broken template from a file of some other kind.
   */
  | {
      readonly kind: 'syntax-errors';
      readonly template: number;
      readonly problems: readonly TemplateProblem[];
      readonly looksLikeTemplate: boolean;
    }
  /** Parsed, but not a CloudFormation or SAM template. */
  | { readonly kind: 'not-a-template'; readonly template: number };

/**
 * The longest template text imported, in UTF-16 code units: twice the 1 MB CloudFormation
 * accepts for a template (see CLOUDFORMATION_TEMPLATE_BYTES), so that every template
 * CloudFormation deploys is read, and reading stays bounded: the import of a 2 M character
 * template takes seconds; a 10 MB file took minutes and a gigabyte of memory.
 */
export const MAX_TEMPLATE_LENGTH = 2 * 1024 * 1024;

/** What CloudFormation accepts: a template body of at most 1 MB (from S3; 51,200 bytes inline). */
const CLOUDFORMATION_TEMPLATE_BYTES = 1024 * 1024;

/** Words only a template has: its version, the SAM transform, a resource type. */
const TEMPLATE_MARKERS = /AWSTemplateFormatVersion|AWS::Serverless-2016-10-31|\bAWS::[A-Za-z0-9]+::[A-Za-z0-9]+/;

export interface ImportOptions {
  /** How each template text is read; an editor passes a TemplateReader's, which re-parses only the pieces an edit changed. */
  readonly read?: (text: string) => Template;
  /**
   * Whether the comment above each resource and after each flow names its template line
   * (the default, for people). A check leaves the lines out, so that a line added to the
   * template changes no more of the generated text than the resources it edits.
   */
  readonly templateLines?: boolean;
}

export function importTemplates(inputs: readonly TemplateInput[], title: string, options: ImportOptions = {}): ImportResult {
  const read = options.read ?? readTemplate;
  for (let index = 0; index < inputs.length; index++) {
    const text = inputs[index]!.text;
    if (text.length > MAX_TEMPLATE_LENGTH) {
      return { kind: 'syntax-errors', template: index, problems: [tooLarge(text)], looksLikeTemplate: TEMPLATE_MARKERS.test(text) };
    }
  }
  const templates = inputs.map((input) => read(input.text));
  for (let index = 0; index < templates.length; index++) {
    const template = templates[index]!;
    if (template.problems.some((problem) => problem.code !== 'DUPLICATE_KEY')) {
      const looksLikeTemplate = isTemplate(template) || TEMPLATE_MARKERS.test(inputs[index]!.text);
      return { kind: 'syntax-errors', template: index, problems: template.problems, looksLikeTemplate };
    }
    if (!isTemplate(template)) return { kind: 'not-a-template', template: index };
  }
  const builder = new ImportBuilder(
    templates.map((template, index) => ({ template, ...(inputs[index]!.stack !== undefined ? { group: inputs[index]!.stack } : {}) })),
  );
  // Made when a line is asked for (a check writes no template lines).
  const lineIndexes: (LineIndex | undefined)[] = [];
  const lineOf = (template: number, offset: number): number =>
    (lineIndexes[template] ??= new LineIndex(inputs[template]!.text)).positionAt(offset).line;
  const duplicateKeys = templates.flatMap((template, index) =>
    template.problems.filter((problem) => problem.code === 'DUPLICATE_KEY').map((problem) => ({ template: index, problem })),
  );
  for (const { template, problem } of duplicateKeys) {
    const line = lineOf(template, problem.start) + 1;
    builder.headerNotes.push(`${inputs[template]!.name}:${line}: ${problem.message}; the first one is read.`);
  }
  builder.finish();
  const written = writeImport(
    builder,
    inputs.map((input, index) => ({ name: input.name, lineOf: (offset: number) => lineOf(index, offset) })),
    title,
    descriptionOf(templates),
    options.templateLines ?? true,
  );
  return { kind: 'imported', text: written.text, sourceMap: written.sourceMap, templates, duplicateKeys };
}

function tooLarge(text: string): TemplateProblem {
  const size = (text.length / (1024 * 1024)).toFixed(1);
  return {
    start: 0,
    end: 0,
    code: 'TOO_LARGE',
    message: `The template has ${size} M characters; awsflow imports templates up to ${MAX_TEMPLATE_LENGTH / (1024 * 1024)} M characters (CloudFormation itself takes templates of ${CLOUDFORMATION_TEMPLATE_BYTES / (1024 * 1024)} MB at most). Split it into several stacks.`,
  };
}

/** The first template's `Description`, when it is a plain string. */
function descriptionOf(templates: readonly Template[]): string | undefined {
  const value = templates[0]?.sections.get('Description')?.value;
  return value?.kind === 'scalar' && typeof value.value === 'string' && value.value.trim() !== ''
    ? value.value.trim().split('\n')[0]
    : undefined;
}

export {
  readTemplate,
  isTemplate,
  INTRINSIC_TAGS,
  type Template,
  type TemplateValue,
  type TemplateResource,
  type TemplateProblem,
} from './template';
export { GENERATED_HEADER, type SourceMap, type SourceMapEntry, type ResourceSource } from './write';
export type { TemplateRange } from './imported';
export { DEFAULT_BUS_ID } from './map';
export { TemplateReader } from './reader';
export { checkTemplate, templateSyntaxFindings, TemplateLocator, type TemplateCheck, type TemplateCheckOptions } from './check';
