// Protocol test of the encoding check: a report opened as mojibake gets exactly one diagnostic, with the
// quick fix that reopens it in the editor (a command, never an edit), and its statistics say it is garbled.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { encodeGbk } from '../fixtures/gbk.mjs';
import { start as startServer, type Diag, type Server } from './harness';

const REPORT = readFileSync(join(process.cwd(), 'test', 'fixtures', 'gbk-report.txt'), 'utf8');

interface Action { title: string; kind: string; isPreferred?: boolean; edit?: unknown; command?: { command: string; arguments: unknown[] }; diagnostics?: Diag[] }

const servers: Server[] = [];
after(() => {
  for (const s of servers) if (!s.exited()) s.proc.kill();
});

async function start(opts: { locale: string; clientCommands: boolean }): Promise<Server> {
  const s = await startServer({ locale: opts.locale, initializationOptions: { clientCommands: opts.clientCommands } });
  servers.push(s);
  return s;
}

let n = 0;
async function openAndDiagnose(conn: MessageConnection, text: string): Promise<{ uri: string; items: Diag[] }> {
  const uri = pathToFileURL(`/tmp/2025年度个人述职报告-${process.pid}-${n++}.txt`).toString();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
  const r = (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
  return { uri, items: r.items };
}

const gbk = encodeGbk(REPORT);
const asUtf8 = new TextDecoder('utf-8').decode(gbk);
const as1252 = new TextDecoder('windows-1252').decode(gbk);

test('a GBK report read as UTF-8: one error on the first line, the reopen command as its fix, garbled statistics', async () => {
  const s = await start({ locale: 'zh-cn', clientCommands: true });
  const { uri, items } = await openAndDiagnose(s.conn, asUtf8);
  assert.equal(items.length, 1, JSON.stringify(items.map((d) => d.code)));
  const [d] = items;
  assert.equal(d.code, 'encoding');
  assert.equal(d.severity, 1);
  assert.deepEqual(d.range.start, { line: 0, character: 0 });
  assert.equal(d.range.end.line, 0);
  assert.match(d.message, /替换字符/);
  assert.match(d.message, /GBK/);
  const actions = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  })) as Action[];
  const reopen = actions.filter((a) => a.command?.command === 'report.reopenWithEncoding');
  assert.equal(reopen.length, 1);
  assert.equal(reopen[0].title, '用 GBK 编码重新打开');
  assert.equal(reopen[0].isPreferred, true);
  assert.equal(reopen[0].edit, undefined);
  assert.deepEqual(reopen[0].command!.arguments, [uri, 'gbk']);
  // No action of any kind edits the garbled text, and none saves it.
  assert.ok(actions.every((a) => a.edit === undefined), JSON.stringify(actions.map((a) => a.title)));
  assert.ok(actions.every((a) => !/保存|save/i.test(a.title)));
  const fixAll = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as Action[];
  assert.deepEqual(fixAll, []);
  const stats = (await s.conn.sendRequest('report/statistics', { uri })) as { garbled?: { kind: string; encoding: string } };
  assert.deepEqual(stats.garbled, { kind: 'replacement', encoding: 'gbk' });
  await s.close();
  assert.equal(s.stderr(), '');
});

test('a GBK report read as Latin-1, in English: the message shows what it reads as; no command for a plain LSP client', async () => {
  const s = await start({ locale: 'en', clientCommands: false });
  const { uri, items } = await openAndDiagnose(s.conn, as1252);
  assert.deepEqual(items.map((d) => d.code), ['encoding']);
  assert.match(items[0].message, /in GBK it reads "年度个人述职报告"/);
  assert.match(items[0].message, /do not save/);
  const actions = (await s.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: items[0].range,
    context: { diagnostics: items, only: ['quickfix'] },
  })) as Action[];
  assert.deepEqual(actions, []);
  // The same report, read right, has no encoding problem and its statistics count it.
  const right = await openAndDiagnose(s.conn, REPORT);
  assert.ok(right.items.every((d) => d.code !== 'encoding'));
  const stats = (await s.conn.sendRequest('report/statistics', { uri: right.uri })) as { chars: number; garbled?: unknown };
  assert.equal(stats.garbled, undefined);
  assert.ok(stats.chars > 300);
  await s.close();
  assert.equal(s.stderr(), '');
});
