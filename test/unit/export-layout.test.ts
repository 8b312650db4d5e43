// The print layout shared by the Word export and the page preview: which paragraphs reach the page, line
// breaking on the 28-character grid (hanging punctuation, Latin words, autospace), 22-row pages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../server/src/core/parser';
import { breakLines, charWidth, layout, placeSignature, printParagraphs, type PrintParagraph } from '../../server/src/export/layout';

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

function han(n: number, from = 0): string {
  let s = '';
  for (let i = 0; i < n; i++) s += HAN[(from + i) % HAN.length];
  return s;
}

test('28 Chinese characters to a line, 26 on the first line of an indented paragraph', () => {
  assert.deepEqual(breakLines(han(80), 26, 28), [0, 26, 54]);
  assert.deepEqual(breakLines(han(28), 28, 28), [0]);
  assert.deepEqual(breakLines(han(29), 28, 28), [0, 28]);
  assert.deepEqual(breakLines('', 26, 28), [0]);
});

test('closing punctuation hangs at the end of a line; an opening mark goes down with its text', () => {
  // A comma as the 29th character stays on the first line.
  assert.deepEqual(breakLines(`${han(28)}，${han(10)}`, 28, 28), [0, 29]);
  // An opening quote as the 28th character moves to the next line.
  assert.deepEqual(breakLines(`${han(27)}“${han(10)}”`, 28, 28), [0, 27]);
});

test('Latin words and numbers are not split; they are narrower than Chinese and spaced off by a quarter', () => {
  assert.ok(charWidth('1'.charCodeAt(0)) < 0.5 && charWidth('1'.charCodeAt(0)) > 0.45);
  assert.equal(charWidth('中'.charCodeAt(0)), 1);
  assert.equal(charWidth('“'.charCodeAt(0)), 1);
  // 24 characters, then a number of 4 digits (≈ 2 cells + ¼ on each side) does not fit in 26: it moves whole.
  const starts = breakLines(`${han(24)}2024${han(10)}`, 26, 28);
  assert.deepEqual(starts, [0, 24]);
  // 23 characters + 2024 (≈ 2.2 with the space before it; the space after does not count at a line end) fit.
  assert.deepEqual(breakLines(`${han(23)}2024${han(10)}`, 26, 28), [0, 27]);
  // A run of Latin longer than a line is split where the line is full.
  const url = 'https://example.com/' + 'a'.repeat(120);
  const lines = breakLines(url, 28, 28);
  assert.ok(lines.length >= 3);
  for (let k = 1; k < lines.length; k++) assert.ok(lines[k] > lines[k - 1]);
  // A word that fits but for its autospace stays whole, and no empty line follows it.
  assert.deepEqual(breakLines('中c3', 1, 1), [0, 1]);
});

test('line starts always advance and every character is on exactly one line (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'中文，。“”（）《》abc 123%—…'.split('')), maxLength: 300 }), fc.integer({ min: 1, max: 30 }), (text, width) => {
      const starts = breakLines(text, width, width);
      assert.equal(starts[0], 0);
      for (let k = 1; k < starts.length; k++) {
        assert.ok(starts[k] > starts[k - 1]);
        assert.ok(starts[k] < text.length || text.length === 0);
      }
    }),
    { numRuns: 300 },
  );
});

const para = (kind: PrintParagraph['kind'], text: string): PrintParagraph => ({ kind, level: 0, outline: 0, block: 0, line: 0, pieces: [{ text, start: 0 }], text, headingLength: 0 });

test('pages of 22 rows, filled to the last row; a title line takes two rows', () => {
  const body = Array.from({ length: 23 }, (_, i) => para('body', han(10, i)));
  const l = layout(body);
  assert.equal(l.pages, 2);
  assert.deepEqual(l.linesPerPage, [22, 1]);
  assert.equal(l.paragraphs[22].page, 1);
  assert.equal(l.paragraphs[22].row, 0);

  const withTitle = layout([para('title', '关于工作的报告'), para('empty', ''), ...body.slice(0, 19)]);
  assert.deepEqual(withTitle.linesPerPage, [22]);
  assert.equal(withTitle.paragraphs[1].row, 2);
  // A title line that would straddle two pages starts the next one.
  const late = layout([...body.slice(0, 21), para('title', '标题')]);
  assert.equal(late.paragraphs[21].page, 1);
  assert.equal(late.paragraphs[21].row, 0);
  assert.equal(layout([]).pages, 1);
});

