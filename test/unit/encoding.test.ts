// The encoding check: GBK (and UTF-8) text opened with the wrong encoding is recognised, gets the one
// exclusive problem with its reopen fix, and correct text in any form stays quiet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/core/config';
import { decodeBytes, decodeReport } from '../../server/src/core/decode';
import { detectMojibake } from '../../server/src/core/encoding';
import { fixAll } from '../../server/src/core/fix';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { statistics } from '../../server/src/core/stats';
import { encodeGbk } from '../fixtures/gbk.mjs';

const REPORT = readFileSync(join(process.cwd(), 'test', 'fixtures', 'gbk-report.txt'), 'utf8');
const GBK = encodeGbk(REPORT);
const UTF8 = new TextEncoder().encode(REPORT);
const asUtf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
const as1252 = (b: Uint8Array) => new TextDecoder('windows-1252').decode(b);
const asLatin1 = (b: Uint8Array) => Array.from(b, (x) => String.fromCharCode(x)).join('');
const lintText = (text: string, settings = {}) => {
  const config = resolveConfig(settings, {});
  return lint(parse(text, config.parse), config);
};

test('encoding: the rule is exclusive, off-able, documented, and not fixable by fix-all', () => {
  const rule = RULES_BY_ID.get('encoding')!;
  assert.equal(rule.meta.exclusive, true);
  assert.equal(rule.meta.fixable, false);
  assert.equal(rule.meta.defaultSeverity, 'error');
  assert.ok(existsSync(join(process.cwd(), 'docs', 'rules', 'encoding.md')));
});

test('encoding: GBK read as UTF-8 is garbled with replacement characters, and GBK is suggested', () => {
  const text = asUtf8(GBK);
  const found = detectMojibake(text)!;
  assert.equal(found.kind, 'replacement');
  assert.equal(found.encoding, 'gbk');
  assert.ok(found.count >= 100, `${found.count} replacement characters`);
  assert.equal(text.charCodeAt(found.start), 0xfffd);
});

test('encoding: GBK read as Windows 1252 or Latin-1 is recognised, and the first run reads right in GBK', () => {
  for (const text of [as1252(GBK), asLatin1(GBK)]) {
    const found = detectMojibake(text)!;
    assert.equal(found.kind, 'latin1');
    assert.equal(found.encoding, 'gbk');
    // The title "2025年度个人述职报告": the run starts after the ASCII digits.
    assert.equal(found.preview, '年度个人述职报告');
    assert.equal(text.slice(found.start, found.end), as1252(encodeGbk('年度个人述职报告')).slice(0, found.end - found.start));
  }
  // The example of the issue: 述职报告 read as Latin-1, a single line.
  assert.equal(as1252(encodeGbk('述职报告')), 'ÊöÖ°±¨¸æ');
  assert.equal(detectMojibake('ÊöÖ°±¨¸æ')?.preview, '述职报告');
});

test('encoding: UTF-8 read as Latin-1 is recognised, and UTF-8 is suggested', () => {
  const found = detectMojibake(as1252(UTF8))!;
  assert.equal(found.kind, 'latin1');
  assert.equal(found.encoding, 'utf8');
  assert.equal(found.preview, '年度个人述职报告');
});

test('encoding: correct text in Chinese, with the Latin-1 characters reports use, stays quiet', () => {
  const quiet = [
    REPORT,
    '',
    'Plain ASCII text only.\n',
    // Symbols that Windows 1252 shares with Chinese typography, in a real report.
    '××公司：\n　　全年完成××项目……“三个一”工程·第二期，温度±0.5°C，面积30m²，占比½。\n',
    // A mostly ASCII text whose only non-ASCII characters are those symbols.
    'Project ×× — “phase 2” … ±5 °C\n××××××\n',
    // A few stray replacement characters in an otherwise correct report.
    REPORT.replace('档案', '\ufffd\ufffd').replace('后勤', '\ufffd'),
    // European languages: accented letters between ASCII letters.
    'Le rapport annuel présente les résultats de l’équipe: réalisé, vérifié, été, déjà.\n',
    'Über die Größe der Maßnahmen wurde ausführlich berichtet; Änderungen folgen.\n',
    'El año pasado: información, más, también, señor, corazón.\n',
  ];
  for (const text of quiet) assert.equal(detectMojibake(text), undefined, JSON.stringify(text.slice(0, 40)));
  assert.deepEqual(lintText(REPORT).filter((p) => p.rule === 'encoding'), []);
});

