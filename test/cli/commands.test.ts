// `report outline`, `report stats`, `report strip-paid`, and the npm package's bins.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { run, tree } from './helpers';

const REPORT = [
  '2024年度述职报告',
  '',
  '一、主要工作',
  '（一）抓好学习',
  '全年学习十二次。',
  '（二）推进项目',
  '##paidbegin##完成三个项目，节约资金百万元。##paidend##',
  '二、下步打算',
  '明年完成xx个项目。',
  '',
].join('\n');

describe('outline', () => {
  test('text: the title, the whole count and the section tree with lines and counts', async () => {
    const cwd = tree({ 'a.report': REPORT });
    const r = await run(['outline', 'a.report'], { cwd });
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      [
        '2024年度述职报告',
        'whole report: 69 chars',
        '一、主要工作  (line 3, 43 chars)',
        '  （一）抓好学习  (line 4, 15 chars)',
        '  （二）推进项目  (line 6, 22 chars)',
        '二、下步打算  (line 8, 16 chars)',
        '',
      ].join('\n'),
    );
    assert.match((await run(['outline', 'a.report', '--lang', 'zh'], { cwd })).stdout, /一、主要工作 {2}\(第 3 行，43字\)/);
  });

  test('--json, from standard input with -', async () => {
    const cwd = tree({});
    const r = await run(['outline', '--json', '-'], { cwd, input: iconv.encode(REPORT, 'gbk') });
    const o = JSON.parse(r.stdout);
    assert.deepEqual(o.title, ['2024年度述职报告']);
    assert.deepEqual(
      o.sections.map((s: { name: string; line: number; endLine: number; children: unknown[] }) => [s.name, s.line, s.endLine, s.children.length]),
      [
        ['一、主要工作', 3, 7, 2],
        ['二、下步打算', 8, 9, 0],
      ],
    );
  });
});

describe('stats', () => {
  test('text and --json: characters, paid share, blanks, sections', async () => {
    const cwd = tree({ 'a.report': REPORT });
    const json = JSON.parse((await run(['stats', 'a.report', '--json'], { cwd })).stdout);
    assert.equal(json.chars, 69);
    assert.equal(json.paidChars, 15);
    assert.equal(json.blanks, 1);
    assert.equal(json.headings, 4);
    assert.deepEqual(json.sections.map((s: { name: string; chars: number }) => [s.name, s.chars]), [['一、主要工作', 43], ['二、下步打算', 16]]);
    const text = (await run(['stats', 'a.report', '--lang', 'zh'], { cwd })).stdout;
    assert.match(text, /^字数：69\n付费部分：15 字（21\.7%）\n待填空位：1\n/);
  });

  test('paid marker spellings come from .reportrc.json', async () => {
    const cwd = tree({ '.reportrc.json': '{ "paidMarkers": { "begin": ["<<付费>>"], "end": ["<</付费>>"] } }', 'a.report': '一、工作\n<<付费>>付费内容十个字整。<</付费>>\n' });
    assert.equal(JSON.parse((await run(['stats', 'a.report', '--json'], { cwd })).stdout).paidChars, 9);
  });

  test('--config FILE instead of .reportrc.json', async () => {
    const cwd = tree({ 'conf.json': '{ "paidMarkers": { "begin": ["[付费]"], "end": ["[/付费]"] } }', 'a.report': '一、工作\n[付费]付费内容十个字整。[/付费]\n' });
    assert.equal(JSON.parse((await run(['stats', 'a.report', '--json'], { cwd })).stdout).paidChars, 0);
    assert.equal(JSON.parse((await run(['stats', 'a.report', '--json', '--config', 'conf.json'], { cwd })).stdout).paidChars, 9);
    assert.equal((await run(['strip-paid', 'a.report', '-c', 'conf.json'], { cwd })).stdout, '一、工作\n付费内容十个字整。\n');
  });
});

describe('strip-paid', () => {
  test('to standard output as UTF-8; with -o in the report\'s own encoding and line endings', async () => {
    const crlf = REPORT.replace(/\n/g, '\r\n');
    const cwd = tree({ 'a.report': iconv.encode(crlf, 'gbk') });
    const stripped = crlf.replace('##paidbegin##', '').replace('##paidend##', '');
    const out = await run(['strip-paid', 'a.report'], { cwd });
    assert.equal(out.code, 0);
    assert.equal(out.stdout, stripped);
    const file = await run(['strip-paid', 'a.report', '-o', 'free.report'], { cwd });
    assert.equal(file.code, 0);
    assert.ok(readFileSync(join(cwd, 'free.report')).equals(iconv.encode(stripped, 'gbk')));
  });
});

describe('file commands: bad input', () => {
  test('one file exactly; missing, binary or undecodable files fail with one line and exit 2', async () => {
    const cwd = tree({ 'a.report': REPORT, 'b.report': Buffer.from([0, 1]), 'c.report': Buffer.from([0xff, 0xff]) });
    for (const [args, message] of [
      [['outline'], 'report: report outline takes one file\n'],
      [['stats', 'a.report', 'a.report'], 'report: report stats takes one file\n'],
      [['outline', 'a.report', '-o', 'x'], 'report: outline has no -o option\n'],
      [['strip-paid', 'a.report', '--json'], 'report: strip-paid has no --json option\n'],
      [['outline', 'missing.report'], 'report: missing.report: no such file\n'],
      [['stats', 'b.report'], 'report: b.report: binary file (NUL bytes), not a text report\n'],
      [['strip-paid', 'c.report', '-o', 'out.report'], 'report: c.report: unreadable encoding (not UTF-8, UTF-16 or GB18030/GBK)\n'],
    ] as [string[], string][]) {
      const r = await run(args, { cwd });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, message);
    }
  });
});

describe('the npm package', () => {
  test('bins: report and report-language-server, both bundled with a shebang, both packed', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    assert.deepEqual(pkg.bin, { report: 'dist/cli.js', 'report-language-server': 'dist/server.js' });
    for (const f of Object.values(pkg.bin) as string[]) assert.ok(readFileSync(join(process.cwd(), f), 'utf8').startsWith('#!/usr/bin/env node\n'), f);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0].files.map((f: { path: string }) => f.path);
    for (const f of ['dist/cli.js', 'dist/cli-iconv.js', 'dist/server.js', 'dist/server-lsp.js', 'dist/server-service.js', 'dist/lsp.js', 'docs/rules/placeholder.md', 'README.md', 'package.json']) assert.ok(packed.includes(f), `${f} is packed`);
    assert.ok(!packed.some((f: string) => f.startsWith('server/') || f.startsWith('test/') || f.endsWith('.map')), 'no sources, tests or source maps');
  });
});
