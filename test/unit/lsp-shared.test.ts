// The LSP libraries are one file, dist/lsp.js, required by the Node client and the Node server (and the
// service, for the types): neither bundle holds a copy (see esbuild.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as protocol from 'vscode-languageserver-protocol';

const dist = (f: string) => join(process.cwd(), 'dist', f);
const built = existsSync(dist('lsp.js')) && !readFileSync(dist('lsp.js'), 'utf8').includes('brotliDecompressSync');

test('the client, the server and the service require dist/lsp.js and hold no LSP library', { skip: !built && 'no development build' }, () => {
  for (const f of ['extension.js', 'server-lsp.js', 'server-service.js']) {
    const src = readFileSync(dist(f), 'utf8');
    assert.match(src, /require\("\.\/lsp\.js"\)/, f);
    for (const lib of ['vscode-jsonrpc', 'vscode-languageserver-protocol', 'vscode-languageserver-types']) assert.ok(!src.includes(`node_modules/${lib}/`), `${lib} in dist/${f}`);
  }
});

test('dist/lsp.js gives each module by its id', { skip: !built && 'no development build' }, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lsp = require(dist('lsp.js')) as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(lsp).sort(), ['vscode-jsonrpc', 'vscode-jsonrpc/node', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/node', 'vscode-languageserver-types']);
  assert.deepEqual(lsp['vscode-languageserver-protocol'].DiagnosticSeverity, protocol.DiagnosticSeverity);
  assert.equal(typeof lsp['vscode-jsonrpc/node'].createMessageConnection, 'function');
  assert.equal(typeof lsp['vscode-languageserver-protocol/node'].createProtocolConnection, 'function');
  assert.equal(lsp['vscode-languageserver-types'].Range, lsp['vscode-languageserver-protocol'].Range, 'one copy of the types');
});
