/**
 * Which documents the server reads as CloudFormation or SAM templates. The client sends
 * the server every YAML and JSON file the user opens (see TEMPLATE_DOCUMENT_SELECTOR), and
 * most are not templates: a look at the text with three regular expressions decides
 * whether one may be, and only then is it parsed (by `checkTemplate`, which has the last
 * word: a file that parses and names no AWS resource is not a template). So a
 * Kubernetes manifest or a package.json costs a scan of its text and nothing more.
 */
import { LineIndex, type TemplateCheck } from '../core/index';

/** What `isTemplate` looks for, as text: `AWSTemplateFormatVersion:`, the SAM transform, or a `Type: AWS::…` under `Resources:`. */
const FORMAT_VERSION = /["']?AWSTemplateFormatVersion["']?\s*:/;
const SAM_TRANSFORM = /AWS::Serverless-2016-10-31/;
const RESOURCES = /["']?Resources["']?\s*:/;
const AWS_TYPE = /["']?Type["']?\s*:\s*["']?AWS::/;

export function mayBeTemplate(text: string): boolean {
  return FORMAT_VERSION.test(text) || SAM_TRANSFORM.test(text) || (RESOURCES.test(text) && AWS_TYPE.test(text));
}

/** awsflow's own files: by language, or by extension for a client that does not say `awsflow`. */
export function isAwsflowDocument(document: { uri: string; languageId: string }): boolean {
  return document.languageId === 'awsflow' || /\.awsflow$/i.test(document.uri);
}

/** The import's title, as `awsflow import` names it: the file name without its extension. */
export function templateTitle(uri: string): string {
  const name = decodeURIComponent(uri.replace(/[?#].*$/, '').replace(/^.*\//, ''));
  return name.replace(/\.(?:ya?ml|json|template)$/i, '') || 'template';
}

/** A document checked as a template: the check (YAML errors, or findings and the import) and the template's line index. */
export interface TemplateDocument {
  readonly check: Exclude<TemplateCheck, { kind: 'not-a-template' }>;
  readonly lineIndex: LineIndex;
}

/** One version of a document the server was sent as a possible template. */
export interface TemplateResult {
  readonly version: number;
  readonly settingsKey: string;
  /** Undefined: not a template (nothing of awsflow's for it). */
  readonly template: TemplateDocument | undefined;
}

export function templateDocument(text: string, check: TemplateCheck): TemplateDocument | undefined {
  return check.kind === 'not-a-template' ? undefined : { check, lineIndex: new LineIndex(text) };
}
