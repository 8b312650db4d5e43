// The document formatter: safe fixes, standard heading markers, one paragraph indentation, minimal edits,
// idempotent (property-tested), on the examples and the corpus.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/core/config';
import { decodeReport } from '../../server/src/core/decode';
import { applyEdits } from '../../server/src/core/fix';
import { FULLWIDTH_INDENT, formatReport, indentationEdits } from '../../server/src/core/format';
import { parse } from '../../server/src/core/parser';
import type { Edit } from '../../server/src/core/rules/types';

const lines = (...l: string[]) => l.join('\n') + '\n';
const I = FULLWIDTH_INDENT;

/** Formats, and checks what must hold for every input: the edits give the text, are minimal, sorted and disjoint; a second run changes nothing. */
function format(text: string, config = DEFAULT_CONFIG): string {
  const r = formatReport(text, config);
  checkEdits(text, r.edits);
  assert.equal(applyEdits(text, r.edits), r.text, 'the edits produce the formatted text');
  const again = formatReport(r.text, config);
  assert.deepEqual(again.edits, [], `formatting twice changes nothing: ${JSON.stringify(again.edits.slice(0, 3))} in ${JSON.stringify(r.text.slice(0, 200))}`);
  return r.text;
}

function checkEdits(text: string, edits: Edit[]): void {
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    assert.ok(e.start <= e.end && e.end <= text.length, 'edit inside the text');
    assert.notEqual(text.slice(e.start, e.end), e.text, 'an edit changes something');
    if (i > 0) assert.ok(edits[i - 1].end <= e.start, 'edits sorted and disjoint');
  }
}

test('format: heading markers in their standard form, even with heading-marker-style off', () => {
  const text = lines('标题', '一.总体情况', '(一)学习', '正文。', '1、制度', '正文。', '（２）细则', '正文。');
  const want = lines('标题', '一、总体情况', '（一）学习', '正文。', '1.制度', '正文。', '（1）细则', '正文。');
  assert.equal(format(text), want);
  assert.equal(format(text, resolveConfig({ rules: { 'heading-marker-style': 'off' } })), want);
});

test('format: the safe fixes are applied, hints and blanks are not', () => {
  const out = format(lines('标题', '我们再接再励,取得新成效。。', '学习《党章》、《准则》等文件。', '增长x%。'));
  assert.equal(out, lines('标题', '我们再接再厉，取得新成效。', '学习《党章》、《准则》等文件。', '增长x%。'));
});

test('format: paragraph indentation follows the majority, written as two ideographic spaces', () => {
  // Mostly indented (up to four spaces, a tab, one or two U+3000): all become 　　.
  assert.equal(
    format(lines('2024年述职报告', '    第一段。', '\t第二段。', '一、工作', '　第三段。', '第四段。')),
    lines('2024年述职报告', `${I}第一段。`, `${I}第二段。`, `${I}一、工作`, `${I}第三段。`, `${I}第四段。`),
  );
  // Mostly flush: the stray indentation goes.
  assert.equal(
    format(lines('2024年述职报告', '第一段。', '一、工作', '  第二段。', '第三段。')),
    lines('2024年述职报告', '第一段。', '一、工作', '第二段。', '第三段。'),
  );
  // Already consistent: nothing to do.
  const done = lines('2024年述职报告', `${I}第一段。`, `${I}第二段。`);
  assert.deepEqual(formatReport(done, DEFAULT_CONFIG).edits, []);
});

test('format: hard-wrapped paragraphs (indented first line, flush continuation) keep their indentation', () => {
  const text = lines('2024年述职报告', '    一年来，我认真履行岗位职责，', '较好地完成了各项任务。', '    下一步，我将继续努力，', '争取更大成绩。', '第三段。');
  assert.deepEqual(indentationEdits(parse(text)), []);
  // The same lines, each a whole sentence: not hard-wrapped, normalised.
  const whole = lines('2024年述职报告', '    一年来，我认真履行岗位职责。', '较好地完成了各项任务。', '    下一步，我将继续努力。');
  assert.equal(indentationEdits(parse(whole)).length, 3);
});

test('format: lines nested by indentation (an outline in plain text) keep it', () => {
  const text = lines('2024年工作总结', '总的方面：', '    心态上更加沉稳。', '            遇事不再慌张。', '    技能上有所提高。', '第二段。', '第三段。', '第四段。', '第五段。');
  assert.deepEqual(indentationEdits(parse(text)), []);
});