test('a two-line title: 20 characters of 2号 to a line', () => {
  const l = layout([para('title', han(30))]);
  assert.deepEqual(l.paragraphs[0].lineStarts, [0, 20]);
  assert.deepEqual(l.paragraphs[0].lineRows, [0, 2]);
});

const REPORT = [
  '2024年度述职报告',
  '——在年度考核会上',
  '尊敬的各位领导：',
  '##paidbegin##',
  '一、**加强学习**。全年参加学习24次##paidend##。',
  '（一）抓好落实',
  '牵头完成专项检查，整改完成率达到百分之百。',
  '$$paidbegin$$以上报告，请予审议。$$paidend$$',
  '张三',
  '2025年1月5日',
].join('\n');

test('printed paragraphs: paid markers and marker lines cut out, Markdown bold removed, kinds and outline', () => {
  const model = parse(REPORT);
  const ps = printParagraphs(model);
  assert.deepEqual(
    ps.map((p) => `${p.kind}${p.kind === 'heading' ? p.outline : ''}:${p.text}`),
    [
      'title:2024年度述职报告',
      'titleLine:——在年度考核会上',
      'empty:',
      'salutation:尊敬的各位领导：',
      'heading1:一、加强学习。全年参加学习24次。',
      'heading2:（一）抓好落实',
      'body:牵头完成专项检查，整改完成率达到百分之百。',
      'closing:以上报告，请予审议。',
      'empty:',
      'signature:张三',
      'date:2025年1月5日',
    ],
  );
  // The heading sentence of a run-in heading, with its mark; a standalone heading is all heading.
  const h1 = ps.find((p) => p.text.startsWith('一、'))!;
  assert.equal(h1.text.slice(0, h1.headingLength), '一、加强学习。');
  assert.equal(h1.level, 1);
  const h2 = ps.find((p) => p.text.startsWith('（一）'))!;
  assert.equal(h2.headingLength, h2.text.length);
  assert.equal(h2.level, 2);
  // Every piece is the source text at its offset.
  for (const p of ps) for (const piece of p.pieces) assert.equal(REPORT.slice(piece.start, piece.start + piece.text.length), piece.text);
});

test('the pieces of every paragraph are source text at their offsets (property)', () => {
  const line = fc.oneof(
    fc.constantFrom('一、总体情况', '（一）工作', '1.细节', '##paidbegin##', '##paidend##', '$$paidbegin$$正文$$paidend$$', '**加粗**正文', '正文##pagebreak##正文', '尊敬的领导：', '2025年1月5日'),
    fc.string({ unit: fc.constantFrom(...'中文，。#$*paidbegn 1'.split('')), maxLength: 40 }),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const text = lines.join('\n');
      for (const p of printParagraphs(parse(text))) {
        assert.ok(p.kind === 'empty' || p.text.length > 0);
        assert.equal(p.text, p.pieces.map((x) => x.text).join(''));
        for (const piece of p.pieces) assert.equal(text.slice(piece.start, piece.start + piece.text.length), piece.text);
        assert.ok(p.headingLength <= p.text.length);
      }
    }),
    { numRuns: 300 },
  );
});

test('signature and date: GB/T 9704 7.3.5.2', () => {
  assert.deepEqual(placeSignature(9, 7), { signatureRight: 2, dateRight: 2 });
  assert.deepEqual(placeSignature(12, 7), { signatureRight: 2, dateRight: 5 });
  assert.deepEqual(placeSignature(3, 7), { signatureRight: 8, dateRight: 2 });
});

test('a long report lays out quickly', () => {
  const text = Array.from({ length: 4000 }, (_, i) => (i % 20 === 0 ? `${'一二三四五六七八九十'[i % 10]}、标题${i}` : han(150, i))).join('\n');
  const model = parse(text);
  const t0 = performance.now();
  const l = layout(printParagraphs(model));
  const ms = performance.now() - t0;
  assert.ok(l.pages > 1000);
  assert.ok(ms < 2000, `${ms} ms`);
});
