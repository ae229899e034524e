/**
 * The language status item's content, from the server's state and the active file's
 * counts. vscode-free (severities as strings), so the wording is unit-tested.
 */
import { MAX_RESTARTS, type ServerState } from './server-state';

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export interface StatusContent {
  text: string;
  /** What a screen reader says: plain words, no `$(icon)` codes. */
  label: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  /** What clicking the item does. */
  action: 'showOutput' | 'restartServer';
}

export function describeStatus(state: ServerState, counts: ProblemCounts | undefined): StatusContent {
  switch (state.kind) {
    case 'starting':
      return {
        text: 'awsflow: starting',
        label: 'awsflow: the language server is starting',
        detail: 'Starting the language server…',
        severity: 'information',
        busy: true,
        action: 'showOutput',
      };
    case 'restarting':
      return {
        text: 'awsflow: restarting',
        label: 'awsflow: the language server stopped unexpectedly and is restarting',
        detail: `The language server stopped unexpectedly; restarting it (restart ${state.attempt} of at most ${MAX_RESTARTS} within 3 minutes).`,
        severity: 'warning',
        busy: true,
        action: 'showOutput',
      };
    case 'failed':
      return {
        text: 'awsflow: stopped',
        label: 'awsflow: the language server has stopped; activate to restart it',
        detail: `${state.reason} Click to restart it.`,
        severity: 'error',
        busy: false,
        action: 'restartServer',
      };
    case 'stopped':
      return {
        text: 'awsflow: stopped',
        label: 'awsflow: the language server is not running; activate to restart it',
        detail: 'The language server is not running. Click to restart it.',
        severity: 'warning',
        busy: false,
        action: 'restartServer',
      };
    case 'running':
      return {
        text: countsText(counts),
        label: countsLabel(counts),
        detail: 'Language server running',
        severity: 'information',
        busy: false,
        action: 'showOutput',
      };
  }
}

/** `$(error) 2 $(warning) 1`, as the Problems panel counts them; a check mark when there are none. */
export function countsText(counts: ProblemCounts | undefined): string {
  if (!counts) return 'awsflow';
  if (counts.errors === 0 && counts.warnings === 0) return '$(check) No problems';
  return `$(error) ${counts.errors} $(warning) ${counts.warnings}`;
}

/** The counts in words, for screen readers: `awsflow: 2 errors, 1 warning in this file`. */
export function countsLabel(counts: ProblemCounts | undefined): string {
  if (!counts) return 'awsflow: the language server is running';
  if (counts.errors === 0 && counts.warnings === 0) return 'awsflow: no problems in this file';
  return `awsflow: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in this file`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
