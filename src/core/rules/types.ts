import type { Model } from '../model/model';
import type { OffsetRange } from '../text/line-index';
import type { SyntaxProblem } from '../parse/chunks';
import type { SchemaError } from '../schema/validate';
import type { Edits, TextEdit } from '../edit/edits';
import type { Fact } from '../limits/aws';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedInformation extends OffsetRange {
  readonly message: string;
}

export interface Finding extends OffsetRange {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageId: string;
  /** A safe fix, applied by `--fix` and `source.fixAll`. */
  readonly fix?: Fix;
  /** Alternatives that need the user's judgement (quick-fix menu only). */
  readonly suggestions: readonly Fix[];
  readonly related: readonly RelatedInformation[];
}

export type MessageData = Readonly<Record<string, string | number>>;

export type FixBuilder = (edits: Edits) => TextEdit | readonly TextEdit[] | undefined;

export interface Report<MessageId extends string> {
  /** Where the finding sits: a node (value, key, flow token) or any offset range. */
  readonly at: OffsetRange;
  readonly messageId: MessageId;
  readonly data?: MessageData;
  /** For rules with two levels (error where AWS refuses, warning where it only advises). */
  readonly severity?: Severity;
  readonly fix?: { readonly messageId: MessageId; readonly data?: MessageData; readonly build: FixBuilder };
  readonly suggest?: readonly { readonly messageId: MessageId; readonly data?: MessageData; readonly build: FixBuilder }[];
  readonly related?: readonly { readonly at: OffsetRange; readonly message: string }[];
}

export interface RuleContext<MessageId extends string> {
  readonly model: Model;
  readonly text: string;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly schemaErrors: readonly SchemaError[];
  /** Every rule id awsflow knows (for checks on `rules:` and ignore comments). */
  readonly ruleIds: readonly string[];
  /** Today's date, `YYYY-MM-DD` (UTC): from the analysis options, or the clock read once per analysis. */
  readonly today: string;
  report(report: Report<MessageId>): void;
}

export interface RuleMeta<MessageId extends string> {
  /** `<category>/<name>`, the same as the file's path under rules/. Never reused or renamed. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line: `awsflow rules`, docs, hover. */
  readonly summary: string;
  /** The AWS facts the rule rests on (value and source). */
  readonly facts?: readonly Fact[];
  /** Documentation links for facts not kept as numbers. */
  readonly sources?: readonly string[];
  /** Reports a safe `fix` somewhere. */
  readonly fixable: boolean;
  /** Reports `suggest` alternatives somewhere. */
  readonly hasSuggestions: boolean;
  readonly messages: Readonly<Record<MessageId, string>>;
}

export interface Rule<MessageId extends string = string> extends RuleMeta<MessageId> {
  check(context: RuleContext<MessageId>): void;
}
