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
  /** Written. */
  | { readonly kind: 'imported'; readonly text: string; readonly sourceMap: SourceMap; readonly templates: readonly Template[] }
  /** YAML or JSON errors in one template: reported like `check` reports them. */
  | { readonly kind: 'syntax-errors'; readonly template: number; readonly problems: readonly TemplateProblem[] }
  /** Parsed, but not a CloudFormation or SAM template. */
  | { readonly kind: 'not-a-template'; readonly template: number };

export function importTemplates(inputs: readonly TemplateInput[], title: string): ImportResult {
  const templates = inputs.map((input) => readTemplate(input.text));
  for (let index = 0; index < templates.length; index++) {
    const template = templates[index]!;
    if (template.problems.length > 0) return { kind: 'syntax-errors', template: index, problems: template.problems };
    if (!isTemplate(template)) return { kind: 'not-a-template', template: index };
  }
  const builder = new ImportBuilder(
    templates.map((template, index) => ({ template, ...(inputs[index]!.stack !== undefined ? { group: inputs[index]!.stack } : {}) })),
  );
  builder.finish();
  const written = writeImport(
    builder,
    inputs.map((input) => ({ name: input.name, lineIndex: new LineIndex(input.text) })),
    title,
    descriptionOf(templates),
  );
  return { kind: 'imported', text: written.text, sourceMap: written.sourceMap, templates };
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
export { checkTemplate, templateSyntaxFindings, TemplateLocator, type TemplateCheck, type TemplateCheckOptions } from './check';