test('encoding: the shares that decide are exact, also where correct Chinese text comes first', () => {
  // Replacement characters must be a fifth of the non-ASCII characters: 50 of 250 are, 50 of 251 are not.
  const han = (k: number) => '年度述职报告'.repeat(k).slice(0, k);
  assert.equal(detectMojibake(han(200) + '\ufffd'.repeat(50))?.kind, 'replacement');
  assert.equal(detectMojibake(han(201) + '\ufffd'.repeat(50)), undefined);
  assert.equal(detectMojibake('\ufffd'.repeat(50) + han(200))?.kind, 'replacement');
  // ASCII does not count: the same with a long ASCII tail.
  const ascii = 'ok '.repeat(200);
  assert.equal(detectMojibake(han(200) + '\ufffd'.repeat(50) + ascii)?.kind, 'replacement');
  assert.equal(detectMojibake(han(201) + '\ufffd'.repeat(50) + ascii), undefined);
  // Latin-1 mojibake must be four fifths of them: 160 garbled with 40 Chinese characters is, with 41 is not.
  const garbled = as1252(encodeGbk('年度个人述职报告'.repeat(10)));
  assert.equal(garbled.length, 160);
  assert.equal(detectMojibake(han(40) + garbled)?.kind, 'latin1');
  assert.equal(detectMojibake(han(41) + garbled), undefined);
  assert.equal(detectMojibake(garbled + han(40))?.kind, 'latin1');
  // A long correct report with a garbled tail too short to matter, and a short one too long to ignore.
  assert.equal(detectMojibake(REPORT.repeat(20) + asUtf8(GBK)), undefined);
  assert.equal(detectMojibake(REPORT.slice(0, 40) + asUtf8(GBK).repeat(3))?.kind, 'replacement');
});

test('encoding: a garbled report gets exactly one problem, on the first line, with the reopen fix and no edit', () => {
  for (const [text, encoding, hint] of [
    [asUtf8(GBK), 'gbk', /替换字符/],
    [as1252(GBK), 'gbk', /“年度个人述职报告”/],
    [as1252(UTF8), 'utf8', /按 UTF-8 应为/],
  ] as const) {
    const problems = lintText(text);
    assert.equal(problems.length, 1, problems.map((p) => p.rule).join());
    const [p] = problems;
    assert.equal(p.rule, 'encoding');
    assert.equal(p.severity, 'error');
    assert.equal(p.start, 0);
    assert.equal(p.end, text.search(/\r?\n/));
    assert.match(p.message.zh, hint);
    assert.match(p.message.zh, /不要保存/);
    assert.match(p.message.en, /do not save/);
    assert.doesNotMatch(p.message.en + p.fixes.map((f) => f.title.en).join(), /\bsave it to\b|\bSave\b/);
    assert.equal(p.fixes.length, 1);
    assert.deepEqual(p.fixes[0].edits, []);
    assert.deepEqual(p.fixes[0].command, { id: 'report.reopenWithEncoding', arguments: [encoding] });
    // Fix-all never touches garbled text.
    assert.equal(fixAll(text, DEFAULT_CONFIG).text, text);
  }
});

test('encoding: with the rule off, a garbled report is checked like any other', () => {
  const text = as1252(GBK);
  const problems = lintText(text, { rules: { encoding: 'off' } });
  assert.ok(problems.length > 0);
  assert.ok(problems.every((p) => p.rule !== 'encoding'));
  // And a correct report's problems do not depend on the encoding rule at all.
  assert.deepEqual(lintText(REPORT, { rules: { encoding: 'off' } }), lintText(REPORT));
});

