/**
 * One analysis per document version. Each open document keeps an Analyzer (so edits
 * re-parse only the blocks they touch) and its latest analysis; handlers ask for the
 * analysis of the version they were called for and never see a stale one.
 */
import { Analyzer, checkTemplate, TemplateReader, type Analysis } from '../core/index';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AwsflowSettings } from '../protocol/settings';
import { mayBeTemplate, templateDocument, templateTitle, type TemplateResult } from './templates';

/**
 * One version of a document, as it was when a message asked about it. `TextDocuments`
 * updates its document objects in place, so a version or text read from one after an
 * `await` may be a later one than the request (or the check) was for: every answer is
 * computed from, and tagged with, a snapshot taken before the first `await`.
 */
export interface DocumentSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

export function snapshotOf(document: TextDocument): DocumentSnapshot {
  return { uri: document.uri, version: document.version, text: document.getText() };
}

interface DocumentState {
  analyzer: Analyzer;
  latest?: { version: number; settingsKey: string; analysis: Analysis };
  pending?: { version: number; settingsKey: string; promise: Promise<Analysis> };
  /** Analyses of one document run one after another: they share the Analyzer's blocks. */
  queue: Promise<unknown>;
  timer?: ReturnType<typeof setTimeout>;
  /** For a document sent as a possible template (YAML, JSON): its latest check. */
  template?: TemplateResult;
  /** Made at the first check of a template: its pieces, so that an edit re-parses only those it changed. */
  templateReader?: TemplateReader;
}

/**
 * Let other requests through between batches of a large first parse. In Node,
 * setImmediate runs right after pending I/O (incoming messages); setTimeout(0) would
 * add a millisecond or more per batch. Browsers (the worker build) have only setTimeout.
 */
const pause: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise<void>((resolve) => setImmediate(resolve))
    : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class AnalysisCache {
  private readonly states = new Map<string, DocumentState>();

  constructor(private readonly log: (message: string) => void) {}

  analysisFor(document: DocumentSnapshot, settings: AwsflowSettings): Promise<Analysis> {
    const state = this.state(document.uri);
    const settingsKey = JSON.stringify(settings.rules);
    const { version, text } = document;
    if (state.latest && state.latest.version === version && state.latest.settingsKey === settingsKey)
      return Promise.resolve(state.latest.analysis);
    if (state.pending && state.pending.version === version && state.pending.settingsKey === settingsKey) return state.pending.promise;
    const promise = state.queue.then(async () => {
      const latest = state.latest;
      if (latest && latest.version === version && latest.settingsKey === settingsKey) return latest.analysis;
      const analysis = await state.analyzer.analyzeAsync(text, { ruleSeverities: settings.rules }, pause);
      for (const error of analysis.internalErrors) this.log(`rule ${error.ruleId} failed on ${document.uri}: ${error.message}`);
      if (!state.latest || state.latest.version <= version) state.latest = { version, settingsKey, analysis };
      return analysis;
    });
    state.queue = promise.catch(() => undefined);
    state.pending = { version, settingsKey, promise };
    return promise;
  }

  /**
   * A possible template's check, for this version: the cheap look first (most YAML and
   * JSON files stop there), then the import (with the document's own TemplateReader) and
   * the analysis of its text on the document's own Analyzer, so the next version
   * re-parses and re-analyses only what changed.
   */
  templateFor(document: DocumentSnapshot, settings: AwsflowSettings): TemplateResult {
    const state = this.state(document.uri);
    const settingsKey = JSON.stringify(settings.rules);
    const latest = state.template;
    if (latest && latest.version === document.version && latest.settingsKey === settingsKey) return latest;
    const { text } = document;
    let template: TemplateResult['template'];
    if (mayBeTemplate(text)) {
      state.templateReader ??= new TemplateReader();
      const options = { ruleSeverities: settings.rules, name: templateTitle(document.uri) };
      template = templateDocument(text, checkTemplate(text, options, state.analyzer, state.templateReader));
    }
    if (template?.check.kind === 'checked')
      for (const error of template.check.imported.analysis.internalErrors)
        this.log(`rule ${error.ruleId} failed on ${document.uri}: ${error.message}`);
    const result = { version: document.version, settingsKey, template };
    if (!latest || latest.version <= document.version) state.template = result;
    return result;
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
    state.timer = setTimeout(
      () => {
        state.timer = undefined;
        run();
      },
      waiting ? delay : 0,
    );
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { analyzer: new Analyzer(), queue: Promise.resolve() };
      this.states.set(uri, state);
    }
    return state;
  }
}
