/**
 * The extension manifest agrees with the code: settings with src/protocol/settings.ts
 * (the server's) and src/client/client-settings.ts (the extension's) and the rule
 * registry; commands with src/client/command-ids.ts, and every command used in menus,
 * keybindings and the walkthrough is contributed; the files the manifest points at
 * exist; the .vsix holds exactly what the extension needs.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { breaksTheDiagram, rules } from '../../src/core/index';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../src/protocol/settings';
import { DEFAULT_CLIENT_SETTINGS, LAYOUTS } from '../../src/client/client-settings';
import { COMMANDS } from '../../src/client/command-ids';
import { TEMPLATE_LANGUAGE_IDS } from '../../src/protocol/lsp';

const root = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

interface SettingSchema {
  type: string;
  default: unknown;
  enum?: string[];
  scope?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, { enum: string[] }>;
  additionalProperties?: unknown;
  markdownDescription?: string;
  description?: string;
}
const settings: Record<string, SettingSchema> = contributes.configuration.properties;

/** `{ validate: { delay: 150 } }` → `{ 'validate.delay': 150 }`; `rules` stays one (object-valued) key. */
function flatten(value: object, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const path = prefix + key;
    if (child && typeof child === 'object' && Object.keys(child).length > 0) Object.assign(out, flatten(child, `${path}.`));
    else out[path] = child;
  }
  return out;
}

function schemaOfRule(id: string): { markdownDescription: string } {
  return (settings['awsflow.rules']!.properties as unknown as Record<string, { markdownDescription: string }>)[id]!;
}

