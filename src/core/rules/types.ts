import type { Connection, Model } from '../model/model';
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
  /**
   * Whether `--fix` and `source.fixAll` may apply it without asking. False for a fix that
   * overrides a value AWS accepts (the user may have written it on purpose) or renames a
   * physical resource (the rename replaces it at deploy): those stay single quick fixes,
   * whose titles name the consequence. Always false for a suggestion.
   */
  readonly safeForFixAll: boolean;
}

export interface RelatedInformation extends OffsetRange {
  readonly message: string;
}

export interface Finding extends OffsetRange {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageId: string;
  /** The fix for the finding: the preferred quick fix, applied by `--fix` and `source.fixAll` when `safeForFixAll`. */
  readonly fix?: Fix;
  /** Alternatives that need the user's judgement (quick-fix menu only). */
  readonly suggestions: readonly Fix[];
  readonly related: readonly RelatedInformation[];
  /** The connections the finding is about (`connectionKey`), for the diagram to mark those edges only. */
  readonly connections?: readonly string[];
}

export type MessageData = Readonly<Record<string, string | number>>;

export type FixBuilder = (edits: Edits) => TextEdit | readonly TextEdit[] | undefined;

/**
 * Where something sits: a node (value, key, flow token), any offset range, or a
 * connection, which the engine places on the connection's own id in the flow
 * (`connectionToken`): a fan-out's target, a fan-in's source.
 */
export type ReportAt = OffsetRange | Connection;
export interface ReportedFix<MessageId extends string> {
  readonly messageId: MessageId;
  readonly data?: MessageData;
  readonly build: FixBuilder;
  /**
   * `false` when the fix needs a decision (it overrides a value AWS accepts, or renames a
   * physical resource): it stays a quick fix and fix-all leaves it. Say the consequence
   * in its message: "Rename to 'orders.fifo' (replaces the queue at deploy)".
   */
  readonly safeForFixAll?: false;
}

export interface Report<MessageId extends string> {
  /** Where the finding sits. A connection here is also what the finding is about (`connections`). */
  readonly at: ReportAt;
  /**
   * The connections the finding is about, when it sits elsewhere (on a connection
   * property shared by a whole flow entry, on a resource): the diagram marks their edges
   * only. Defaults to `at` when that is a connection.
   */
  readonly connections?: readonly Connection[];
  readonly messageId: MessageId;
  readonly data?: MessageData;
  /** For rules with two levels (error where AWS refuses, warning where it only advises). */
  readonly severity?: Severity;
  readonly fix?: ReportedFix<MessageId>;
  readonly suggest?: readonly { readonly messageId: MessageId; readonly data?: MessageData; readonly build: FixBuilder }[];
  readonly related?: readonly { readonly at: ReportAt; readonly message: string }[];
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
