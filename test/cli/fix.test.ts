// `report check --fix`: fixes written back in the file's own encoding and line endings, byte for byte;
// nothing written to a file that cannot be decoded or would not survive the round trip.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decode, encode, eolOf, roundTrips, withEol } from '../../server/src/cli/encoding';
import { CLEAN, WARNINGS, WARNINGS_FIXED, run, spawnCli, tree } from './helpers';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const bom = (b: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);

describe('decoding', () => {
  test('BOMs decide; else strict UTF-8, else strict GB18030', () => {
    assert.deepEqual(decode(Buffer.from('中文\n')), { text: '中文\n', encoding: 'utf-8', eol: 'lf' });
    assert.deepEqual(decode(bom(Buffer.from('中文\r\n'))), { text: '中文\r\n', encoding: 'utf-8-bom', eol: 'crlf' });
    assert.deepEqual(decode(utf16le('中文')), { text: '中文', encoding: 'utf-16le', eol: 'none' });
    assert.deepEqual(decode(utf16be('中文\r')), { text: '中文\r', encoding: 'utf-16be', eol: 'cr' });
    // GBK bytes are not valid UTF-8 (a short text that guessers misread).
    assert.deepEqual(decode(iconv.encode('述职报告', 'gbk')), { text: '述职报告', encoding: 'gb18030', eol: 'none' });
    assert.deepEqual(decode(iconv.encode('𠀀', 'gb18030')), { text: '𠀀', encoding: 'gb18030', eol: 'none' });
  });

  test('binary and undecodable bytes are refused', () => {
    assert.throws(() => decode(Buffer.from([0x41, 0x00, 0x42])), { reason: 'binary' });
    assert.throws(() => decode(utf16le('a\0b')), { reason: 'binary' });
    assert.throws(() => decode(Buffer.from([0x41, 0xff, 0xfe, 0xff])), { reason: 'encoding' });
    assert.throws(() => decode(Buffer.from([0xef, 0xbb, 0xbf, 0xc3])), { reason: 'encoding' }); // a BOM, then broken UTF-8
    assert.throws(() => decode(Buffer.from([0xff, 0xfe, 0x41])), { reason: 'encoding' }); // odd length UTF-16
  });

  test('line endings', () => {
    assert.equal(eolOf('a\nb\n'), 'lf');
    assert.equal(eolOf('a\r\nb\r\n'), 'crlf');
    assert.equal(eolOf('a\rb'), 'cr');
    assert.equal(eolOf('a\r\nb\n'), 'mixed');
    assert.equal(eolOf('ab'), 'none');
    assert.equal(withEol('a\r\nb\nc', 'crlf'), 'a\r\nb\r\nc');
    assert.equal(withEol('a\nb', 'cr'), 'a\rb');
    assert.equal(withEol('a\r\nb\nc', 'mixed'), 'a\r\nb\nc');
  });

  test('encoding gives back the bytes of every supported form; a GB18030 byte that re-encodes otherwise does not round-trip', () => {
    for (const bytes of [Buffer.from('中文\n'), bom(Buffer.from('中文')), utf16le('中文𠀀'), utf16be('中文𠀀'), iconv.encode('中文，“引号”\r\n', 'gbk')]) {
      const d = decode(bytes);
      assert.ok(encode(d.text, d.encoding).equals(bytes), d.encoding);
      assert.ok(roundTrips(bytes, d));
    }
    // 0x80 reads as "€" (as Windows code page 936 has it), which GB18030 writes as A2 E3.
    const euro = Buffer.concat([Buffer.from([0x80]), iconv.encode('中文', 'gbk')]);
    const d = decode(euro);
    assert.equal(d.text, '€中文');
    assert.ok(!roundTrips(euro, d));
  });
});