test('format: title, salutation, signature and date keep their alignment; Markdown and odd leads are left alone', () => {
  const text = lines('　　　　2024年述职报告', '各位领导：', '　　第一段。', '　　第二段。', '　　　　　　　　述职人：张三', '　　　　　　　　2024年1月5日');
  assert.equal(format(text), text);
  const md = lines('# 2024年工作总结', '## 一、工作', '- 第一项。', '    代码块', '正文。');
  assert.deepEqual(indentationEdits(parse(md)), []);
  const odd = lines('标题', '\u2002\u2002第一段。', '第二段。');
  assert.ok(format(odd).includes('第一段'), 'kept');
});

test('format: edits are minimal and keep CRLF line breaks', () => {
  const text = ['标题', '  第一段。', '正文,继续。', '1、结尾', ''].join('\r\n');
  const r = formatReport(text, DEFAULT_CONFIG);
  assert.deepEqual(
    r.edits.map((e) => [text.slice(e.start, e.end), e.text]),
    [['  ', ''], [',', '，'], ['、', '.']],
  );
  assert.equal(r.text, ['标题', '第一段。', '正文，继续。', '1.结尾', ''].join('\r\n'));
});

test('format: hostile input neither throws nor loses text', () => {
  for (const text of ['', '\uFEFF', '\r\n', '\uD800', '##paidbegin##', 'x'.repeat(3000), '　'.repeat(50), '一、\n（一）\n1.\n（1）\n']) format(text);
});

// ---------------------------------------------------------------- properties

const LINE = fc.oneof(
  fc.constantFrom('一、总体情况', '二.主要工作', '(一)学习', '（二）业务。', '1、制度', '2.落实', '（1）细则', '（２）要求'),
  fc.constantFrom('正文,继续。', '我们的的工作。', '增长１５％。', '再接再励。', '深 入开展调研……', '“三重一大”制度。', '学习《党章》、《准则》。', 'x%', '第xx名'),
  fc.constantFrom('##paidbegin##', '##paidend##', '##PaidBegin##', '$$paidend$$', '尊敬的各位领导：', '述职人：张三', '2024年1月5日', '2024年度述职报告'),
  fc.constantFrom('Hello, world.', 'http://example.com/a,b', '`code`', '- 列表项', '## 一、标题', '**一、加粗**'),
);
const LEAD = fc.constantFrom('', '', '  ', '    ', '\t', '　', '　　', '\u2002');
const REPORT = fc
  .tuple(fc.array(fc.tuple(LEAD, LINE, fc.constantFrom('', '', '。', ',')), { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([ls, eol, blank]) => ls.map(([lead, line, tail]) => lead + line + tail).join(blank ? eol + eol : eol) + eol);

test('format (property): idempotent, minimal edits that give the formatted text', () => {
  fc.assert(
    fc.property(REPORT, (text) => {
      format(text);
    }),
    { numRuns: 300 },
  );
});

test('format (property): only formats — the Han characters keep their order, apart from heading numbers and word fixes', () => {
  fc.assert(
    fc.property(REPORT, (text) => {
      const out = formatReport(text, DEFAULT_CONFIG).text;
      // Heading numbers may be renumbered and the word fixes (的的, 再接再励) change Han characters; nothing else does.
      const unnumbered = (s: string) => s.replace(/^[ \t\u3000\u2002#*]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d０-９]+[)）]|[\d０-９]+[、.．])/gmu, '');
      const han = (s: string) => [...unnumbered(s)].filter((c) => /\p{Script=Han}/u.test(c)).join('');
      const norm = (s: string) => han(s).replace(/的的/g, '的').replace(/再接再励/g, '再接再厉');
      assert.equal(norm(out), norm(text));
    }),
    { numRuns: 200 },
  );
});

// ---------------------------------------------------------------- real reports

const CORPUS = resolve(process.cwd(), '..', 'shared', 'corpus');

test('format: every example and corpus document formats in one pass and stays formatted', (t) => {
  const files = [
    ...readdirSync(join(process.cwd(), 'examples')).map((f) => join(process.cwd(), 'examples', f)),
    ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /^\d/.test(f)).map((f) => join(CORPUS, f)) : []),
  ];
  let changed = 0;
  let ms = 0;
  for (const f of files) {
    const text = decodeReport(readFileSync(f));
    const t0 = performance.now();
    const out = format(text);
    ms += performance.now() - t0;
    if (out !== text) changed++;
  }
  t.diagnostic(`${files.length} documents, ${changed} changed, ${ms.toFixed(0)} ms (with the second run)`);
});