function jsonType(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

describe('manifest: settings', () => {
  const declared = { ...flatten(DEFAULT_SETTINGS), ...flatten(DEFAULT_CLIENT_SETTINGS) };

  test('exactly the settings the server and the extension declare, with their defaults and types', () => {
    assert.deepEqual(
      Object.keys(settings).sort(),
      Object.keys(declared)
        .map((key) => `awsflow.${key}`)
        .sort(),
    );
    for (const [key, value] of Object.entries(declared)) {
      const schema = settings[`awsflow.${key}`]!;
      assert.deepEqual(schema.default, value, `awsflow.${key} default`);
      assert.equal(schema.type, jsonType(value), `awsflow.${key} type`);
      assert.ok(schema.markdownDescription || schema.description, `awsflow.${key} is described`);
    }
  });

  test('scopes: window for tracing, resource for what depends on the file', () => {
    for (const [key, schema] of Object.entries(settings))
      assert.equal(schema.scope, key === 'awsflow.trace.server' ? 'window' : 'resource', key);
  });

  test('awsflow.rules: one property per rule in the registry, each with the severities the server accepts', () => {
    const schema = settings['awsflow.rules']!;
    assert.deepEqual(Object.keys(schema.properties!).sort(), rules.map((rule) => rule.id).sort());
    assert.equal(schema.additionalProperties, false);
    for (const [id, property] of Object.entries(schema.properties!)) {
      assert.deepEqual(property.enum, ['error', 'warning', 'info', 'off'], id);
      for (const severity of property.enum)
        assert.equal(normaliseSettings({ rules: { [id]: severity } }).rules[id], severity, `${id}: ${severity}`);
    }
    assert.equal(
      normaliseSettings({ rules: { 'sqs/no-dlq': 'fatal' } }).rules['sqs/no-dlq'],
      undefined,
      'the server drops what the manifest would not allow',
    );
  });

  test('awsflow.rules is generated from the registry: package.json is up to date', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/generate-package-settings.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const rule of rules) {
      const { markdownDescription } = schemaOfRule(rule.id);
      assert.ok(
        markdownDescription.startsWith(`${rule.summary}. Default: \`${rule.defaultSeverity}\`.`),
        `${rule.id}: ${markdownDescription}`,
      );
    }
  });

  test('awsflow.rules generation: --check fails on a stale copy, writing repairs only that block', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsflow-package-'));
    try {
      const stale = structuredClone(manifest);
      const properties = stale.contributes.configuration.properties['awsflow.rules'].properties;
      properties['sqs/no-dlq'].markdownDescription = 'An old summary. Default: `info`.';
      delete properties['sqs/range'];
      properties['sqs/retired'] = properties['sqs/fifo-name'];
      const copy = join(dir, 'package.json');
      writeFileSync(copy, JSON.stringify(stale, null, 2) + '\n');
      const script = join(root, 'scripts/generate-package-settings.mjs');
      const check = spawnSync(process.execPath, [script, '--check', '--package', copy], { encoding: 'utf8' });
      assert.equal(check.status, 1);
      assert.match(check.stderr, /the awsflow\.rules settings differ from the rule registry/);
      const write = spawnSync(process.execPath, [script, '--package', copy], { encoding: 'utf8' });
      assert.equal(write.status, 0, write.stderr);
      assert.equal(readFileSync(copy, 'utf8'), readFileSync(join(root, 'package.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('awsflow.validate.delay: the bounds the server keeps', () => {
    const { minimum, maximum } = settings['awsflow.validate.delay']!;
    for (const delay of [minimum!, maximum!]) assert.equal(normaliseSettings({ validate: { delay } }).validate.delay, delay);
    for (const delay of [minimum! - 1, maximum! + 1])
      assert.equal(normaliseSettings({ validate: { delay } }).validate.delay, DEFAULT_SETTINGS.validate.delay);
  });

  test('awsflow.trace.server: every value the server keeps', () => {
    const values = settings['awsflow.trace.server']!.enum!;
    assert.deepEqual(values, ['off', 'messages', 'verbose']);
    for (const value of values) assert.equal(normaliseSettings({ trace: { server: value } }).trace.server, value);
  });

  test('awsflow.preview.layout: the layouts the preview draws', () => {
    assert.deepEqual(settings['awsflow.preview.layout']!.enum, [...LAYOUTS]);
  });

  test('docs/settings.md has a row per setting', () => {
    const docs = readFileSync(join(root, 'docs/settings.md'), 'utf8');
    for (const key of Object.keys(settings)) assert.match(docs, new RegExp(`^\\| \`${key.replace(/\./g, '\\.')}\` \\|`, 'm'), key);
  });

  test('the rules that make the preview keep its last good diagram exist', () => {
    for (const id of ['syntax/yaml', 'syntax/limits'])
      assert.ok(
        rules.some((rule) => rule.id === id && breaksTheDiagram(rule.id)),
        id,
      );
  });
});

describe('manifest: commands', () => {
  const contributed: string[] = contributes.commands.map((command: { command: string }) => command.command);

  test('exactly the commands the extension registers', () => {
    assert.deepEqual([...contributed].sort(), Object.values(COMMANDS).sort());
    for (const command of contributes.commands) {
      assert.equal(command.category, 'awsflow', command.command);
      assert.ok(command.title, command.command);
    }
  });

  test('the extension registers them through COMMANDS only (its handler table is typed by it)', () => {
    const sources = readdirSync(join(root, 'src/client'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const calls = sources.flatMap((file) =>
      [...readFileSync(join(root, 'src/client', file), 'utf8').matchAll(/registerCommand\(([^,]*),/g)].map(
        (match) => `${file}: ${match[1]}`,
      ),
    );
    assert.deepEqual(calls, ['commands.ts: COMMANDS[name]']);
    assert.match(readFileSync(join(root, 'src/client/commands.ts'), 'utf8'), /Record<CommandName, Handler>/);
  });

  test('menus, keybindings and the walkthrough use contributed commands', () => {
    const used: string[] = [];
    for (const items of Object.values(contributes.menus) as { command: string; alt?: string }[][]) {
      for (const item of items) used.push(item.command, ...(item.alt ? [item.alt] : []));
    }
    for (const binding of contributes.keybindings) used.push(binding.command);
    const walkthroughText = JSON.stringify(contributes.walkthroughs);
    used.push(...[...walkthroughText.matchAll(/command:(awsflow\.[A-Za-z]+)/g)].map((match) => match[1]!));
    used.push(...[...walkthroughText.matchAll(/onCommand:(awsflow\.[A-Za-z]+)/g)].map((match) => match[1]!));
    assert.ok(used.length > 8);
    for (const command of used) if (command.startsWith('awsflow.')) assert.ok(contributed.includes(command), command);
    for (const command of used) assert.ok(command.startsWith('awsflow.') || command.startsWith('workbench.'), command);
  });

  test('every walkthrough completion event has a form VS Code knows (an unknown one never completes the step)', () => {
    // The forms VS Code 1.139's getting-started service registers; it logs and drops any other.
    const known =
      /^(?:onCommand:[\w.-]+|onLink:\S+|onView:[\w.-]+|onSettingChanged:[\w.-]+|onContext:.+|onExtensionInstalled:[\w.-]+|extensionInstalled:[\w.-]+|onEvent:\S+|onStepSelected|stepSelected)$/;
    for (const walkthrough of contributes.walkthroughs) {
      for (const step of walkthrough.steps as { id: string; completionEvents: string[] }[]) {
        assert.ok(step.completionEvents.length > 0, `${step.id} has a completion event`);
        for (const event of step.completionEvents) assert.match(event, known, `${step.id}: ${event}`);
      }
    }
    for (const event of ['onLanguage:awsflow', 'onCommand:', 'onFoo:x']) assert.doesNotMatch(event, known, event);
    // The first step completes when an awsflow file is in front of the user, however it got there.
    assert.ok(contributes.walkthroughs[0].steps[0].completionEvents.includes('onContext:editorLangId == awsflow'));
  });

  test('Ctrl+K V / Cmd+K V opens the preview to the side in awsflow files, as in Markdown', () => {
    assert.ok(
      contributes.keybindings.some(
        (binding: Record<string, string>) =>
          binding['command'] === COMMANDS.showPreviewToSide &&
          binding['key'] === 'ctrl+k v' &&
          binding['mac'] === 'cmd+k v' &&
          binding['when'] === 'editorLangId == awsflow',
      ),
    );
    assert.ok(
      contributes.menus['editor/title'].some(
        (item: Record<string, string>) =>
          item['command'] === COMMANDS.showPreviewToSide && item['group'] === 'navigation' && item['when'] === 'editorLangId == awsflow',
      ),
    );
  });
});

describe('manifest: language, activation, packaging', () => {
  test('activation, entry point and engine', () => {
    assert.equal(manifest.main, './dist/client/extension.js');
    // Templates: the extension starts when one may be opened (the server then decides, cheaply, which files are templates).
    assert.deepEqual(manifest.activationEvents, [
      'onLanguage:awsflow',
      'workspaceContains:**/*.awsflow',
      'onWebviewPanel:awsflow.preview',
      ...TEMPLATE_LANGUAGE_IDS.map((id) => `onLanguage:${id}`),
    ]);
    // …and never takes those files from the YAML or CloudFormation extensions: one language, one grammar, awsflow's.
    assert.deepEqual(
      contributes.languages.map((language: { id: string }) => language.id),
      ['awsflow'],
    );
    assert.deepEqual(
      contributes.grammars.map((grammar: { language: string }) => grammar.language),
      ['awsflow'],
    );
    assert.equal(manifest.engines.vscode, '^1.139.0');
    // @types/vscode may not be newer than the engine (vsce refuses to package otherwise).
    const types = JSON.parse(readFileSync(join(root, 'node_modules/@types/vscode/package.json'), 'utf8')).version as string;
    const [major, minor] = types.split('.').map(Number);
    assert.ok(major === 1 && minor! <= 139, `@types/vscode ${types}`);
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.ok(manifest.capabilities.virtualWorkspaces);
  });

  test('every file the manifest points at exists', () => {
    const paths: string[] = [manifest.icon];
    for (const language of contributes.languages) paths.push(language.configuration, language.icon.light, language.icon.dark);
    for (const grammar of contributes.grammars) paths.push(grammar.path);
    for (const walkthrough of contributes.walkthroughs)
      for (const step of walkthrough.steps) paths.push(step.media.markdown ?? step.media.image);
    for (const path of paths) assert.ok(existsSync(join(root, path)), path);
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.equal(manifest.license, 'MIT');
    assert.match(manifest.repository.url, /^https:\/\//);
  });

  test('the icon is a 128×128 PNG', () => {
    const png = readFileSync(join(root, manifest.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  test('the language: .awsflow files, the grammar, comments and brackets', () => {
    assert.deepEqual(
      contributes.languages.map((language: { id: string; extensions: string[] }) => [language.id, language.extensions]),
      [['awsflow', ['.awsflow']]],
    );
    assert.deepEqual(
      contributes.grammars.map((grammar: { language: string; scopeName: string }) => [grammar.language, grammar.scopeName]),
      [['awsflow', 'source.awsflow']],
    );
    const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/awsflow.tmLanguage.json'), 'utf8'));
    assert.equal(grammar.scopeName, 'source.awsflow');
    assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
    const configuration = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));
    assert.equal(configuration.comments.lineComment, '#');
    assert.equal(configuration.folding.offSide, true);
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    for (const line of ['resources:', '  jobs:', 'flows:', '  - api -> jobs:', '  - '])
      assert.ok(increase.test(line), `indent after ${JSON.stringify(line)}`);
    for (const line of ['    type: sqs', '  - api -> jobs']) assert.ok(!increase.test(line), `no indent after ${JSON.stringify(line)}`);
    // Enter: the first rule whose patterns match the text before (and after) the cursor decides.
    const onEnter = (
      configuration.onEnterRules as { beforeText: string; afterText?: string; action: { indent: string; appendText?: string } }[]
    ).map((rule) => ({
      before: new RegExp(rule.beforeText),
      after: rule.afterText === undefined ? undefined : new RegExp(rule.afterText),
      action: rule.action,
    }));
    const enterAfter = (before: string, after = ''): string => {
      const rule = onEnter.find((r) => r.before.test(before) && (!r.after || r.after.test(after)));
      return rule
        ? `${rule.action.indent}${rule.action.appendText === undefined ? '' : ` + ${JSON.stringify(rule.action.appendText)}`}`
        : 'keep';
    };
    const cases: [string, string, string][] = [
      ['resources:', '', 'indent'],
      ['  orders:', '', 'indent'],
      ['  orders:  # the queue', '', 'indent'],
      ['flows:', '', 'indent'],
      ['  - api -> jobs', '', 'none + "- "'],
      ['  - api -> jobs, audit  # fan-out', '', 'none + "- "'],
      ['      - fs', '', 'none + "- "'],
      ['  - api -> jobs:', '', 'indent + "  "'],
      ['  - ', '', 'outdent'],
      ['  -', '', 'outdent'],
      // Not at the end of the item, an open collection, a scalar still going on, a value, a comment: as the editor does by itself.
      ['  - api', ' -> jobs', 'keep'],
      ['  - api -> jobs: {', '', 'keep'],
      ['  - api -> jobs,', '', 'keep'],
      ['    description: |', '', 'keep'],
      ['    type: sqs', '', 'keep'],
      ['# resources:', '', 'keep'],
      ['    label: "a: b"', '', 'keep'],
    ];
    for (const [before, after, expected] of cases)
      assert.equal(enterAfter(before, after), expected, `Enter after ${JSON.stringify(before)}`);
    const word = new RegExp(configuration.wordPattern, 'g');
    assert.deepEqual('  - orders.fifo->billing-dlq: { rate: 20/s }'.match(word), ['orders.fifo', 'billing-dlq', 'rate', '20/s']);
  });

  test(
    'the .vsix holds only what the extension needs (vsce ls)',
    { skip: existsSync(join(root, 'dist/client/extension.js')) ? false : 'build first' },
    () => {
      const result = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(result.status, 0, result.stderr);
      const files = result.stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .sort();
      const allowed = [
        /^dist\/client\/extension\.js$/,
        /^dist\/server\/main-node\.js$/,
        /^dist\/webview\/[^/]+\.(js|css|ttf|woff2?|svg|png)$/,
        /^media\/[^/]+\.(png|svg)$/,
        /^media\/walkthrough\/[^/]+\.md$/,
        /^docs\/[^/]+\.md$/,
        /^docs\/rules\/[^/]+\/[^/]+\.md$/,
        /^docs\/images\/[^/]+\.png$/,
        /^syntaxes\/awsflow\.tmLanguage\.json$/,
        /^language-configuration\.json$/,
        /^schemas\/[^/]+\.json$/,
        /^README\.md$/,
        /^LICENSE$/,
        /^package\.json$/,
      ];
      for (const file of files)
        assert.ok(
          allowed.some((pattern) => pattern.test(file)),
          `unexpected in the .vsix: ${file}`,
        );
      for (const needed of [
        'dist/client/extension.js',
        'dist/server/main-node.js',
        'syntaxes/awsflow.tmLanguage.json',
        'language-configuration.json',
        'media/icon.png',
        'schemas/awsflow.schema.json',
        'README.md',
        'LICENSE',
        'package.json',
      ]) {
        assert.ok(files.includes(needed), `missing from the .vsix: ${needed}`);
      }
    },
  );
});

describe('README: the extension page lists what the manifest contributes', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const firstSection = (title: string) => {
    const start = readme.indexOf(`\n## ${title}\n`);
    assert.ok(start !== -1, `README has a "${title}" section`);
    const end = readme.indexOf('\n## ', start + 1);
    return readme.slice(start, end === -1 ? undefined : end);
  };

  test('the page opens with what the extension does and a screenshot, before keys, commands and settings', () => {
    const screenshot = readme.search(/!\[[^\]]*\]\(docs\/images\/[^)]+\.png\)/);
    assert.ok(screenshot > 0 && screenshot < readme.indexOf('\n## '), 'a screenshot before the first section');
    const order = ['Keys and commands', 'Settings', 'Rules'].map((title) => readme.indexOf(`\n## ${title}\n`));
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
  });

  test('every contributed command, with its key', () => {
    const section = firstSection('Keys and commands');
    const listed = [...section.matchAll(/\*\*awsflow: ([^*]+)\*\*/g)].map((match) => match[1]);
    assert.deepEqual(listed.sort(), contributes.commands.map((command: { title: string }) => command.title).sort());
    for (const binding of contributes.keybindings as { command: string; key: string }[]) {
      const title = contributes.commands.find((command: { command: string }) => command.command === binding.command).title as string;
      const key = binding.key
        .split(' ')
        .map((chord) =>
          chord
            .split('+')
            .map((part) => (part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1)))
            .join('+'),
        )
        .join(' ');
      assert.match(
        section,
        new RegExp(`^\\| \`${key.replace(/[+]/g, '\\+')}\`[^|]*\\| \\*\\*awsflow: ${title}\\*\\*`, 'm'),
        `${title}: ${key}`,
      );
    }
  });

  test('every setting, with its default', () => {
    const section = firstSection('Settings');
    const rows = [...section.matchAll(/^\| `(awsflow\.[\w.]+)` \| `([^`]*)` \|/gm)].map((match) => [match[1]!, match[2]!] as const);
    assert.deepEqual(rows.map(([key]) => key).sort(), Object.keys(settings).sort());
    for (const [key, shown] of rows)
      assert.equal(
        shown,
        typeof settings[key]!.default === 'string' ? settings[key]!.default : JSON.stringify(settings[key]!.default),
        key,
      );
  });
});
