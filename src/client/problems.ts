/**
 * The awsflow diagnostics VS Code holds for a document, and their counts: what the
 * status item shows and what tells the preview whether the file is momentarily broken.
 */
import * as vscode from 'vscode';
import type { ProblemCounts } from './status-text';

export interface DocumentProblems extends ProblemCounts {
  diagnostics: readonly vscode.Diagnostic[];
}

export function problemsOf(uri: vscode.Uri): DocumentProblems {
  // Only ours: spell checkers and other linters may report on the same file.
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'awsflow');
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { diagnostics, errors, warnings };
}
