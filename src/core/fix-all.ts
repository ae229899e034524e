import type { Analysis } from './analyze';
import type { TextEdit } from './edit/edits';

/**
 * The safe fixes of an analysis, without overlaps: the first fix (in document order)
 * wins a contested span; the others wait for the next round (`awsflow check --fix`
 * runs rounds until nothing changes).
 */
export function fixAll(analysis: Analysis): TextEdit[] {
  const chosen: TextEdit[] = [];
  const taken: { start: number; end: number }[] = [];
  for (const finding of analysis.findings) {
    if (!finding.fix) continue;
    const edits = finding.fix.edits;
    const overlaps = edits.some((edit) => taken.some((t) => edit.start < t.end && t.start < edit.end || (edit.start === edit.end && edit.start === t.start && t.start === t.end)));
    if (overlaps) continue;
    for (const edit of edits) {
      chosen.push(edit);
      taken.push({ start: edit.start, end: edit.end });
    }
  }
  return chosen;
}
