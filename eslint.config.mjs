// Lint: typescript-eslint's recommended rules, plus the dependency boundaries of
// ARCHITECTURE.md (the core imports nothing from Node, VS Code or the language server).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The core runs in browsers and workers: no Node modules.' },
          { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The core is editor-free.' },
          { group: ['../../cli/*', '../cli/*', '../../server/*', '../server/*', '../../client/*', '../client/*'], message: 'The core depends on nothing else in src/.' },
        ],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode*', '../server/*', '../client/*'], message: 'The CLI uses the core only.' }] }],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode*', '../server/*', '../client/*', '../cli/*', '../protocol/*'], message: 'src/node holds Node-side helpers shared by the CLI and the server: core and node: only.' }] }],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', '../client/*', '../webview/*', '../cli/*'], message: 'The server is LSP glue over the core: no VS Code API, client or webview code.' }] }],
    },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../core/*', '../../core/*', '../server/*', '../../server/*', '../../webview/*', '../../../webview/*'], message: 'The client asks the server; it imports no core, server or webview code.' }] }],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'vscode', '../src/core/*', '../src/server/*', '../src/client/*'], message: 'The webview runs in the browser and draws what the server sends: protocol types only.', allowTypeImports: true }] }],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'vscode', 'vscode-languageserver', 'vscode-languageserver/*', '../core/*', '../server/*', '../client/*'], message: 'The protocol holds shared types only (import type from the core is fine).', allowTypeImports: true }] }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', structuredClone: 'readonly', __dirname: 'readonly' } },
  },
);
