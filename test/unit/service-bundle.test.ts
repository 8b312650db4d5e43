// The Node server's start-up loads only the LSP libraries: dist/server.js is a small loader of
// dist/server-lsp.js; the service (the analysis and every feature) is a bundle of its own, required after
// initialize, built with only the LSP's types and constants.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as protocol from 'vscode-languageserver-protocol';
import * as values from '../../server/src/service/lsp-values';

const dist = (f: string) => join(process.cwd(), 'dist', f);

test('the constants the service bundle gets equal those of vscode-languageserver-protocol', () => {
  assert.deepEqual({ ...values.CompletionTriggerKind }, { ...protocol.CompletionTriggerKind });
  for (const name of ['DiagnosticSeverity', 'DiagnosticTag', 'CodeActionKind', 'SymbolKind', 'FoldingRangeKind', 'MarkupKind', 'DocumentHighlightKind', 'CompletionItemKind', 'InsertTextFormat'] as const) {
    assert.deepEqual((values as Record<string, unknown>)[name], (protocol as Record<string, unknown>)[name], name);
  }
});

test('dist/server-lsp.js holds no analysis and requires dist/server-service.js, which holds no JSON-RPC', { skip: !existsSync(dist('server-lsp.js')) && 'not built' }, () => {
  const server = readFileSync(dist('server-lsp.js'), 'utf8');
  const service = readFileSync(dist('server-service.js'), 'utf8');
  assert.match(server, /require\("\.\/server-service\.js"\)/);
  for (const name of [/function charIndexOf\(/, /function\* lintSteps\(/, /var RULES = /]) {
    assert.doesNotMatch(server, name, 'dist/server-lsp.js');
    assert.match(service, name, 'dist/server-service.js');
  }
  assert.ok(!service.includes('node_modules/vscode-jsonrpc'), 'vscode-jsonrpc in dist/server-service.js');
  assert.ok(server.length < 600_000, `dist/server-lsp.js is ${server.length} bytes`);
});

test('dist/server.js only loads dist/server-lsp.js (and through it the service) with the code cache', { skip: !existsSync(dist('server.js')) && 'not built' }, () => {
  const start = readFileSync(dist('server.js'), 'utf8');
  assert.match(start, /"server-lsp\.js"/);
  assert.match(start, /"\.\/server-service\.js"/);
  assert.ok(!start.includes('node_modules/'), 'no library in dist/server.js');
  // Compiled on every start, without a cache: it must stay small.
  assert.ok(start.length < 30_000, `dist/server.js is ${start.length} bytes`);
});
