// Protocol tests of the authoring features: completion and the workbench requests, spoken over stdio to
// dist/server.js as an editor would.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const SERVER = join(process.cwd(), 'dist', 'server.js');

interface Pos { line: number; character: number }
interface Range { start: Pos; end: Pos }
interface TextEdit { range: Range; newText: string }
interface WorkspaceEdit { documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[] }
interface Item { label: string; detail?: string; sortText?: string; filterText?: string; insertTextFormat?: number; textEdit?: TextEdit; kind?: number; preselect?: boolean }
interface List { isIncomplete: boolean; items: Item[] }

let proc: ChildProcess;
let conn: MessageConnection;
let stderr = '';

before(async () => {
  proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr!.on('data', (d) => (stderr += d));
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('textDocument/publishDiagnostics', () => undefined);
  conn.listen();
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'zh-cn',
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {}, completion: { completionItem: { snippetSupport: true } } } },
  })) as { capabilities: { completionProvider?: unknown } };
  assert.deepEqual(init.capabilities.completionProvider, { resolveProvider: false, triggerCharacters: ['（'] });
  await conn.sendNotification('initialized', {});
});

after(async () => {
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  if (proc.exitCode === null) await new Promise((r) => proc.once('exit', r));
  assert.equal(stderr, '');
});

let n = 0;
const texts = new Map<string, { text: string; version: number }>();

async function open(text: string): Promise<string> {
  const uri = pathToFileURL(`/tmp/workbench-test-${process.pid}-${n++}.report`).toString();
  texts.set(uri, { text, version: 1 });
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
  return uri;
}

async function change(uri: string, text: string): Promise<void> {
  const d = texts.get(uri)!;
  d.text = text;
  d.version++;
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: d.version }, contentChanges: [{ text }] });
}