describe('--fix', () => {
  const cases: [string, (s: string) => Buffer][] = [
    ['UTF-8, LF', (s) => Buffer.from(s)],
    ['UTF-8, CRLF', (s) => Buffer.from(crlf(s))],
    ['UTF-8 with BOM, CRLF', (s) => bom(Buffer.from(crlf(s)))],
    ['UTF-16LE with BOM, CRLF', (s) => utf16le(crlf(s))],
    ['UTF-16BE with BOM, LF', (s) => utf16be(s)],
    ['GBK, CRLF', (s) => iconv.encode(crlf(s), 'gbk')],
    ['GB18030 (four-byte characters), CR', (s) => iconv.encode(s.replace('明年', '明年𠀀').replace(/\n/g, '\r'), 'gb18030')],
  ];
  for (const [name, bytesOf] of cases) {
    test(`${name}: fixed and written back byte for byte in the same form`, async () => {
      const cwd = tree({ 'a.report': bytesOf(WARNINGS) });
      const r = await run(['check', '--fix', 'a.report'], { cwd });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Fixed and wrote 1 file\./);
      // The unfixable problem is still reported, the fixed one no longer.
      assert.match(r.stdout, /placeholder/);
      assert.doesNotMatch(r.stdout, /punct-dash/);
      const expected = bytesOf(WARNINGS_FIXED);
      const actual = readFileSync(join(cwd, 'a.report'));
      assert.ok(actual.equals(expected), `${name}: got ${actual.toString('hex')}`);
    });
  }

  for (const [name, eol] of [['CRLF', '\r\n'], ['CR', '\r']]) {
    test(`a fix that brings in a line break writes it in the file's line endings (${name})`, async () => {
      // paid-marker-unclosed's fix appends an end marker on a new line.
      const text = '2024年度述职报告\n\n一、主要工作\n##paidbegin##今年完成了全部任务。'.replace(/\n/g, eol);
      const cwd = tree({ 'a.report': iconv.encode(text, 'gbk') });
      const r = await run(['check', '--fix', 'a.report'], { cwd });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const out = iconv.decode(readFileSync(join(cwd, 'a.report')), 'gb18030');
      assert.equal(out, `${text}${eol}##paidend##`);
    });
  }

  test('a clean file is left untouched (not even rewritten)', async () => {
    const cwd = tree({ 'a.report': CLEAN });
    const r = spawnCli(['check', '--fix', 'a.report'], { cwd });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(join(cwd, 'a.report'), 'utf8'), CLEAN);
  });

  test('nothing is written to a file that would not survive the round trip, nor to one that cannot be decoded', async () => {
    const euro = Buffer.concat([Buffer.from([0x80]), iconv.encode(WARNINGS, 'gbk')]);
    const junk = Buffer.concat([Buffer.from(WARNINGS), Buffer.from([0xff, 0xff])]);
    const cwd = tree({ 'euro.report': euro, 'junk.report': junk });
    const r = await run(['check', '--fix', 'euro.report', 'junk.report'], { cwd });
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      'report: euro.report: cannot be written back in its encoding without loss; not changed',
      'report: junk.report: unreadable encoding (not UTF-8, UTF-16 or GB18030/GBK)',
    ]);
    assert.ok(readFileSync(join(cwd, 'euro.report')).equals(euro));
    assert.ok(readFileSync(join(cwd, 'junk.report')).equals(junk));
  });

  test('--fix-dry-run writes nothing; json shows the fixed text', async () => {
    const bytes = iconv.encode(crlf(WARNINGS), 'gbk');
    const cwd = tree({ 'a.report': bytes });
    const r = await run(['check', '--fix-dry-run', '--format', 'json', 'a.report'], { cwd });
    assert.equal(r.code, 0);
    const file = JSON.parse(r.stdout).files[0];
    assert.equal(file.fixed, true);
    assert.equal(file.output, crlf(WARNINGS_FIXED));
    assert.equal(file.encoding, 'gb18030');
    assert.deepEqual(file.problems.map((p: { rule: string }) => p.rule), ['placeholder']);
    assert.ok(readFileSync(join(cwd, 'a.report')).equals(bytes));
    const stylish = await run(['check', '--fix-dry-run', 'a.report'], { cwd });
    assert.match(stylish.stdout, /--fix would change 1 file \(nothing written\)\./);
  });

  test('--stdin --fix: the fixed text in the input\'s encoding on standard output, the results on standard error', async () => {
    const cwd = tree({});
    const input = iconv.encode(crlf(WARNINGS), 'gbk');
    const r = await run(['check', '--stdin', '--fix'], { cwd, input });
    assert.equal(r.code, 0);
    assert.ok(r.out.equals(iconv.encode(crlf(WARNINGS_FIXED), 'gbk')), r.out.toString('hex'));
    assert.match(r.stderr, /placeholder/);
    // Nothing to fix: the input comes back unchanged.
    const clean = await run(['check', '--stdin', '--fix'], { cwd, input: bom(Buffer.from(CLEAN)) });
    assert.ok(clean.out.equals(bom(Buffer.from(CLEAN))));
  });
});
