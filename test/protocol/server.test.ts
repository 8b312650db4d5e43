// Protocol tests: start dist/server.js as any editor would and speak JSON-RPC to it over stdio.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const SERVER = join(process.cwd(), 'dist', 'server.js');
const SAMPLE = readFileSync(join(process.cwd(), 'test', 'fixtures', 'sample.report'), 'utf8');

interface Server {
  proc: ChildProcess;
  conn: MessageConnection;
  pushed: Map<string, unknown[]>;
  stderr: () => string;
  close(): Promise<void>;
}

async function start(opts: { locale?: string; pull?: boolean; settings?: Record<string, unknown> } = {}): Promise<Server> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const pushed = new Map<string, unknown[]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
    pushed.set(p.uri, p.diagnostics);
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => opts.settings ?? {}));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: opts.locale ?? 'zh-cn',
    capabilities: {
      workspace: { configuration: true },
      textDocument: opts.pull === false ? {} : { diagnostic: { dynamicRegistration: false } },
    },
  });
  await conn.sendNotification('initialized', {});
  return {
    proc, conn, pushed, stderr: () => err,
    async close() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      conn.dispose();
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

let n = 0;
async function open(s: Server, text: string): Promise<string> {
  const uri = pathToFileURL(`/tmp/protocol-test-${process.pid}-${n++}.report`).toString();
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
  return uri;
}

interface Sym { name: string; detail?: string; kind: number; range: { start: { line: number }; end: { line: number } }; children?: Sym[] }

const servers: Server[] = [];
after(async () => {
  for (const s of servers) if (s.proc.exitCode === null) s.proc.kill();
});

test('outline: sections, children, ranges and the paid region', async () => {
  const s = await start();
  servers.push(s);
  const uri = await open(s, SAMPLE);
  const syms = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Sym[];
  const top = syms.filter((x) => x.kind !== 20);
  assert.deepEqual(top.map((x) => x.name), ['一、加强政治理论学习，提高思想素质', '二、履职尽责，推动重点工作落实', '三、存在的问题和不足', '四、下一步工作打算']);
  const two = top[1];
  assert.deepEqual(two.children!.map((c) => c.name), ['（一）聚焦主责主业，抓好业务工作', '（二）强化服务意识，提升工作效能']);
  assert.deepEqual(two.children![1].children!.map((c) => c.name), ['1.优化办事流程', '2.加强窗口建设']);
  // Each section reaches the line before the next one; the last one reaches the end.
  assert.equal(top[0].range.start.line, 3);
  assert.equal(top[0].range.end.line, 4);
  assert.equal(top[1].range.end.line, 12);
  assert.equal(top[3].range.end.line, 18);
  assert.match(top[0].detail!, /^\d+ 字$/);
  // The paid region is a leaf at its begin marker, nested in the section it begins in (symbols must nest).
  const flat = (xs: Sym[]): Sym[] => xs.flatMap((x) => [x, ...flat(x.children ?? [])]);
  const paid = flat(syms).find((x) => x.kind === 20)!;
  assert.equal(paid.name, '付费内容');
  assert.match(paid.detail!, /^\d+ 字，占 \d+%$/);
  assert.equal(paid.range.start.line, 12);
  assert.equal(paid.range.end.line, 12);
  assert.ok(!syms.includes(paid), 'the leaf sits inside a section');
  const folds = (await s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number; kind?: string }[];
  assert.ok(folds.some((f) => f.kind === 'region' && f.startLine === 12 && f.endLine === 18));
  assert.ok(folds.some((f) => f.startLine === 5 && f.endLine === 12));
  await s.close();
  assert.equal(s.stderr(), '');
});

test('diagnostics: every blank, in Chinese, with rule code and source', async () => {
  const s = await start();
  servers.push(s);
  const uri = await open(s, SAMPLE);
  const r = (await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: { code: string; source: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] };
  assert.equal(r.kind, 'full');
  const blanks = r.items.filter((d) => d.code === 'placeholder');
  const lines = SAMPLE.split('\n');
  assert.deepEqual(
    blanks.map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)),
    ['xx', 'x', 'xx', 'xx'],
  );
  assert.ok(blanks.every((d) => d.source === 'report'));
  assert.match(blanks[1].message, /百分比/);
  await s.close();
});

test('English messages for an English client; push diagnostics when the client cannot pull', async () => {
  const s = await start({ locale: 'en', pull: false });
  servers.push(s);
  const uri = await open(s, '标题\n正文##paidbegin##付费内容\n');
  for (let i = 0; i < 50 && !s.pushed.has(uri); i++) await new Promise((r) => setTimeout(r, 20));
  const diags = s.pushed.get(uri) as { code: string; message: string }[];
  assert.ok(diags, 'diagnostics were pushed');
  const unclosed = diags.find((d) => d.code === 'paid-marker-unclosed');
  assert.ok(unclosed);
  assert.match(unclosed.message, /no end marker/);
  await s.close();
});

test('quick fix and source.fixAll.report', async () => {
  const s = await start();
  servers.push(s);
  const text = '标题\n正文##PaidBegin##付费内容\n';
  const uri = await open(s, text);
  const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } };
  const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })) as { title: string; kind: string; isPreferred?: boolean; edit?: { documentChanges: { textDocument: { version: number }; edits: { newText: string }[] }[] } }[];
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, 'a preferred fix');
  assert.equal(fix.edit!.documentChanges[0].edits[0].newText, '##paidbegin##');
  assert.equal(fix.edit!.documentChanges[0].textDocument.version, 1);
  const all = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.report'] } })) as typeof actions;
  assert.equal(all.length, 1);
  assert.equal(all[0].kind, 'source.fixAll.report');
  const newTexts = all[0].edit!.documentChanges[0].edits.map((e) => e.newText);
  assert.ok(newTexts.includes('##paidbegin##'));
  assert.ok(newTexts.some((t) => t.includes('##paidend##')));
  await s.close();
});

test('incremental edits are applied and re-analysed', async () => {
  const s = await start();
  servers.push(s);
  const uri = await open(s, '一、甲\n正文。\n');
  await s.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '二、乙\n正文。\n' }],
  });
  const syms = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Sym[];
  assert.deepEqual(syms.map((x) => x.name), ['一、甲', '二、乙']);
  await s.close();
});

test('bad input never crashes the server: lone surrogates, NUL, 2 MB on one line, CRLF, BOM', async () => {
  const s = await start();
  servers.push(s);
  const inputs = [
    '\uFEFF一、标题\r\n正文\uD800\uDC00\uDFFF\0。\r\n',
    '\uD800'.repeat(1000) + '##paidbegin#' + '（一'.repeat(1000),
    ('一、' + '字'.repeat(50) + '。 ').repeat(20000),
    '',
    '\r\r\r\n\n',
  ];
  for (const text of inputs) {
    const uri = await open(s, text);
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/diagnostic', 'textDocument/semanticTokens/full']) {
      await s.conn.sendRequest(method, { textDocument: { uri } });
    }
    await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  }
  await s.close();
  assert.equal(s.stderr(), '');
});

test('formatting: the safe fixes, standard markers and indentation as minimal text edits', async () => {
  const s = await start();
  servers.push(s);
  const text = '标题\n  第一段,继续。\n1、制度\n第二段。\n';
  const uri = await open(s, text);
  const edits = (await s.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })) as {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[];
  assert.deepEqual(
    edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]),
    [[1, 0, 2, ''], [1, 5, 6, '，'], [2, 1, 2, '.']],
  );
  await s.close();
  assert.equal(s.stderr(), '');
});
