/**
 * Whether the diagram of an analysis can be drawn as the architecture, or the file is
 * momentarily broken and the preview should keep its last good diagram, dimmed, with
 * the reason. Decided here, from the same analysis as the diagram and the diagnostics,
 * so the preview needs neither the Problems panel nor a list of rule ids.
 *
 * Broken: a finding of the `syntax` rules, that is YAML that does not parse, a duplicate
 * key (YAML keeps one value, so the model may hold the wrong one), or a file over the
 * size limits, binary or nested too deep (nothing is read at all). What the model holds
 * then is a fragment, and drawing it would show a wrong architecture for a keystroke.
 *
 * Drawable, with their marks on the nodes and edges: schema errors (at the top level or
 * in a resource), a flow that names an unknown resource (that step is left out and the
 * entry is marked), every other rule's finding, and an empty file or one without
 * resources (an empty drawing). A `syntax` rule turned off in the settings, or a finding
 * suppressed by a comment, does not count, as in the Problems panel.
 */
import type { Analysis } from '../analyze';

export type DiagramVerdict =
  | { readonly kind: 'drawable' }
  | {
      readonly kind: 'broken';
      /** The first breaking finding's message, on one line. */
      readonly reason: string;
      readonly ruleId: string;
      /** Where that finding is. */
      readonly start: number;
      readonly end: number;
      /** How many more breaking findings the file has. */
      readonly more: number;
    };

/** Whether a finding of this rule makes the file unreadable as an architecture (see the file comment). */
export function breaksTheDiagram(ruleId: string): boolean {
  return ruleId.startsWith('syntax/');
}

export function diagramVerdict(analysis: Analysis): DiagramVerdict {
  // Findings are sorted by position: the first is the one nearest the top.
  const breaking = analysis.findings.filter((finding) => breaksTheDiagram(finding.ruleId));
  const first = breaking[0];
  if (!first) return { kind: 'drawable' };
  return {
    kind: 'broken',
    reason: first.message.replace(/\s+/g, ' ').trim(),
    ruleId: first.ruleId,
    start: first.start,
    end: first.end,
    more: breaking.length - 1,
  };
}
