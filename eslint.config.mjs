// Lint: typescript-eslint's recommended rules, plus the dependency boundaries of
// ARCHITECTURE.md (the core imports nothing from Node, VS Code or the language server).
// The folder boundaries are held by a small local rule, `awsflow/boundaries`, that
// resolves each relative import against the importing file's folder and checks the
// folder it lands in, so `../../../protocol/x` from deep in the core is caught like
// `../protocol/x` (path globs in no-restricted-imports match the text, not the target).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = dirname(fileURLToPath(import.meta.url));

/** The project's folders an import can land in, most specific first. */
const FOLDERS = ['src/core', 'src/protocol', 'src/server', 'src/client', 'src/cli', 'src/node', 'webview', 'schemas'];

/**
 * Per folder of the importing file: the folders it may import from (`may`), those it may
 * import types from only (`typesFrom`), whether Node's built-in modules are out
 * (`noNodeBuiltins`), and the packages that are out. A folder not listed here is not checked.
 */
const BOUNDARIES = {
  'src/core': {
    may: ['src/core', 'schemas'],
    typesFrom: [],
    noNodeBuiltins: true,
    packages: /^(vscode|vscode-languageserver|vscode-languageclient)(\/|$)/,
    message:
      'The core is pure analysis: it runs in browsers and workers and depends on nothing else in the project, no Node module, no VS Code or language-server package.',
  },
  'src/protocol': {
    may: ['src/protocol'],
    typesFrom: ['src/core'],
    noNodeBuiltins: true,
    packages: /^(vscode|vscode-languageserver|vscode-languageclient)(\/|$)/,
    message: 'The protocol holds the types client, server and webview share: nothing but itself (import type from the core is fine).',
  },
  'src/server': {
    may: ['src/server', 'src/core', 'src/protocol', 'src/node', 'schemas'],
    typesFrom: [],
    noNodeBuiltins: false,
    packages: /^(vscode|vscode-languageclient)(\/|$)/,
    message: 'The server is LSP glue over the core: no VS Code API, client, CLI or webview code.',
  },
  'src/client': {
    may: ['src/client', 'src/protocol'],
    typesFrom: [],
    noNodeBuiltins: false,
    packages: undefined,
    message: 'The client asks the server: it imports the protocol, no core, server, CLI or webview code.',
  },
  'src/cli': {
    may: ['src/cli', 'src/core', 'src/node', 'schemas'],
    typesFrom: [],
    noNodeBuiltins: false,
    packages: /^vscode/,
    message: 'The CLI uses the core only (and the Node helpers in src/node).',
  },
  'src/node': {
    may: ['src/node', 'src/core'],
    typesFrom: [],
    noNodeBuiltins: false,
    packages: /^vscode/,
    message: 'src/node holds Node-side helpers shared by the CLI and the server: core and node: only.',
  },
  webview: {
    may: ['webview', 'src/protocol'],
    typesFrom: ['src/core'],
    noNodeBuiltins: true,
    packages: /^vscode$/,
    message: 'The webview runs in the browser and draws what the server sends: protocol types only.',
  },
};

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The project folder a path (relative to the project root, with `/`) lies in, or undefined. */
function folderOf(path) {
  return FOLDERS.find((folder) => path === folder || path.startsWith(`${folder}/`));
}

function projectPath(absolute) {
  return relative(projectRoot, absolute).split(sep).join('/');
}

/** True when the statement brings in types only (`import type`, `export type`, or every name `type`). */
function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.importKind === 'type' || specifier.exportKind === 'type');
}

const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: "Each folder imports only what ARCHITECTURE.md's dependency direction allows, at any depth." },
    schema: [],
    messages: {
      folder: '{{from}} may not import {{target}} ({{specifier}}). {{why}}',
      typesOnly: '{{from}} may import only types from {{target}} ({{specifier}}): use `import type`. {{why}}',
      builtin: '{{from}} may not import the Node module {{specifier}}. {{why}}',
      package: '{{from}} may not import {{specifier}}. {{why}}',
    },
  },
  create(context) {
    const filename = context.physicalFilename ?? context.filename;
    const from = folderOf(projectPath(filename));
    const policy = from && BOUNDARIES[from];
    if (!policy) return {};
    const check = (node, source, types) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      const data = { from, specifier, why: policy.message };
      if (specifier.startsWith('.')) {
        const targetPath = projectPath(resolve(dirname(filename), specifier));
        const target =
          folderOf(targetPath) ??
          (targetPath.startsWith('..') ? 'a file outside the project' : targetPath.split('/').slice(0, 2).join('/'));
        if (policy.may.includes(target)) return;
        if (policy.typesFrom.includes(target)) {
          if (!types) context.report({ node: source, messageId: 'typesOnly', data: { ...data, target } });
          return;
        }
        context.report({ node: source, messageId: 'folder', data: { ...data, target } });
        return;
      }
      if (
        policy.noNodeBuiltins &&
        (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]))
      ) {
        context.report({ node: source, messageId: 'builtin', data });
        return;
      }
      if (policy.packages?.test(specifier)) context.report({ node: source, messageId: 'package', data });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ExportNamedDeclaration: (node) => check(node, node.source, typeOnly(node)),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference')
          check(node, node.moduleReference.expression, node.importKind === 'type');
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1)
          check(node, node.arguments[0], false);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.tooling/', 'src/core/schema/generated/', 'diagrams/', 'webview/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    plugins: { awsflow: { rules: { boundaries: boundariesRule } } },
    rules: { 'awsflow/boundaries': 'error' },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        structuredClone: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
