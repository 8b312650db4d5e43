// A hostile workspace or a misbehaving client: the server neither hangs, crashes nor misleads.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyTextEdits, sleep, start, type Server } from './harness';

const servers: Server[] = [];
const dirs: string[] = [];
after(() => {
  for (const s of servers) if (!s.exited()) s.proc.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function server(opts: Parameters<typeof start>[0] = {}): Promise<Server> {
  const s = await start(opts);
  servers.push(s);
  return s;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'report-hostile-'));
  dirs.push(d);
  return d;
}

const BLANK_DOC = '一、工作完成情况\n完成率达到x%，排名第xx名。\n';
const placeholderCount = (ds: { code: string }[]) => ds.filter((d) => d.code === 'placeholder').length;

test('error replies to the server’s own requests do not end the server', async () => {
  const s = await server({
    failRequests: ['client/registerCapability', 'workspace/diagnostic/refresh', 'window/showMessageRequest', 'window/workDoneProgress/create'],
  });
  const uri = await s.open(BLANK_DOC);
  // Each of these makes the server send a request that the client answers with an error.
  await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [] });
  await sleep(300);
  assert.equal(s.exited(), false, 'the server is still running');
  assert.equal(placeholderCount(await s.diagnostics(uri)), 2);
  await s.close();
});

test('a failing workspace/configuration falls back to defaults and keeps answering', async () => {
  const s = await server({ failRequests: ['workspace/configuration'] });
  const uri = await s.open(BLANK_DOC);
  assert.equal(placeholderCount(await s.diagnostics(uri)), 2);
  assert.equal(s.exited(), false);
  await s.close();
});

test('a catastrophic pattern in .reportrc.json does not block the server', async () => {
  const root = tempDir();
  writeFileSync(join(root, '.reportrc.json'), JSON.stringify({ placeholders: { patterns: ['(a+)+$'] } }));
  const folder = pathToFileURL(root).toString();
  const s = await server({ workspaceFolders: [{ uri: folder, name: 'w' }] });
  const uri = await s.open(`标题\n${'a'.repeat(36)}!\n${'a'.repeat(5000)}!\n`, { uri: pathToFileURL(join(root, 'a.report')).toString() });
  const other = await s.open(BLANK_DOC, { uri: pathToFileURL(join(root, 'b.report')).toString() });
  const t0 = Date.now();
  await s.diagnostics(uri);
  assert.equal(placeholderCount(await s.diagnostics(other)), 2);
  const took = Date.now() - t0;
  assert.ok(took < 5000, `answered in ${took} ms`);
  await s.close();
});

