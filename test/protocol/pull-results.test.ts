// Pull diagnostics send less: a result the client already holds is answered `unchanged`, also after an edit
// that moves no diagnostic; an edit that changes one (or a new setting) sends the full list again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameDiagnostic, DiagnosticResults } from '../../server/src/lsp/results';
import { start, type Diag } from './harness';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: Diag[];
}

// Two paragraphs with a mistake each (a half-width comma between Chinese characters), then an empty line.
const TEXT = '一、主要工作\n我们完成了任务,取得了成效。\n二、存在问题\n问题仍然存在,需要改进。\n\n';

test('a pull after an edit that moves no diagnostic is answered unchanged; other edits get the full list', async () => {
  const s = await start();
  const uri = await s.open(TEXT);
  const pull = async (previousResultId?: string) =>
    (await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId })) as Report;
  const first = await pull();
  assert.equal(first.kind, 'full');
  assert.ok(first.resultId);
  const commas = first.items!.filter((d) => d.message.includes(',') || /comma|逗号/i.test(d.message));
  assert.ok(commas.length >= 2, JSON.stringify(first.items));

  // Same content: unchanged.
  assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

  // Typing on the last (empty) line moves nothing: unchanged, although the document changed.
  const change = async (version: number, line: number, character: number, text: string) =>
    s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
    });
  await change(2, 5, 0, '总');
  assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

  // A client that lost its copy gets the full list again, under the same id.
  const again = await pull();
  assert.equal(again.kind, 'full');
  assert.equal(again.resultId, first.resultId);
  assert.deepEqual(again.items, first.items);

  // Typing before the first comma on its line moves that diagnostic: a new full result.
  await change(3, 1, 0, '今年');
  const moved = await pull(first.resultId);
  assert.equal(moved.kind, 'full');
  assert.notEqual(moved.resultId, first.resultId);
  const shifted = moved.items!.find((d) => d.range.start.line === 1 && d.code === first.items!.find((x) => x.range.start.line === 1)!.code)!;
  const before = first.items!.find((x) => x.range.start.line === 1)!;
  assert.equal(shifted.range.start.character, before.range.start.character + 2);

  // Fixing the second comma removes a diagnostic: full again, one fewer.
  const second = moved.items!.find((d) => d.range.start.line === 3)!;
  await s.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 4 },
    contentChanges: [{ range: second.range, text: '，' }],
  });
  const fixed = await pull(moved.resultId);
  assert.equal(fixed.kind, 'full');
  assert.equal(fixed.items!.length, moved.items!.length - 1);
  assert.equal(s.exited(), false);
  await s.close();
});

test('DiagnosticResults: unchanged only for the holder of the last result; equal diagnostics keep their objects', () => {
  const d = (line: number, message: string, code = 'x') => ({ range: { start: { line, character: 1 }, end: { line, character: 2 } }, message, code, severity: 2 as const, source: 'report' });
  const r = new DiagnosticResults();
  const a = r.settle('u', 's1', [d(1, 'a'), d(2, 'b')], undefined);
  assert.equal(a.kind, 'full');
  assert.deepEqual(r.known('u', 's1', a.resultId), { kind: 'unchanged', resultId: a.resultId });
  assert.equal(r.known('u', 's2', a.resultId), undefined, 'another state must be computed');
  assert.equal(r.known('u', 's1', 'other'), undefined, 'another holder gets the list');
  assert.deepEqual(r.settle('u', 's2', [d(1, 'a'), d(2, 'b')], a.resultId), { kind: 'unchanged', resultId: a.resultId });
  const kept = a.kind === 'full' ? a.items[1] : undefined;
  const b = r.settle('u', 's3', [d(0, 'new'), d(1, 'a'), d(2, 'b')], a.resultId);
  assert.equal(b.kind, 'full');
  assert.notEqual(b.resultId, a.resultId);
  if (b.kind === 'full') {
    assert.equal(b.items[2], kept, 'an equal diagnostic keeps its object');
    assert.equal(b.items.length, 3);
  }
  // Every field counts.
  assert.ok(sameDiagnostic(d(1, 'a'), d(1, 'a')));
  assert.ok(!sameDiagnostic(d(1, 'a'), d(1, 'b')));
  assert.ok(!sameDiagnostic(d(1, 'a'), d(2, 'a')));
  assert.ok(!sameDiagnostic(d(1, 'a'), d(1, 'a', 'y')));
  assert.ok(!sameDiagnostic(d(1, 'a'), { ...d(1, 'a'), severity: 1 }));
  assert.ok(!sameDiagnostic(d(1, 'a'), { ...d(1, 'a'), tags: [1] }));
  assert.ok(!sameDiagnostic(d(1, 'a'), { ...d(1, 'a'), codeDescription: { href: 'file:///x' } }));
  const rel = (m: string) => ({ ...d(1, 'a'), relatedInformation: [{ location: { uri: 'u', range: d(3, '').range }, message: m }] });
  assert.ok(sameDiagnostic(rel('m'), rel('m')));
  assert.ok(!sameDiagnostic(rel('m'), rel('n')));
  r.forget('u');
  assert.equal(r.known('u', 's3', b.resultId), undefined);
});
