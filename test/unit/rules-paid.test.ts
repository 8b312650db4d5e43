// The paid-marker rules: spelling, unclosed regions, stray ends, repeated begins, empty regions and
// mixed ## / $$ pairs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { applyFix, check, fixAll, spans } from './helpers';

const PAID = ['paid-marker-spelling', 'paid-marker-unclosed', 'paid-marker-stray-end', 'paid-marker-repeated-begin', 'paid-region-empty', 'paid-marker-mixed'];
const paidOnly = (p: { rule: string }) => PAID.includes(p.rule);

test('paid: metadata', () => {
  const want: Record<string, string> = {
    'paid-marker-spelling': 'error',
    'paid-marker-unclosed': 'error',
    'paid-marker-stray-end': 'error',
    'paid-marker-repeated-begin': 'error',
    'paid-region-empty': 'warning',
    'paid-marker-mixed': 'warning',
  };
  for (const id of PAID) {
    const rule = RULES_BY_ID.get(id);
    assert.ok(rule, id);
    assert.equal(rule.meta.category, 'paid');
    assert.equal(rule.meta.defaultSeverity, want[id], id);
    assert.equal(rule.meta.fixable, true, id);
  }
});

test('paid: a well-formed document is quiet', () => {
  for (const text of [
    '正文要求##paidbegin##，严格执行。\n其余内容。\n##paidend##\n',
    '正文$$paidbegin$$付费内容$$paidend$$结尾。\n',
    '开头##paidbegin##付费##pagebreak##续##paidend##结尾##pagebreak##\n',
    '## 一、标题\n正文 $$x$$ 公式，#话题# 标签，$100 元。\n',
  ]) {
    for (const id of PAID) assert.deepEqual(check(text, id), [], `${id}: ${text}`);
  }
});

// ---------------------------------------------------------------- paid-marker-spelling

test('paid-marker-spelling: misspellings are flagged and fixed to the canonical marker', () => {
  const cases: [string, string, string][] = [
    ['正文##paidbegin#付费##paidend##\n', '##paidbegin#', '##paidbegin##'],
    ['正文##PaidBegin##付费##paidend##\n', '##PaidBegin##', '##paidbegin##'],
    ['正文＃＃paidbegin＃＃付费##paidend##\n', '＃＃paidbegin＃＃', '##paidbegin##'],
    ['正文## paidbegin##付费##paidend##\n', '## paidbegin##', '##paidbegin##'],
    ['正文##paid begin##付费##paidend##\n', '##paid begin##', '##paidbegin##'],
    ['正文##paidbegin##付费#paidend##\n', '#paidend##', '##paidend##'],
    ['正文$$paidbegin$付费$$paidend$$\n', '$$paidbegin$', '$$paidbegin$$'],
    ['正文##page break##续\n', '##page break##', '##pagebreak##'],
  ];
  for (const [text, raw, canonical] of cases) {
    const ps = check(text, 'paid-marker-spelling');
    assert.deepEqual(spans(text, ps), [raw], text);
    assert.equal(ps[0].message.zh, `付费标记“${raw}”拼写有误，应为“${canonical}”。`);
    const fixed = applyFix(text, ps[0]);
    assert.equal(fixed, text.split(raw).join(canonical));
    assert.deepEqual(check(fixed, 'paid-marker-spelling'), []);
  }
});

// ---------------------------------------------------------------- paid-marker-stray-end

test('paid-marker-stray-end: an end with no begin is removed, with its own line', () => {
  const cases: [string, string][] = [
    ['正文。\n##paidend##\n结尾。\n', '正文。\n结尾。\n'],
    ['正文##paidend##结尾。\n', '正文结尾。\n'],
    ['正文。\n结尾。\n##paidend##', '正文。\n结尾。'],
    ['正文。\r\n##paidend##\r\n结尾。\r\n', '正文。\r\n结尾。\r\n'],
    ['正文。\r\n结尾。\r\n  ##paidend##  ', '正文。\r\n结尾。'],
    ['开头##paidbegin##付费##paidend##结尾。\n##paidend##\n', '开头##paidbegin##付费##paidend##结尾。\n'],
  ];
  for (const [text, want] of cases) {
    const ps = check(text, 'paid-marker-stray-end');
    assert.deepEqual(spans(text, ps), ['##paidend##'], text);
    assert.equal(ps[0].unnecessary, true);
    assert.equal(applyFix(text, ps[0]), want, JSON.stringify(text));
  }
});

// ---------------------------------------------------------------- paid-marker-repeated-begin

test('paid-marker-repeated-begin: a second begin inside an open region is removed', () => {
  const inline = 'A##paidbegin##B##paidbegin##C##paidend##\n';
  const [p] = check(inline, 'paid-marker-repeated-begin');
  assert.equal(p.start, inline.lastIndexOf('##paidbegin##'));
  assert.equal(p.related?.[0].start, 1, 'points at the open begin');
  assert.equal(applyFix(inline, p), 'A##paidbegin##BC##paidend##\n');
  const lines = 'A\n##paidbegin##\nB\n##paidbegin##\nC\n##paidend##\n';
  const [q] = check(lines, 'paid-marker-repeated-begin');
  assert.equal(applyFix(lines, q), 'A\n##paidbegin##\nB\nC\n##paidend##\n');
});

// ---------------------------------------------------------------- paid-marker-unclosed

