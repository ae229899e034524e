/**
 * Rule pages open inside VS Code, in the Markdown preview, from the page shipped in the
 * .vsix (docs/rules/**). The server links each rule to its local file; here those links
 * are sent to the preview instead:
 *
 * - a diagnostic's rule link (Problems panel and the diagnostic's hover) becomes this
 *   extension's URI handler link (`<uriScheme>://<extension id>/rule-docs?rule=<id>`):
 *   VS Code opens such links itself, without a prompt, where it does not run `command:`
 *   links (a diagnostic's hover opens its code link with commands disallowed);
 * - Markdown from the server (hovers, completion documentation) gets `command:` links,
 *   trusted for the one command that opens a rule page.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { COMMANDS } from './command-ids';
import {
  isRuleId,
  RULE_DOCS_HANDLER_PATH,
  ruleDocsCommandLink,
  ruleDocsHandlerQuery,
  ruleIdOfDocsLink,
  ruleIdOfHandlerUri,
  rewriteRuleDocsLinks,
} from './rule-docs-links';

/** Only the command that opens a rule page runs from the server's Markdown. */
const TRUSTED = { enabledCommands: [COMMANDS.showRuleDocs] };

export class RuleDocs implements vscode.UriHandler {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly extensionId: string,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** The page shipped in the extension for `ruleId`. */
  page(ruleId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  }

  /** Where a diagnostic's rule link goes: this extension's URI handler. */
  diagnosticTarget(ruleId: string): vscode.Uri {
    return vscode.Uri.from({
      scheme: vscode.env.uriScheme,
      authority: this.extensionId,
      path: RULE_DOCS_HANDLER_PATH,
      query: ruleDocsHandlerQuery(ruleId),
    });
  }

  handleUri(uri: vscode.Uri): Promise<void> | undefined {
    const ruleId = ruleIdOfHandlerUri(uri.path, uri.query);
    if (ruleId) return this.open(ruleId);
    this.output.warn(`Ignored a link this extension does not handle: ${uri.toString()}`);
    return undefined;
  }

  /**
   * The command: a rule id, or a diagnostic's rule link; without one, the README, whose
   * rule table links every page.
   */
  async show(argument: unknown): Promise<void> {
    const ruleId = isRuleId(argument)
      ? argument
      : argument instanceof vscode.Uri
        ? ruleIdOfHandlerUri(argument.path, argument.query)
        : undefined;
    if (ruleId) return this.open(ruleId);
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(this.extensionUri, 'README.md'));
  }

  async open(ruleId: string): Promise<void> {
    const page = this.page(ruleId);
    try {
      await vscode.workspace.fs.stat(page);
    } catch {
      void vscode.window.showWarningMessage(`awsflow has no documentation page for '${ruleId}'.`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
  }

  /** The language client's middleware that sends the server's rule links here. */
  middleware(): Middleware {
    return {
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const diagnostic of diagnostics) {
          const code = diagnostic.code;
          if (typeof code !== 'object' || !code.target) continue;
          const ruleId = ruleIdOfDocsLink(code.target.toString(true));
          if (ruleId) diagnostic.code = { value: code.value, target: this.diagnosticTarget(ruleId) };
        }
        next(uri, diagnostics);
      },
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        if (!hover) return hover;
        return new vscode.Hover(
          hover.contents.map((content) => trustRuleLinks(content)),
          hover.range,
        );
      },
      provideCompletionItem: async (document, position, context, token, next) => {
        const result = await next(document, position, context, token);
        const items = Array.isArray(result) ? result : result?.items;
        for (const item of items ?? []) {
          if (item.documentation instanceof vscode.MarkdownString) item.documentation = trustRuleLinks(item.documentation);
        }
        return result;
      },
    };
  }
}

/** Markdown with rule links turned into the trusted command; anything else as it was. */
function trustRuleLinks<T extends vscode.MarkdownString | vscode.MarkedString>(content: T): T | vscode.MarkdownString {
  if (!(content instanceof vscode.MarkdownString)) return content;
  const value = rewriteRuleDocsLinks(content.value, ruleDocsCommandLink);
  if (value === content.value) return content;
  const trusted = new vscode.MarkdownString(value, content.supportThemeIcons);
  trusted.isTrusted = TRUSTED;
  trusted.supportHtml = content.supportHtml ?? false;
  if (content.baseUri) trusted.baseUri = content.baseUri;
  return trusted;
}
