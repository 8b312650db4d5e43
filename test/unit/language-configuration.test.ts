// The language configuration: brackets, auto-closing, word pattern and paid-region folding markers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LanguageConfiguration {
  comments?: unknown;
  brackets: [string, string][];
  autoClosingPairs: ({ open: string; close: string; notIn?: string[] } | [string, string])[];
  autoCloseBefore: string;
  surroundingPairs: ({ open: string; close: string } | [string, string])[];
  wordPattern: string | { pattern: string; flags?: string };
  folding: { offSide?: boolean; markers: { start: string; end: string } };
}

function load(): LanguageConfiguration {
  return JSON.parse(readFileSync(join(process.cwd(), 'language-configuration.json'), 'utf8')) as LanguageConfiguration;
}

const pair = (p: { open: string; close: string } | [string, string]): string =>
  Array.isArray(p) ? p.join('') : p.open + p.close;

/** The word regex the way the editor builds it: the pattern with the `g` flag added. */
function wordRegExp(c: LanguageConfiguration): RegExp {
  const { pattern, flags } = typeof c.wordPattern === 'string' ? { pattern: c.wordPattern, flags: '' } : c.wordPattern;
  return new RegExp(pattern, (flags ?? '').includes('g') ? flags : `${flags ?? ''}g`);
}

const words = (c: LanguageConfiguration, text: string): string[] => text.match(wordRegExp(c)) ?? [];

const REQUIRED_BRACKETS = ['（）', '《》', '“”', '‘’', '【】', '〔〕', '「」', '『』', '()', '[]'];

test('language configuration: strict JSON, no comment tokens for prose', () => {
  const c = load();
  assert.equal(c.comments, undefined);
});

test('language configuration: all Chinese and ASCII pairs are brackets, auto-close and surround', () => {
  const c = load();
  const brackets = c.brackets.map(pair);
  const autoClosing = c.autoClosingPairs.map(pair);
  const surrounding = c.surroundingPairs.map(pair);
  for (const p of REQUIRED_BRACKETS) {
    assert.ok(brackets.includes(p), `bracket ${p}`);
  }
  for (const p of [...REQUIRED_BRACKETS, '""']) {
    assert.ok(autoClosing.includes(p), `autoClosingPairs ${p}`);
    assert.ok(surrounding.includes(p), `surroundingPairs ${p}`);
  }
  for (const p of brackets) {
    assert.ok(autoClosing.includes(p), `bracket ${p} does not auto-close`);
    assert.ok(surrounding.includes(p), `bracket ${p} does not surround`);
    assert.notEqual(p[0], p[1], `bracket ${p} must have distinct open and close`);
  }
  assert.equal(new Set(brackets).size, brackets.length, 'duplicate bracket');
});

test('language configuration: autoCloseBefore lets pairs close before Chinese punctuation and whitespace', () => {
  const { autoCloseBefore } = load();
  for (const ch of ['，', '。', '、', '；', '：', '？', '！', '）', '》', '”', '’', '】', ' ', '\n', '\t', ',', '.']) {
    assert.ok(autoCloseBefore.includes(ch), `autoCloseBefore lacks ${JSON.stringify(ch)}`);
  }
  // Not before a Han character or a letter: typing （ in the middle of a word should not add ）.
  assert.doesNotMatch(autoCloseBefore, /[\p{Script=Han}A-Za-z0-9]/u);
});

test('language configuration: the word pattern compiles and splits Chinese text at punctuation and script changes', () => {
  const c = load();
  assert.deepEqual(words(c, '2023年，全市GDP增长8.1%，完成“两个维护”。'), ['2023', '年', '全市', 'GDP', '增长', '8.1', '完成', '两个维护']);
  assert.deepEqual(words(c, '　　（一）加强理论学习，提高政治站位。'), ['一', '加强理论学习', '提高政治站位']);
  assert.deepEqual(words(c, '增长x%，第xx名，二〇二三年'), ['增长', 'x', '第', 'xx', '名', '二〇二三年']);
  assert.deepEqual(words(c, "It's a well-known work_report."), ["It's", 'a', 'well-known', 'work_report']);
  // Full-width punctuation is never part of a word, and the pattern never matches the empty string.
  for (const w of words(c, '《决定》【注】、；：？！……——「引」『引』〔2024〕')) {
    assert.doesNotMatch(w, /[《》【】、；：？！…—「」『』〔〕]/u, w);
  }
  assert.equal(wordRegExp(c).test(''), false);
});

test('language configuration: the word pattern stays fast on a very long line', () => {
  const c = load();
  const line = '坚持稳中求进，增长x%。'.repeat(20_000) + 'a'.repeat(50_000) + "'-".repeat(20_000);
  const t0 = Date.now();
  const n = words(c, line).length;
  assert.ok(n > 0);
  assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
});

test('language configuration: folding markers open at a begin marker and close at an end marker, both forms', () => {
  const { markers } = load().folding;
  const start = new RegExp(markers.start);
  const end = new RegExp(markers.end);
  // The editor combines them like this and looks at the first group to tell a start from an end.
  const combined = new RegExp(`(${markers.start})|(?:${markers.end})`);
  const kind = (line: string): 'start' | 'end' | null => {
    const m = combined.exec(line);
    return m ? (m[1] ? 'start' : 'end') : null;
  };
  assert.equal(kind('##paidbegin##'), 'start');
  assert.equal(kind('$$paidbegin$$'), 'start');
  assert.equal(kind('牢记要求##paidbegin##，严格执行'), 'start');
  assert.equal(kind('##paidend##'), 'end');
  assert.equal(kind('$$paidend$$'), 'end');
  assert.equal(kind('结束于此##paidend##之后'), 'end');
  // A region opened and closed on the same line folds nothing.
  assert.equal(kind('前文##paidbegin##付费##paidend##后文'), null);
  assert.equal(kind('前文$$paidbegin$$付费##paidend##后文'), null);
  // Misspelled markers and ordinary text are not markers.
  for (const line of ['##paidbegin#', '##PaidBegin##', '＃＃paidbegin＃＃', '## paidend ##', '##pagebreak##', '一、总体情况']) {
    assert.equal(kind(line), null, line);
    assert.equal(start.test(line) || end.test(line), false, line);
  }
});
