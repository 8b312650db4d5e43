// Protocol tests of the browser worker's language server (dist/web/server.js): the bundle runs in a Node
// worker thread whose `self` is a message port, as in a Web Worker, and the test speaks JSON-RPC to it over
// the other end of the channel, as vscode-languageclient/browser does (its messages are plain objects, posted). The worker has no file system: it
// reads `.reportrc.json` by asking the client (`report/readWorkspaceFile`).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { createMessageConnection, PortMessageReader, PortMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const SERVER = join(process.cwd(), 'dist', 'web', 'server.js');

// The worker's global scope is the port: `self.onmessage`, `self.postMessage`, as in a browser.
const BOOT = `
const { workerData } = require('node:worker_threads');
globalThis.self = workerData.port;
require(workerData.server);
`;

interface Server {
  conn: MessageConnection;
  worker: Worker;
  /** The files the server asked for, in order. */
  asked: string[];
  close(): Promise<void>;
}

interface Diag { code: string; codeDescription?: { href: string }; severity: number }

const servers: Server[] = [];
after(async () => {
  for (const s of servers) await s.worker.terminate();
});

/** Starts the worker; `files` answers `report/readWorkspaceFile` (absent: the client does not implement it). */
async function start(opts: { files?: (uri: string) => string | null; folders?: string[]; ruleDocsUri?: string } = {}): Promise<Server> {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(BOOT, { eval: true, workerData: { port: port2, server: SERVER }, transferList: [port2] });
  const conn = createMessageConnection(new PortMessageReader(port1), new PortMessageWriter(port1));
  const asked: string[] = [];
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  if (opts.files) {
    const files = opts.files;
    conn.onRequest('report/readWorkspaceFile', (p: { uri: string }) => {
      asked.push(p.uri);
      return files(p.uri);
    });
  } else {
    conn.onRequest('report/readWorkspaceFile', (p: { uri: string }) => {
      asked.push(p.uri);
      throw new Error('not expected');
    });
  }
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    locale: 'en',
    workspaceFolders: (opts.folders ?? ['file:///ws']).map((uri) => ({ uri, name: 'ws' })),
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    initializationOptions: { clientCommands: true, ...(opts.ruleDocsUri ? { ruleDocsUri: opts.ruleDocsUri } : {}) },
  });
  await conn.sendNotification('initialized', {});
  const s: Server = {
    conn,
    worker,
    asked,
    async close() {
      await conn.sendRequest('shutdown');
      conn.dispose();
      await worker.terminate();
    },
  };
  servers.push(s);
  return s;
}

const TEXT = '标题\n一、工作\n全年完成任务xx项。\n';

async function diagnostics(s: Server, uri: string): Promise<Diag[]> {
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: TEXT } });
  const r = (await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
  return r.items;
}

test('the worker serves the language features over its message port', async () => {
  const s = await start({ files: () => null });
  const uri = 'file:///ws/a.report';
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: TEXT } });
  const syms = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
  assert.deepEqual(syms.map((x) => x.name), ['一、工作']);
  await s.close();
});

test('.reportrc.json is asked of the client, from the report’s folder up to the workspace folder, and applies', async () => {
  const s = await start({ files: (uri) => (uri === 'file:///ws/.reportrc.json' ? JSON.stringify({ rules: { placeholder: 'error' } }) : null) });
  const items = await diagnostics(s, 'file:///ws/sub/dir/a.report');
  assert.deepEqual(s.asked, ['file:///ws/sub/dir/.reportrc.json', 'file:///ws/sub/.reportrc.json', 'file:///ws/.reportrc.json']);
  const blank = items.find((d) => d.code === 'placeholder');
  assert.equal(blank?.severity, 1, 'the file’s severity applies');
  await s.close();
});

test('nothing is asked for a report outside the workspace folders', async () => {
  const s = await start({ files: () => JSON.stringify({ rules: { placeholder: 'off' } }) });
  const items = await diagnostics(s, 'file:///elsewhere/a.report');
  assert.deepEqual(s.asked, []);
  assert.ok(items.some((d) => d.code === 'placeholder'));
  await s.close();
});

test('an answer beyond the size limit counts as no file', async () => {
  const s = await start({ files: (uri) => (uri === 'file:///ws/.reportrc.json' ? JSON.stringify({ rules: { placeholder: 'off' } }) + ' '.repeat(256 * 1024) : null) });
  const items = await diagnostics(s, 'file:///ws/a.report');
  assert.deepEqual(s.asked, ['file:///ws/.reportrc.json']);
  assert.equal(items.find((d) => d.code === 'placeholder')?.severity, 2, 'the default severity (warning)');
  await s.close();
});

test('a client that does not read files: the worker stops asking and works without', async () => {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(BOOT, { eval: true, workerData: { port: port2, server: SERVER }, transferList: [port2] });
  const conn = createMessageConnection(new PortMessageReader(port1), new PortMessageWriter(port1));
  const seen: string[] = [];
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onNotification('window/logMessage', (p: { message: string }) => void seen.push(p.message));
  conn.listen();
  servers.push({ conn, worker, asked: [], close: async () => undefined });
  await conn.sendRequest('initialize', {
    processId: null,
    rootUri: 'file:///ws',
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
  });
  await conn.sendNotification('initialized', {});
  for (const uri of ['file:///ws/a/x.report', 'file:///ws/b/y.report']) {
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: TEXT } });
    const r = (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    assert.ok(r.items.some((d) => d.code === 'placeholder'), uri);
  }
  assert.deepEqual(seen.filter((m) => /cannot read/.test(m)), [], 'no failure logged for the missing method');
  conn.dispose();
  await worker.terminate();
});

test('rule documentation links point where the client says the pages are', async () => {
  const s = await start({ files: () => null, ruleDocsUri: 'https://host.example/ext/docs/rules/' });
  const items = await diagnostics(s, 'file:///ws/a.report');
  const blank = items.find((d) => d.code === 'placeholder');
  assert.equal(blank?.codeDescription?.href, 'https://host.example/ext/docs/rules/placeholder.md');
  await s.close();

  const none = await start({ files: () => null });
  const plain = (await diagnostics(none, 'file:///ws/a.report')).find((d) => d.code === 'placeholder');
  assert.equal(plain?.codeDescription, undefined, 'no link without a place for the pages');
  await none.close();
});