test('.reportrc.json is read only inside the workspace folder that holds the document', async () => {
  const root = tempDir();
  const ws = join(root, 'ws');
  const sub = join(ws, 'sub');
  mkdirSync(sub, { recursive: true });
  // Above the folder: never read, also when the folder URI ends in a slash.
  writeFileSync(join(root, '.reportrc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
  const folderSlash = pathToFileURL(ws).toString() + '/';
  const s = await server({ workspaceFolders: [{ uri: folderSlash, name: 'ws' }] });
  const inside = await s.open(BLANK_DOC, { uri: pathToFileURL(join(sub, 'a.report')).toString() });
  assert.equal(placeholderCount(await s.diagnostics(inside)), 2, 'the file above the folder is not read');
  // Outside every folder: no workspace file at all.
  const outside = await s.open(BLANK_DOC, { uri: pathToFileURL(join(root, 'out.report')).toString() });
  assert.equal(placeholderCount(await s.diagnostics(outside)), 2, 'a document outside the folders reads no workspace file');
  await s.close();

  // Inside the folder: read.
  writeFileSync(join(ws, '.reportrc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
  const s2 = await server({ workspaceFolders: [{ uri: folderSlash, name: 'ws' }] });
  const again = await s2.open(BLANK_DOC, { uri: pathToFileURL(join(sub, 'b.report')).toString() });
  assert.equal(placeholderCount(await s2.diagnostics(again)), 0, 'the folder’s own file applies');
  await s2.close();
});

test('with only rootUri, the lookup stops at the root; without any folder there is none', async () => {
  const root = tempDir();
  const ws = join(root, 'ws');
  mkdirSync(ws);
  writeFileSync(join(root, '.reportrc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
  const s = await server({ rootUri: pathToFileURL(ws).toString() });
  const doc = await s.open(BLANK_DOC, { uri: pathToFileURL(join(ws, 'a.report')).toString() });
  assert.equal(placeholderCount(await s.diagnostics(doc)), 2);
  await s.close();
  const s2 = await server({});
  const doc2 = await s2.open(BLANK_DOC, { uri: pathToFileURL(join(root, 'a.report')).toString() });
  assert.equal(placeholderCount(await s2.diagnostics(doc2)), 2, 'no folder: no workspace file, even beside the document');
  await s2.close();
});

test('a .reportrc.json that links outside the workspace is not followed', async () => {
  const root = tempDir();
  const ws = join(root, 'ws');
  mkdirSync(ws);
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-LINE {{{');
  symlinkSync(secret, join(ws, '.reportrc.json'));
  const s = await server({ workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: 'ws' }] });
  const doc = await s.open(BLANK_DOC, { uri: pathToFileURL(join(ws, 'a.report')).toString() });
  await s.diagnostics(doc);
  await sleep(100);
  assert.ok(!s.messages.some((m) => m.message.includes('TOP-SECRET')), 'nothing of the linked file reaches the user');
  assert.ok(!s.messages.some((m) => m.message.includes('.reportrc.json')), 'the link is not even parsed');
  await s.close();
});

test('a .reportrc.json of the wrong shape is reported once and ignored', async () => {
  const root = tempDir();
  writeFileSync(join(root, '.reportrc.json'), '[1, 2, 3]');
  const s = await server({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'w' }] });
  const a = await s.open(BLANK_DOC, { uri: pathToFileURL(join(root, 'a.report')).toString() });
  const b = await s.open(BLANK_DOC, { uri: pathToFileURL(join(root, 'b.report')).toString() });
  assert.equal(placeholderCount(await s.diagnostics(a)), 2);
  assert.equal(placeholderCount(await s.diagnostics(b)), 2);
  await sleep(100);
  assert.equal(s.messages.filter((m) => m.message.includes('JSON object')).length, 1);
  await s.close();
});

test('a change that does not advance the version still gets fresh answers', async () => {
  const s = await server();
  const uri = await s.open('一、甲\n正文。\n');
  assert.equal(placeholderCount(await s.diagnostics(uri)), 0);
  await s.change(uri, 1, BLANK_DOC);
  assert.equal(placeholderCount(await s.diagnostics(uri)), 2);
  const syms = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
  assert.equal(syms[0].name, '一、工作完成情况');
  await s.close();
});

test('a diagnostics request on a huge document can be cancelled', async () => {
  const s = await server();
  const text = Array.from({ length: 150_000 }, (_, i) => `${i % 2 ? '（一）' : '一、'}标题,正文x%……!!`).join('\n');
  const uri = await s.open(text);
  // Warm the parse with another request so that the lint is what runs when the cancellation arrives.
  await s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  const { CancellationTokenSource } = await import('vscode-jsonrpc/node');
  const source = new CancellationTokenSource();
  const t0 = Date.now();
  const pending = s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
  setTimeout(() => source.cancel(), 30);
  await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
  const cancelledAfter = Date.now() - t0;
  // The server answers other requests right after.
  const hover = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.ok(hover === null || typeof hover === 'object');
  // And a full request still completes, with the number of diagnostics capped.
  const full = await s.diagnostics(uri);
  assert.ok(full.length <= 1001, `${full.length} diagnostics`);
  assert.equal(full[0].code, 'too-many-problems');
  assert.match(full[0].message, /more are not/);
  assert.ok(cancelledAfter < 5000, `cancelled after ${cancelledAfter} ms`);
  await s.close();
});

test('report.maxProblems caps the diagnostics; the most severe are kept', async () => {
  const s = await server({ settings: { maxProblems: 3 } });
  const text = '标题\n完成x%，排名第xx名，金额xx元，人数xx人。正文,正文。\n##paidbegin##\n';
  const uri = await s.open(text);
  const ds = await s.diagnostics(uri);
  assert.equal(ds.length, 4);
  assert.equal(ds[0].code, 'too-many-problems');
  assert.ok(ds.slice(1).some((d) => d.code === 'paid-marker-unclosed'), 'the error is among those kept');
  await s.close();
});

test('clients that cannot resolve code actions get fix-all actions with their edit', async () => {
  const s = await server({ resolveSupport: false });
  const text = '标题\n正文,正文。正文##PaidBegin##付费\n正文,正文。\n';
  const uri = await s.open(text);
  const actions = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } },
    context: { diagnostics: [] },
  })) as { title: string; edit?: { documentChanges?: { edits: unknown[] }[] }; data?: unknown; command?: unknown }[];
  const lazy = actions.filter((a) => !a.edit && !a.command);
  assert.deepEqual(lazy.map((a) => a.title), [], 'every action carries its edit or a command');
  assert.ok(actions.some((a) => /Fix all/.test(a.title) && a.edit));
  await s.close();
});

test('fix-all over the protocol converges on repeated headings', async () => {
  const s = await server();
  const text = Array.from({ length: 12 }, () => '一、标题。\n正文内容。\n').join('');
  const uri = await s.open(text);
  const edit = (await s.conn.sendRequest('report/fixAll', { uri })) as { documentChanges: { edits: never[] }[] } | null;
  assert.ok(edit);
  const fixed = applyTextEdits(text, edit.documentChanges[0].edits);
  const numbers = [...fixed.matchAll(/^(\S+?)、/gmu)].map((m) => m[1]);
  assert.deepEqual(numbers, ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']);
  await s.change(uri, 2, fixed);
  const again = (await s.conn.sendRequest('report/fixAll', { uri })) as unknown;
  assert.equal(again, null, 'a second fix-all changes nothing');
  await s.close();
});

test('requests on closed or unknown documents and malformed parameters get empty answers', async () => {
  const s = await server();
  const uri = await s.open(BLANK_DOC);
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
  assert.equal(await s.conn.sendRequest('report/statistics', { uri }), null);
  assert.equal(await s.conn.sendRequest('report/statistics', null), null);
  assert.equal(await s.conn.sendRequest('report/nextBlank', { uri: 42 }), null);
  assert.deepEqual(await s.conn.sendRequest('codeAction/resolve', { title: 'x', data: { uri: 5 } }), { title: 'x', data: { uri: 5 } });
  assert.equal(s.exited(), false);
  await s.close();
});