/** Line/character of the n-th occurrence (0-based) of `needle`, or of the position just past it with `after`. */
function pos(text: string, needle: string, opts: { after?: boolean; nth?: number } = {}): Pos {
  let i = -1;
  for (let k = 0; k <= (opts.nth ?? 0); k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `found ${needle}`);
  if (opts.after) i += needle.length;
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function offsetOf(text: string, p: Pos): number {
  const lines = text.split('\n');
  let o = 0;
  for (let l = 0; l < p.line; l++) o += lines[l].length + 1;
  return o + p.character;
}

/** Applies LSP text edits to a text (edits do not overlap). */
function apply(text: string, edits: TextEdit[]): string {
  const sorted = edits.map((e) => ({ s: offsetOf(text, e.range.start), e: offsetOf(text, e.range.end), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  for (const e of sorted) text = text.slice(0, e.s) + e.t + text.slice(e.e);
  return text;
}

function applyWorkspaceEdit(uri: string, edit: WorkspaceEdit): string {
  assert.equal(edit.documentChanges.length, 1);
  const change0 = edit.documentChanges[0];
  const d = texts.get(uri)!;
  assert.equal(change0.textDocument.uri, uri);
  assert.equal(change0.textDocument.version, d.version, 'the edit is for the current version');
  return apply(d.text, change0.edits);
}

const complete = (uri: string, position: Pos, invoked = true) =>
  conn.sendRequest('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: invoked ? 1 : 3 } }) as Promise<List>;

const REPORT = [
  '2024年个人述职报告',
  '尊敬的各位领导、同事们：',
  '现将一年来的工作情况报告如下：',
  '一、加强学习，提高素质',
  '全年参加集中学习24次。',
  '二、履职尽责，推动落实',
  '（一）聚焦主业。',
  '完成专项检查xx次。',
  '（三）强化服务。',
  '压缩办理时限。',
  '',
  '四、下一步打算',
  '继续加强学习，争取第x名。',
  '',
].join('\n');

test('completion: at the start of a line after 二、 … the next heading is 三、', async () => {
  const text = ['一、甲', '正文。', '二、乙', '正文。', ''].join('\n');
  const uri = await open(text);
  const list = await complete(uri, { line: 4, character: 0 });
  assert.equal(list.isIncomplete, true);
  const headings = list.items.filter((i) => i.sortText!.startsWith('0'));
  assert.deepEqual(headings.map((i) => i.label), ['三、', '（一）']);
  assert.equal(headings[0].detail, '一级标题');
  assert.equal(headings[0].preselect, true);
  assert.deepEqual(headings[0].textEdit, { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '三、' });
  // Headings sort before phrases.
  const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.equal(sorted[0].label, '三、');
});

test('completion: inside （三） come （四） and 1., after indentation too', async () => {
  const uri = await open(REPORT);
  const list = await complete(uri, { line: 10, character: 0 });
  const labels = list.items.filter((i) => i.sortText!.startsWith('0')).map((i) => i.label);
  assert.deepEqual(labels, ['（四）', '1.', '三、']);
  assert.deepEqual(list.items.filter((i) => i.sortText!.startsWith('0')).map((i) => i.detail), ['二级标题', '三级标题', '一级标题']);
  // Indented line: the marker replaces from after the indentation; what is typed narrows the list.
  await change(uri, REPORT.replace('压缩办理时限。\n\n', '压缩办理时限。\n\u3000\u3000（\n'));
  const narrowed = (await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 3 }, context: { triggerKind: 2, triggerCharacter: '（' } })) as List;
  const hs = narrowed.items.filter((i) => i.sortText!.startsWith('0'));
  assert.deepEqual(hs.map((i) => i.label), ['（四）']);
  assert.deepEqual(hs[0].textEdit!.range, { start: { line: 10, character: 2 }, end: { line: 10, character: 3 } });
});

test('completion: no heading numbers in the middle of a line', async () => {
  const uri = await open(REPORT);
  const list = await complete(uri, pos(REPORT, '压缩', { after: true }));
  assert.equal(list.items.filter((i) => i.sortText!.startsWith('0')).length, 0);
});

test('completion: phrases by pinyin initials, as snippets replacing the initials', async () => {
  const text = '一、工作\n全年工作，ynl\n以上工作，ysbg\n';
  const uri = await open(text);
  const a = await complete(uri, pos(text, 'ynl', { after: true }), false);
  const ynl = a.items.find((i) => i.label.startsWith('一年来'));
  assert.ok(ynl, 'ynl finds 一年来');
  assert.equal(ynl.insertTextFormat, 2);
  assert.equal(ynl.kind, 15);
  assert.equal(ynl.filterText, 'ynl');
  assert.deepEqual(ynl.textEdit!.range, { start: pos(text, 'ynl'), end: pos(text, 'ynl', { after: true }) });
  assert.match(ynl.textEdit!.newText, /^一年来，在\$\{1:[^}]+\}的坚强领导下，$/u);
  const b = await complete(uri, pos(text, 'ysbg', { after: true }), false);
  assert.deepEqual(b.items.map((i) => i.label), ['以上报告，请予审议。']);
  assert.equal(b.items[0].detail, '常用语 · 结尾');
});

test('completion: phrases by their Chinese start', async () => {
  const text = '我们一年来\n存在的问\n';
  const uri = await open(text);
  const a = await complete(uri, pos(text, '一年来', { after: true }), false);
  assert.ok(a.items.length > 0 && a.items.every((i) => i.label.startsWith('一年来')));
  assert.deepEqual(a.items[0].textEdit!.range.start, pos(text, '一年来'));
  const b = await complete(uri, pos(text, '存在的问', { after: true }), false);
  assert.deepEqual(b.items.map((i) => i.label), ['存在的问题和不足', '存在的问题和不足主要有：一是……；二是……；三是……。']);
});

test('report/renumber: the whole document or the headings in a range, as a versioned edit', async () => {
  const text = ['一、甲', '（一）子。', '（三）子。', '三、乙', '1、孙。', '3、孙。', ''].join('\n');
  const uri = await open(text);
  await change(uri, text); // version 2
  const all = (await conn.sendRequest('report/renumber', { uri })) as WorkspaceEdit;
  assert.equal(applyWorkspaceEdit(uri, all), ['一、甲', '（一）子。', '（二）子。', '二、乙', '1.孙。', '2.孙。', ''].join('\n'));
  const some = (await conn.sendRequest('report/renumber', { uri, range: { start: { line: 4, character: 0 }, end: { line: 6, character: 0 } } })) as WorkspaceEdit;
  assert.equal(applyWorkspaceEdit(uri, some), ['一、甲', '（一）子。', '（三）子。', '三、乙', '1.孙。', '2.孙。', ''].join('\n'));
  // Already in order: an empty edit.
  await change(uri, applyWorkspaceEdit(uri, all));
  const none = (await conn.sendRequest('report/renumber', { uri })) as WorkspaceEdit;
  assert.deepEqual(none.documentChanges[0].edits, []);
});

test('report/nextHeading: the next sibling at the cursor', async () => {
  const uri = await open(REPORT);
  assert.deepEqual(await conn.sendRequest('report/nextHeading', { uri, position: { line: 10, character: 0 } }), { text: '（四）', level: 2 });
  assert.deepEqual(await conn.sendRequest('report/nextHeading', { uri, position: { line: 13, character: 0 } }), { text: '五、', level: 1 });
  assert.deepEqual(await conn.sendRequest('report/nextHeading', { uri, position: { line: 0, character: 0 } }), { text: '一、', level: 1 });
});

test('report/wrapPaid and report/unwrapPaid', async () => {
  const uri = await open(REPORT);
  const whole = (await conn.sendRequest('report/wrapPaid', { uri, range: { start: { line: 11, character: 0 }, end: { line: 13, character: 0 } } })) as WorkspaceEdit;
  const wrapped = applyWorkspaceEdit(uri, whole);
  assert.ok(wrapped.endsWith('\n##paidbegin##\n四、下一步打算\n继续加强学习，争取第x名。\n##paidend##\n'));
  const inline = (await conn.sendRequest('report/wrapPaid', { uri, range: { start: pos(REPORT, '压缩'), end: pos(REPORT, '时限', { after: true }) } })) as WorkspaceEdit;
  assert.ok(applyWorkspaceEdit(uri, inline).includes('\n##paidbegin##压缩办理时限##paidend##。\n'));
  await change(uri, wrapped);
  // Inside the region already: nothing to do.
  assert.equal(await conn.sendRequest('report/wrapPaid', { uri, range: { start: { line: 13, character: 1 }, end: { line: 13, character: 3 } } }), null);
  const un = (await conn.sendRequest('report/unwrapPaid', { uri, position: { line: 13, character: 2 } })) as WorkspaceEdit;
  assert.equal(applyWorkspaceEdit(uri, un), REPORT);
  assert.equal(await conn.sendRequest('report/unwrapPaid', { uri, position: { line: 0, character: 0 } }), null);
});

test('report/textWithoutPaidMarkers', async () => {
  const text = '标题\n正文##paidbegin##付费。\n##pagebreak##\n更多。\n##paidend##\n';
  const uri = await open(text);
  assert.equal(await conn.sendRequest('report/textWithoutPaidMarkers', { uri }), '标题\n正文付费。\n更多。\n');
});

test('report/nextBlank: next and previous, wrapping around', async () => {
  const uri = await open(REPORT);
  const xx = { start: pos(REPORT, 'xx'), end: pos(REPORT, 'xx', { after: true }) };
  const x = { start: pos(REPORT, 'x名'), end: { ...pos(REPORT, 'x名'), character: pos(REPORT, 'x名').character + 1 } };
  assert.deepEqual(await conn.sendRequest('report/nextBlank', { uri, position: { line: 0, character: 0 }, direction: 'next' }), xx);
  assert.deepEqual(await conn.sendRequest('report/nextBlank', { uri, position: xx.end, direction: 'next' }), x);
  assert.deepEqual(await conn.sendRequest('report/nextBlank', { uri, position: x.end, direction: 'next' }), xx);
  assert.deepEqual(await conn.sendRequest('report/nextBlank', { uri, position: xx.start, direction: 'previous' }), x);
  const none = await open('没有空白。');
  assert.equal(await conn.sendRequest('report/nextBlank', { uri: none, position: { line: 0, character: 0 }, direction: 'next' }), null);
});

test('workbench requests on a document that is not open answer null', async () => {
  const uri = 'file:///nowhere.report';
  for (const m of ['report/renumber', 'report/textWithoutPaidMarkers']) assert.equal(await conn.sendRequest(m, { uri }), null);
  assert.equal(await conn.sendRequest('report/nextHeading', { uri, position: { line: 0, character: 0 } }), null);
});
