// Lint for the project's own code, with the layer boundaries enforced:
//   server/src/core      the analysis core: pure; imports no editor, LSP, Node module or other layer
//   server/src/service,
//   server/src/lsp,
//   server/src/protocol  host-independent: no Node, no VS Code API, no Node-only LSP entry points
//   client/src           the extension: imports nothing from the server but the shared protocol
// Type-aware rules (no dropped promises) run on the production code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeModules = ['node:*'];
// Bare built-in names (`fs`, `path`, `util` …) as exact paths: as patterns they would also match `./util`.
const builtinPaths = (message) => builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message }));
const editorAndNodeOnly = ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', '*/node', 'vscode-languageserver/node', 'vscode-languageserver-protocol/node', 'vscode-jsonrpc/node'];

const restrict = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Scripts and test drivers run in Node; the UI checks also send functions into the workbench page.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-control-regex': 'off',
      'no-irregular-whitespace': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      // Per-document data belongs in the model's derived index (server/src/core/derived.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ":matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^Weak(Map|Set)$/][typeArguments.params.0.typeName.name='ReportModel']",
          message: 'Per-document data lives in the model\'s derived index: use derive(model, derivedKey(…)) from core/derived.ts, not a module-level WeakMap.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('The analysis core runs in every host: no Node modules.'),
          patterns: [
            restrict(nodeModules, 'The analysis core runs in every host: no Node modules.'),
            restrict([...editorAndNodeOnly, 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-languageserver-types', 'vscode-languageserver-textdocument', 'vscode-jsonrpc'], 'The analysis core knows no editor and no LSP.'),
            restrict(['**/lsp', '**/lsp/*', '**/service', '**/service/*', '**/node/*', '**/cli/*', '**/browser/*', '**/protocol', '**/server', '**/export/*'], 'The analysis core imports no other layer.'),
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/service/**/*.ts', 'server/src/lsp/**/*.ts', 'server/src/protocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('Host-independent code: Node modules belong to server/src/node or server/src/cli.'),
          patterns: [
            restrict(nodeModules, 'Host-independent code: Node modules belong to server/src/node or server/src/cli.'),
            restrict(editorAndNodeOnly, 'Host-independent code: use the common entry points of the LSP packages.'),
            restrict(['**/node/*', '**/cli/*', '**/browser/*', '**/server'], 'Host-independent code does not import a host.'),
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [restrict(['**/server/src/**', '!**/server/src/protocol'], 'The client imports nothing from the server but the shared protocol (server/src/protocol.ts).')] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
