import type { Analysis } from './analyze';
import type { TextEdit } from './edit/edits';
import type { Finding } from './rules/types';

/**
 * The fixes safe to apply blind (`safeForFixAll`), without overlaps: the first fix (in
 * document order) wins a contested span; the others wait for the next round
 * (`awsflow check --fix` runs rounds until nothing changes). A fix that overrides a value
 * AWS accepts or renames a resource is never among them: it needs a decision.
 */
export function fixAll(analysis: Analysis): TextEdit[] {
  const chosen: TextEdit[] = [];
  const taken: { start: number; end: number }[] = [];
  for (const finding of safelyFixable(analysis)) {
    const edits = finding.fix!.edits;
    const overlaps = edits.some((edit) =>
      taken.some(
        (t) => (edit.start < t.end && t.start < edit.end) || (edit.start === edit.end && edit.start === t.start && t.start === t.end),
      ),
    );
    if (overlaps) continue;
    for (const edit of edits) {
      chosen.push(edit);
      taken.push({ start: edit.start, end: edit.end });
    }
  }
  return chosen;
}

/** The findings whose fix fix-all applies. */
export function safelyFixable(analysis: Analysis): Finding[] {
  return analysis.findings.filter((finding) => finding.fix?.safeForFixAll === true);
}

/** The findings whose fix fix-all leaves for the user to run one by one (a rename, an override). */
export function fixesNeedingDecision(analysis: Analysis): Finding[] {
  return analysis.findings.filter((finding) => finding.fix !== undefined && !finding.fix.safeForFixAll);
}