test('paid-marker-unclosed: the end marker is appended at the end of the document', () => {
  const cases: [string, string][] = [
    ['A##paidbegin##B\n', 'A##paidbegin##B\n##paidend##\n'],
    ['A##paidbegin##B', 'A##paidbegin##B\n##paidend##'],
    ['A\r\n##paidbegin##\r\nB', 'A\r\n##paidbegin##\r\nB\r\n##paidend##'],
    ['A\r\n##paidbegin##\r\nB\r\n', 'A\r\n##paidbegin##\r\nB\r\n##paidend##\r\n'],
    ['A$$paidbegin$$B\n', 'A$$paidbegin$$B\n$$paidend$$\n'],
  ];
  for (const [text, want] of cases) {
    const ps = check(text, 'paid-marker-unclosed');
    assert.equal(ps.length, 1, JSON.stringify(text));
    assert.equal(text.slice(ps[0].start, ps[0].end), text.includes('$$') ? '$$paidbegin$$' : '##paidbegin##');
    assert.match(ps[0].message.zh, /没有结束标记/u);
    const fixed = applyFix(text, ps[0]);
    assert.equal(fixed, want, JSON.stringify(text));
    assert.deepEqual(check(fixed, 'paid-marker-unclosed'), []);
  }
});

// ---------------------------------------------------------------- paid-region-empty

test('paid-region-empty: an empty pair is removed without leaving a blank line', () => {
  const cases: [string, string][] = [
    ['A##paidbegin####paidend##B\n', 'AB\n'],
    ['A##paidbegin##  ##paidend##B\n', 'AB\n'],
    ['A\n##paidbegin##\n\n##paidend##\nB\n', 'A\nB\n'],
    ['A\r\n##paidbegin##\r\n##paidend##\r\nB\r\n', 'A\r\nB\r\n'],
    ['A\n##paidbegin##\n  \n##paidend##', 'A'],
    ['A\n##paidbegin##\n##paidend##\n', 'A\n'],
  ];
  for (const [text, want] of cases) {
    const ps = check(text, 'paid-region-empty');
    assert.equal(ps.length, 1, JSON.stringify(text));
    assert.equal(ps[0].start, text.indexOf('##paidbegin##'));
    assert.equal(ps[0].end, text.indexOf('##paidend##') + '##paidend##'.length);
    assert.equal(applyFix(text, ps[0]), want, JSON.stringify(text));
  }
});

test('paid-region-empty: a page break between the markers stays', () => {
  const text = 'A##paidbegin## ##pagebreak## ##paidend##B\n';
  const [p] = check(text, 'paid-region-empty');
  assert.equal(applyFix(text, p), 'A ##pagebreak## B\n');
});

test('paid-region-empty: a region with content is quiet', () => {
  assert.deepEqual(check('A##paidbegin##付##paidend##B\n', 'paid-region-empty'), []);
});

// ---------------------------------------------------------------- paid-marker-mixed

test('paid-marker-mixed: the end marker is unified with its begin marker', () => {
  const a = 'A##paidbegin##B$$paidend$$C\n';
  const [p] = check(a, 'paid-marker-mixed');
  assert.deepEqual(spans(a, [p]), ['$$paidend$$']);
  assert.equal(applyFix(a, p), 'A##paidbegin##B##paidend##C\n');
  const b = 'A$$paidbegin$$B##paidend##C\n';
  const [q] = check(b, 'paid-marker-mixed');
  assert.equal(applyFix(b, q), 'A$$paidbegin$$B$$paidend$$C\n');
});

// ---------------------------------------------------------------- together

test('paid: fix-all repairs a broken document and is idempotent', () => {
  const text = [
    '2023年述职报告',
    '##paidend##',
    '一、主要工作',
    '要求##PaidBegin##，严格执行。',
    '##paidbegin##',
    '其余内容$$paidend$$。',
    '##paidbegin##',
    '',
    '##paidend##',
    '二、下步打算',
    '继续努力##paidbegin##，久久为功。',
  ].join('\r\n');
  const first = fixAll(text, DEFAULT_CONFIG, paidOnly);
  assert.equal(
    first.text,
    [
      '2023年述职报告',
      '一、主要工作',
      '要求##paidbegin##，严格执行。',
      '其余内容##paidend##。',
      '二、下步打算',
      '继续努力##paidbegin##，久久为功。',
      '##paidend##',
    ].join('\r\n'),
  );
  assert.deepEqual(fixAll(first.text, DEFAULT_CONFIG, paidOnly).edits, []);
});

test('paid: odd input never throws', () => {
  for (const text of ['', '##', '$$', '##paidbegin##', '##paidend##', '\uD800##paidbegin##\uDC00', '##paidbegin##'.repeat(50), '#'.repeat(10000) + 'paidbegin']) {
    for (const id of PAID) check(text, id);
  }
});

test('paid-region-empty: a region holding only invisible characters is empty', () => {
  const text = '正文。\n##paidbegin##\n\u200b\n##paidend##\n';
  const [p] = check(text, 'paid-region-empty');
  assert.ok(p, 'reported');
  assert.equal(applyFix(text, p), '正文。\n');
  assert.deepEqual(check('正文。\n##paidbegin##\u200b付费##paidend##\n', 'paid-region-empty'), []);
});

test('paid-marker-unclosed: a begin marker with nothing after it is removed, not closed', () => {
  const text = '正文。\n##paidbegin##\n  \n';
  const [p] = check(text, 'paid-marker-unclosed');
  assert.equal(applyFix(text, p), '正文。\n  \n');
  assert.match(p.fixes[0].title.en, /Remove this begin marker/u);
  const withContent = '正文。\n##paidbegin##\n付费。\n';
  assert.equal(applyFix(withContent, check(withContent, 'paid-marker-unclosed')[0]), '正文。\n##paidbegin##\n付费。\n##paidend##\n');
});
