// The outline's symbols nest: every child lies inside its parent, siblings are disjoint and in order,
// every selection range lies inside its symbol's range. Checked on hand-made reports, the examples and
// fixtures, and every document of the shared corpus (GBK ones decoded), when it is there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Position, Range } from 'vscode-languageserver';
import { resolveConfig } from '../../server/src/core/config';
import { decodeReport } from '../../server/src/core/decode';
import { parse } from '../../server/src/core/parser';
import { documentSymbols } from '../../server/src/lsp/symbols';

const ROOT = process.cwd();
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');

function symbolsOf(text: string): { doc: TextDocument; syms: DocumentSymbol[] } {
  const doc = TextDocument.create('file:///t.report', 'report', 1, text);
  const model = parse(text, resolveConfig({}, {}).parse);
  return { doc, syms: documentSymbols(doc, model, 'en') };
}

const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
const within = (inner: Range, outer: Range) => !before(inner.start, outer.start) && !before(outer.end, inner.end);
const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** Every way the symbols break nesting, as readable lines (empty when they nest). */
export function nestingFaults(syms: DocumentSymbol[], parent?: DocumentSymbol, path = ''): string[] {
  const out: string[] = [];
  syms.forEach((s, i) => {
    const here = `${path} › ${s.name}`;
    if (before(s.range.end, s.range.start)) out.push(`${here}: range ${show(s.range)} ends before it starts`);
    if (!within(s.selectionRange, s.range)) out.push(`${here}: selection ${show(s.selectionRange)} outside ${show(s.range)}`);
    if (parent && !within(s.range, parent.range)) out.push(`${here}: ${show(s.range)} not inside its parent ${show(parent.range)}`);
    const next = syms[i + 1];
    if (next && before(next.range.start, s.range.end)) out.push(`${here}: ${show(s.range)} overlaps its next sibling ${next.name} ${show(next.range)}`);
    out.push(...nestingFaults(s.children ?? [], s, here));
  });
  return out;
}

function all(syms: DocumentSymbol[]): DocumentSymbol[] {
  return syms.flatMap((s) => [s, ...all(s.children ?? [])]);
}

const PAID_ACROSS_SECTIONS = [
  '2024年度述职报告',
  '',
  '一、主要工作',
  '（一）学习。',
  '抓好理论学习。',
  '##paidbegin##',
  '（二）业务。',
  '推进重点项目。',
  '二、存在的问题',
  '1.学习不够深入。',
  '2.创新不够。',
  '##paidend##',
  '三、下一步打算',
  '继续努力。',
  '',
].join('\n');

test('symbols: a paid region across sections leaves the heading tree intact and shows as a leaf where it begins', () => {
  const { syms } = symbolsOf(PAID_ACROSS_SECTIONS);
  assert.deepEqual(nestingFaults(syms), []);
  assert.deepEqual(syms.map((s) => s.name), ['一、主要工作', '二、存在的问题', '三、下一步打算']);
  const one = syms[0];
  assert.deepEqual(one.children!.map((c) => c.name), ['（一）学习', '（二）业务']);
  // The marker line ends （一）'s section: the leaf is its last child.
  const paid = one.children![0].children!.at(-1)!;
  assert.equal(paid.name, 'Paid content');
  assert.equal(paid.kind, 20);
  assert.deepEqual(paid.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 13 } });
  assert.match(paid.detail!, /^\d+ chars, \d+%$/);
  // The cursor on 2.创新不够。 finds the section path 二、 › 2., as breadcrumbs do.
  const two = syms[1];
  const line = 10;
  const path: string[] = [];
  let level: DocumentSymbol[] | undefined = syms;
  while (level) {
    const hit: DocumentSymbol | undefined = level.find((s) => s.range.start.line <= line && line <= s.range.end.line);
    if (!hit) break;
    path.push(hit.name);
    level = hit.children;
  }
  assert.deepEqual(path, [two.name, '2.创新不够']);
});

test('symbols: a begin marker inside a heading line stays out of the way', () => {
  const { syms } = symbolsOf('标题\n\n一、甲##paidbegin##乙\n正文。\n二、丙\n正文。##paidend##\n');
  assert.deepEqual(nestingFaults(syms), []);
  assert.ok(all(syms).some((s) => s.name === 'Paid content'));
});

test('symbols: the nesting check itself finds overlaps and escapes', () => {
  const r = (a: number, b: number): Range => ({ start: { line: a, character: 0 }, end: { line: b, character: 0 } });
  const sym = (name: string, range: Range, children: DocumentSymbol[] = []): DocumentSymbol => ({ name, kind: 2, range, selectionRange: { start: range.start, end: range.start }, children });
  assert.equal(nestingFaults([sym('a', r(0, 5)), sym('b', r(4, 8))]).length, 1);
  assert.equal(nestingFaults([sym('a', r(0, 5), [sym('c', r(3, 7))])]).length, 1);
  assert.deepEqual(nestingFaults([sym('a', r(0, 5), [sym('c', r(1, 2))]), sym('b', r(6, 8))]), []);
});

function filesIn(dir: string, exts: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => exts.test(f)).map((f) => join(dir, f));
}

test('symbols nest in every example and fixture', () => {
  const files = [...filesIn(join(ROOT, 'examples'), /\.(report|txt|md)$/), ...filesIn(join(ROOT, 'test', 'fixtures'), /\.(report|txt|md)$/)];
  assert.ok(files.length >= 3, `only ${files.length} files`);
  for (const f of files) {
    const { syms } = symbolsOf(decodeReport(readFileSync(f)));
    assert.ok(syms.length > 0, `${f}: no symbols`);
    assert.deepEqual(nestingFaults(syms), [], f);
  }
});

test('symbols nest in every document of the corpus', (t) => {
  const files = filesIn(CORPUS, /^\d.*\.(txt|md|report)$/);
  if (!files.length) {
    t.skip(`no corpus at ${CORPUS}`);
    return;
  }
  let paidLeaves = 0;
  let symbols = 0;
  for (const f of files) {
    const { syms } = symbolsOf(decodeReport(readFileSync(f)));
    assert.deepEqual(nestingFaults(syms), [], f);
    const flat = all(syms);
    symbols += flat.length;
    paidLeaves += flat.filter((s) => s.name === 'Paid content').length;
  }
  t.diagnostic(`${files.length} documents, ${symbols} symbols, ${paidLeaves} paid-region leaves`);
  assert.ok(symbols > files.length);
  assert.ok(paidLeaves > 0, 'the seed report has a paid region');
});