test('encoding: the statistics say when the text is garbled, and only then', () => {
  const stats = (text: string) => statistics(parse(text, DEFAULT_CONFIG.parse));
  assert.deepEqual(stats(asUtf8(GBK)).garbled, { kind: 'replacement', encoding: 'gbk' });
  assert.deepEqual(stats(as1252(GBK)).garbled, { kind: 'latin1', encoding: 'gbk' });
  assert.equal(stats(REPORT).garbled, undefined);
  assert.equal('garbled' in stats(REPORT), false);
});

test('encoding: decodeBytes reads UTF-8, UTF-8 with BOM, UTF-16 with BOM and GBK, and says which', () => {
  assert.deepEqual(decodeBytes(UTF8), { text: REPORT, encoding: 'utf8' });
  assert.deepEqual(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...UTF8])), { text: REPORT, encoding: 'utf8bom' });
  assert.deepEqual(decodeBytes(GBK), { text: REPORT, encoding: 'gb18030' });
  const le = new Uint8Array(2 + REPORT.length * 2);
  le[0] = 0xff;
  le[1] = 0xfe;
  for (let i = 0; i < REPORT.length; i++) {
    le[2 + i * 2] = REPORT.charCodeAt(i) & 0xff;
    le[3 + i * 2] = REPORT.charCodeAt(i) >> 8;
  }
  assert.deepEqual(decodeBytes(le), { text: REPORT, encoding: 'utf16le' });
  assert.equal(decodeReport(GBK), REPORT);
});

test('encoding: a 1 MiB report is checked in a few milliseconds, garbled or not', () => {
  const big = REPORT.repeat(Math.ceil((1 << 20) / REPORT.length));
  const cases = [
    [big, undefined, 100],
    [as1252(encodeGbk(big)), 'latin1', 250],
    [asUtf8(encodeGbk(big)), 'replacement', 250],
  ] as const;
  for (const [text, expect, limit] of cases) {
    // The best of three runs, with room for a busy machine: what this catches is work that grows faster than the text.
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const found = detectMojibake(text);
      best = Math.min(best, performance.now() - t0);
      assert.equal(found?.kind, expect);
    }
    assert.ok(best < limit, `${best.toFixed(1)} ms for ${text.length} characters (${expect ?? 'correct'})`);
  }
});

// The real reports of the shared corpus, when it is present next to the repository (it is not part of
// it): every file decoded correctly is quiet; every GBK file read as UTF-8 or Latin-1 is recognised.
const CORPUS = process.env.REPORT_CORPUS ?? join(process.cwd(), '..', 'shared', 'corpus');
test('encoding: the corpus, decoded right and wrong', { skip: !existsSync(CORPUS) && `no corpus at ${CORPUS}` }, () => {
  const files = readdirSync(CORPUS).filter((f) => /\.(txt|md)$/.test(f) && !/^README/i.test(f));
  assert.ok(files.length >= 20, `${files.length} files`);
  let gbkFiles = 0;
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, f)));
    const { text, encoding } = decodeBytes(bytes);
    assert.equal(detectMojibake(text), undefined, `${f} decoded right`);
    if (encoding === 'gb18030') {
      gbkFiles++;
      assert.equal(detectMojibake(asUtf8(bytes))?.kind, 'replacement', `${f} as UTF-8`);
      assert.equal(detectMojibake(as1252(bytes))?.encoding, 'gbk', `${f} as Windows 1252`);
      assert.equal(detectMojibake(asLatin1(bytes))?.encoding, 'gbk', `${f} as Latin-1`);
    } else {
      assert.equal(detectMojibake(as1252(bytes))?.encoding, 'utf8', `${f} as Windows 1252`);
    }
  }
  assert.ok(gbkFiles >= 5, `${gbkFiles} GBK files`);
});
