/**
 * One analysis per document version. Each open document keeps an Analyzer (so edits
 * re-parse only the blocks they touch) and its latest analysis; handlers ask for the
 * analysis of the version they were called for and never see a stale one.
 */
import { Analyzer, type Analysis } from '../core/index';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AwsflowSettings } from '../protocol/settings';

interface DocumentState {
  analyzer: Analyzer;
  latest?: { version: number; settingsKey: string; analysis: Analysis };
  timer?: ReturnType<typeof setTimeout>;
  /** When the last scheduled check ran (ms, monotonic). */
  lastRun: number;
}

export class AnalysisCache {
  private readonly states = new Map<string, DocumentState>();

  constructor(private readonly log: (message: string) => void) {}

  analysisFor(document: TextDocument, settings: AwsflowSettings): Analysis {
    const state = this.state(document.uri);
    const settingsKey = JSON.stringify(settings.rules);
    if (state.latest && state.latest.version === document.version && state.latest.settingsKey === settingsKey) return state.latest.analysis;
    const analysis = state.analyzer.analyze(document.getText(), { ruleSeverities: settings.rules });
    for (const error of analysis.internalErrors) this.log(`rule ${error.ruleId} failed on ${document.uri}: ${error.message}`);
    state.latest = { version: document.version, settingsKey, analysis };
    return analysis;
  }

  /** The last analysis, whatever its version (for requests that may use a slightly older one). */
  latest(uri: string): { version: number; analysis: Analysis } | undefined {
    return this.states.get(uri)?.latest;
  }

  /**
   * Debounce with a leading edge: an edit after a quiet spell is checked at once (on the
   * next turn, so changes sent together are checked together); edits that follow within
   * `delay` are gathered and checked once, `delay` after the last of them.
   */
  schedule(uri: string, delay: number, run: () => void): void {
    const state = this.state(uri);
    const now = performance.now();
    const quiet = !state.timer && now - state.lastRun >= delay;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      state.lastRun = performance.now();
      run();
    }, quiet ? 0 : delay);
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { analyzer: new Analyzer(), lastRun: Number.NEGATIVE_INFINITY };
      this.states.set(uri, state);
    }
    return state;
  }
}
