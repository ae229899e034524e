/**
 * The three output formats of `awsflow check`. Positions become 1-based here and nowhere
 * else. The stylish report escapes the control characters of file names and messages;
 * JSON and SARIF carry the text as it is, in JSON strings (see toJson).
 */
import type { Analysis, Finding, Rule } from '../core/index';
import { escapeControlCharacters, fixesNeedingDecision } from '../core/index';

export interface FileResult {
  file: string;
  analysis: Analysis;
}

interface Located {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What locating and the stylish report need of a result: an import's syntax errors have no full analysis. */
export interface FindingsOf {
  file: string;
  analysis: Pick<Analysis, 'lineIndex' | 'findings'>;
}

export function locate(result: FindingsOf): Located[] {
  const { lineIndex, findings } = result.analysis;
  return findings.map((finding) => {
    const range = lineIndex.rangeOf(finding);
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: range.start.line + 1,
      column: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    };
  });
}

/**
 * What `--fix` left because it needs a decision (a rename, an override of a value AWS
 * accepts): `2 fixes need a decision: run them from the editor` and one line per fix.
 * Empty when there is none.
 */
export function formatUndecided(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of fixesNeedingDecision(result.analysis)) {
      const start = result.analysis.lineIndex.positionAt(finding.start);
      lines.push(
        `  ${escapeControlCharacters(result.file)}:${start.line + 1}:${start.character + 1}  ${escapeControlCharacters(finding.fix!.title)}  ${finding.ruleId}`,
      );
    }
  }
  if (lines.length === 0) return '';
  const count = lines.length === 1 ? '1 fix needs a decision' : `${lines.length} fixes need a decision`;
  return `${count}: run ${lines.length === 1 ? 'it' : 'them'} from the editor (Ctrl+. on the problem) or edit by hand:\n${lines.join('\n')}\n`;
}

export function formatJson(results: readonly FindingsOf[]): string {
  return toJson(results.map((result) => ({ file: result.file, findings: locate(result) })));
}

/**
 * JSON.stringify escapes C0 control characters and line breaks inside strings, but
 * leaves DEL and the C1 controls raw, which some terminals act on when the output is
 * shown: those become \u escapes too. Still the same JSON value.
 */
function toJson(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n'
  );
}

export function formatStylish(results: readonly FindingsOf[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityText = { error: paint('31', 'error'), warning: paint('33', 'warning'), info: paint('36', 'info') };
  const out: string[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  for (const result of results) {
    const located = locate(result).map((l) => ({ ...l, message: escapeControlCharacters(l.message) }));
    if (located.length === 0) continue;
    out.push(paint('4', escapeControlCharacters(result.file)));
    const positionWidth = Math.max(...located.map((l) => `${l.line}:${l.column}`.length));
    const messageWidth = Math.min(100, Math.max(...located.map((l) => l.message.length)));
    for (const l of located) {
      totals[l.severity]++;
      const position = `${l.line}:${l.column}`.padEnd(positionWidth);
      const severity = severityText[l.severity] + ' '.repeat(7 - l.severity.length);
      out.push(`  ${paint('2', position)}  ${severity}  ${l.message.padEnd(messageWidth)}  ${paint('2', l.ruleId)}`);
    }
    out.push('');
  }
  const problems = totals.error + totals.warning + totals.info;
  if (problems === 0) {
    out.push(`${results.length} file${results.length === 1 ? '' : 's'} checked, no problems.`);
  } else {
    const summary = `${problems} problem${problems === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info) in ${results.length} file${results.length === 1 ? '' : 's'}`;
    out.push(paint(totals.error ? '31;1' : '33;1', `✖ ${summary}`));
  }
  return out.join('\n') + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: readonly FindingsOf[], rules: readonly Rule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'awsflow',
            version,
            semanticVersion: version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|[/-])(\w)/g, (_, _sep: string, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.summary },
              // No helpUri: awsflow's docs have no public web address; the page ships with the CLI.
              help: {
                text: `${rule.summary}. \`awsflow explain ${rule.id}\` prints its documentation.`,
                markdown: `${rule.summary}. \`awsflow explain ${rule.id}\` prints its documentation.`,
              },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
              properties: { tags: [rule.id.split('/')[0]] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          locate(result).map((l) => ({
            ruleId: l.ruleId,
            ...(ruleIndex.has(l.ruleId) ? { ruleIndex: ruleIndex.get(l.ruleId) } : {}),
            level: SARIF_LEVEL[l.severity],
            message: { text: l.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(result.file.split('\\').join('/')), uriBaseId: '%SRCROOT%' },
                  region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return toJson(sarif);
}
