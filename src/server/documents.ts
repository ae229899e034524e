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
   * Debounce with a leading edge: an edit when no check is waiting is checked at once (on
   * the next turn, so changes that arrived together are checked together); edits that
   * arrive while a check is waiting push it back, to `delay` after the last of them.
   * Fast typing on a large file is thus checked once per pause, never once per key.
   */
  schedule(uri: string, delay: number, run: () => void): void {
    const state = this.state(uri);
    const waiting = state.timer !== undefined;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      run();
    }, waiting ? delay : 0);
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { analyzer: new Analyzer() };
      this.states.set(uri, state);
    }
    return state;
  }
}
