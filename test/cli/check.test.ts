// `report check`: arguments, exit codes, output formats, configuration and ignore files, stdin.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CLEAN, ERRORS, INFO, WARNINGS, WARNINGS_FIXED, run, spawnCli, tree } from './helpers';
import { REPORT_EXTENSIONS, REPORT_FILENAME_PATTERNS } from '../../server/src/cli/discover';
import { RULES } from '../../server/src/core/rules';
import { autoThreads, PARALLEL_FROM } from '../../server/src/cli/pool';
import { withRuleOverrides } from '../../server/src/cli/check';
import { availableParallelism } from 'node:os';

const ESC = '\x1b[';

describe('exit codes', () => {
  test('0 for a clean report, and nothing printed', async () => {
    const cwd = tree({ 'a.report': CLEAN });
    const r = await run(['check', 'a.report'], { cwd });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '');
  });

  test('0 for warnings without --max-warnings; 1 when they are more than --max-warnings', async () => {
    const cwd = tree({ 'a.report': WARNINGS });
    assert.equal((await run(['check', 'a.report'], { cwd })).code, 0);
    assert.equal((await run(['check', 'a.report', '--max-warnings', '2'], { cwd })).code, 0);
    assert.equal((await run(['check', 'a.report', '--max-warnings', '1'], { cwd })).code, 1);
    assert.equal((await run(['check', 'a.report', '--max-warnings', '0'], { cwd })).code, 1);
  });

  test('1 for errors', async () => {
    const cwd = tree({ 'a.report': ERRORS });
    const r = await run(['check', 'a.report'], { cwd });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /4:1\s+error\s+.*paid-marker-unclosed/);
  });

  test('information never fails a run', async () => {
    const cwd = tree({ 'a.report': INFO });
    const r = await run(['check', 'a.report', '--max-warnings', '0'], { cwd });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /punct-halfwidth/);
  });

  test('2 for usage mistakes, each with one line on standard error', async () => {
    const cwd = tree({ 'a.report': CLEAN });
    for (const args of [
      ['check', '--format', 'xml'],
      ['check', '--no-such-option'],
      ['check', '--max-warnings', 'many'],
      ['check', '--min-severity', 'fatal'],
      ['check', '--rule', 'placeholder'],
      ['check', '--rule', 'no-such-rule=error'],
      ['check', '--rule', 'placeholder=loud'],
      ['check', '--fix', '--fix-dry-run', 'a.report'],
      ['check', '--stdin', 'a.report'],
      ['check', '--stdin-filename', 'x.report', 'a.report'],
      ['check', '--concurrency', 'lots'],
      ['check', '--lang', 'fr'],
      ['check', '--config', 'missing.json'],
      ['frobnicate'],
    ]) {
      const r = await run(args, { cwd });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, /^report: [^\n]+\n$/, `${args.join(' ')}: ${r.stderr}`);
    }
  });

  test('a real process exits with the code main answers (0, 1, 2)', () => {
    const cwd = tree({ 'clean.report': CLEAN, 'bad.report': ERRORS });
    assert.equal(spawnCli(['check', 'clean.report'], { cwd }).code, 0);
    assert.equal(spawnCli(['check', 'bad.report'], { cwd }).code, 1);
    const missing = spawnCli(['check', 'nothing.report'], { cwd });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'report: nothing.report: no such file or directory\n');
  });
});

describe('commands', () => {
  test('--version and --help (English and Chinese); no command prints the help and fails', async () => {
    const cwd = tree({});
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(await run(['--version'], { cwd }), { code: 0, stdout: `${pkg.version}\n`, stderr: '', out: Buffer.from(`${pkg.version}\n`) });
    const en = await run(['--help'], { cwd });
    assert.equal(en.code, 0);
    assert.match(en.stdout, /Exit codes: 0 no errors/);
    for (const flag of ['--format', '--fix', '--fix-dry-run', '--stdin', '--stdin-filename', '--rule', '--config', '--max-warnings', '--quiet', '--min-severity', '--no-ignore', '--concurrency', '--no-color', '--lang', '--output-file']) {
      assert.ok(en.stdout.includes(flag), `help mentions ${flag}`);
    }
    const zh = await run(['check', '--help'], { cwd, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /退出码/);
    assert.match((await run(['--help', '--lang', 'zh'], { cwd })).stdout, /用法/);
    const none = await run([], { cwd });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Usage:/);
  });
});

describe('files', () => {
  test('the file patterns are those of the report language in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'report');
    assert.deepEqual(REPORT_EXTENSIONS, lang.extensions);
    assert.deepEqual(REPORT_FILENAME_PATTERNS, lang.filenamePatterns);
  });

  test('without arguments: the report files under the working directory, not other text or Markdown', async () => {
    const cwd = tree({
      'a.report': ERRORS,
      'sub/2024年工作总结.txt': ERRORS,
      'sub/deeper/张三述职报告（终稿）.txt': ERRORS,
      'sub/区工作报告.TXT': ERRORS,
      'notes.txt': ERRORS,
      'readme.md': ERRORS,
      'node_modules/pkg/x.report': ERRORS,
    });
    const r = await run(['check', '--format', 'json'], { cwd });
    const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path).sort();
    assert.deepEqual(paths, ['a.report', join('sub', '2024年工作总结.txt'), join('sub', 'deeper', '张三述职报告（终稿）.txt'), join('sub', '区工作报告.TXT')].sort());
  });

  test('a file named on the command line is checked whatever its name; globs select files', async () => {
    const cwd = tree({ 'notes.md': ERRORS, 'a/x.report': ERRORS, 'b/y.report': CLEAN, 'b/z.txt': ERRORS });
    const byName = await run(['check', 'notes.md', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(byName.stdout).files.map((f: { path: string }) => f.path), ['notes.md']);
    const glob = await run(['check', '**/*.report', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(glob.stdout).files.map((f: { path: string }) => f.path), [join('a', 'x.report'), join('b', 'y.report')]);
    const negated = await run(['check', '**/*.report', '!a/**', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(negated.stdout).files.map((f: { path: string }) => f.path), [join('b', 'y.report')]);
  });

  test('.gitignore and .reportignore (also nested) keep files out of walks; --no-ignore and naming a file bring them back', async () => {
    const cwd = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n',
      '.reportignore': '# drafts\ndrafts/*.report\n!drafts/keep.report\n',
      'a.report': ERRORS,
      'build/out.report': ERRORS,
      'drafts/old.report': ERRORS,
      'drafts/keep.report': ERRORS,
      'team/.reportignore': 'private-*.report\n',
      'team/private-1.report': ERRORS,
      'team/public.report': ERRORS,
    });
    const paths = async (args: string[]) => (JSON.parse((await run(['check', ...args, '--format', 'json'], { cwd })).stdout).files as { path: string }[]).map((f) => f.path.split('\\').join('/'));
    assert.deepEqual(await paths([]), ['a.report', 'drafts/keep.report', 'team/public.report']);
    assert.deepEqual(await paths(['team']), ['team/public.report']);
    assert.deepEqual(await paths(['--no-ignore']), ['a.report', 'build/out.report', 'drafts/keep.report', 'drafts/old.report', 'team/private-1.report', 'team/public.report']);
    assert.deepEqual(await paths(['build/out.report']), ['build/out.report']);
    const ignored = await run(['check', 'build'], { cwd });
    assert.equal(ignored.code, 2);
    assert.equal(ignored.stderr, 'report: build: every report file here is ignored by .gitignore or .reportignore (--no-ignore checks them)\n');
    // From a subfolder of the repository, the ignore files above still apply.
    const sub = JSON.parse((await run(['check', '.', '--format', 'json'], { cwd: join(cwd, 'drafts') })).stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(sub, ['keep.report']);
  });

  test('bad input: missing file, directory without reports, glob without matches, binary, unreadable encoding: one line each, exit 2', async () => {
    const cwd = tree({
      'empty/readme.txt': 'nothing',
      'bin.report': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]),
      'latin.report': Buffer.from([0xff, 0xfe, 0x41]), // a UTF-16 BOM and an odd number of bytes
      'junk.report': Buffer.from([0x41, 0xff, 0xff, 0x42]),
      'ok.report': ERRORS,
    });
    const r = await run(['check', 'nothing.report', 'empty', '*.none', 'bin.report', 'latin.report', 'junk.report', 'ok.report'], { cwd });
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.deepEqual(lines, [
      'report: nothing.report: no such file or directory',
      'report: empty: no report files in this directory (*.report, *述职报告*.txt, *工作报告*.txt …)',
      'report: *.none: no files match',
      'report: bin.report: binary file (NUL bytes), not a text report',
      'report: junk.report: unreadable encoding (not UTF-8, UTF-16 or GB18030/GBK)',
      'report: latin.report: unreadable encoding (not UTF-8, UTF-16 or GB18030/GBK)',
    ]);
    // The readable file is still checked and reported.
    assert.match(r.stdout, /ok\.report/);
  });

  test('messages in Chinese with --lang zh or a Chinese locale', async () => {
    const cwd = tree({ 'a.report': ERRORS });
    const zh = await run(['check', 'a.report', 'missing.report'], { cwd, env: { LC_ALL: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /4:1\s+错误\s+.*付费/);
    assert.match(zh.stdout, /1 个问题（1 个错误，0 个警告）/);
    assert.equal(zh.stderr, 'report: missing.report：文件或目录不存在\n');
    const en = await run(['check', 'a.report', '--lang', 'en'], { cwd, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(en.stdout, /1 problem \(1 error, 0 warnings\)/);
  });
});

describe('severities and rules', () => {
  test('--quiet reports errors only; --min-severity chooses the least severity', async () => {
    const cwd = tree({ 'a.report': WARNINGS + '##paidbegin##付费内容。\n', 'b.report': INFO });
    const quiet = await run(['check', '--quiet', '--format', 'json'], { cwd });
    const sev = (r: { stdout: string }) => [...new Set((JSON.parse(r.stdout).files as { problems: { severity: string }[] }[]).flatMap((f) => f.problems.map((p) => p.severity)))].sort();
    assert.deepEqual(sev(quiet), ['error']);
    assert.deepEqual(sev(await run(['check', '--min-severity', 'warning', '--format', 'json'], { cwd })), ['error', 'warning']);
    assert.deepEqual(sev(await run(['check', '--format', 'json'], { cwd })), ['error', 'info', 'warning']);
    // --quiet also keeps warnings from counting against --max-warnings.
    assert.equal((await run(['check', 'b.report', '--quiet', '--max-warnings', '0', '--rule', 'punct-halfwidth=warning'], { cwd })).code, 0);
  });

  test('--min-severity hint shows hints', async () => {
    const cwd = tree({ 'a.report': INFO });
    const r = await run(['check', '--min-severity', 'hint', '--rule', 'punct-halfwidth=hint', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(r.stdout).files[0].problems.map((p: { severity: string; rule: string }) => `${p.rule}:${p.severity}`), ['punct-halfwidth:hint']);
    const hidden = await run(['check', '--rule', 'punct-halfwidth=hint', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(hidden.stdout).files[0].problems, []);
  });

  test('--rule sets severities (repeatable), over .reportrc.json', async () => {
    const cwd = tree({ '.reportrc.json': '{ "rules": { "placeholder": "error" } }', 'a.report': WARNINGS });
    const rc = await run(['check', '--format', 'json'], { cwd });
    assert.equal(rc.code, 1);
    const off = await run(['check', '--rule', 'placeholder=off', '--rule', 'punct-dash=error', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(off.stdout).files[0].problems.map((p: { rule: string; severity: string }) => `${p.rule}:${p.severity}`), ['punct-dash:error']);
    assert.equal(off.code, 1);
  });
});

describe('configuration', () => {
  test('--rule keeps the options a configuration gives a rule', () => {
    const merged = withRuleOverrides(
      { rules: { a: ['warning', { max: 3 }], b: { severity: 'info', list: ['x'] }, c: 'hint' }, dictionary: { 帐号: '账号' } },
      { a: 'error', b: 'off', c: 'warning', d: 'info' },
    );
    assert.deepEqual(merged, {
      rules: { a: ['error', { max: 3 }], b: { severity: 'off', list: ['x'] }, c: 'warning', d: 'info' },
      dictionary: { 帐号: '账号' },
    });
    assert.deepEqual(withRuleOverrides(undefined, { a: 'off' }), { rules: { a: 'off' } });
  });

  test('.reportrc.json: the nearest from the file up to the git root applies; one above the root does not', async () => {
    const outer = tree({
      '.reportrc.json': '{ "rules": { "placeholder": "off", "punct-dash": "off" } }',
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/.reportrc.json': '{ "rules": { "placeholder": "error" } }',
      'repo/a.report': WARNINGS,
      'repo/team/.reportrc.json': '\uFEFF{ "rules": { "placeholder": "info" } }',
      'repo/team/b.report': WARNINGS,
    });
    const cwd = join(outer, 'repo');
    const r = await run(['check', '--format', 'json'], { cwd });
    const rules = (i: number) => (JSON.parse(r.stdout).files[i].problems as { rule: string; severity: string }[]).map((p) => `${p.rule}:${p.severity}`);
    assert.deepEqual(rules(0), ['punct-dash:warning', 'placeholder:error']);
    assert.deepEqual(rules(1), ['punct-dash:warning', 'placeholder:info']);
    // Run from a subfolder: the repository's files apply the same way.
    const sub = await run(['check', 'b.report', '--format', 'json'], { cwd: join(cwd, 'team') });
    assert.deepEqual((JSON.parse(sub.stdout).files[0].problems as { rule: string; severity: string }[]).map((p) => `${p.rule}:${p.severity}`), ['punct-dash:warning', 'placeholder:info']);
  });

  test('without a git repository the working directory is the root', async () => {
    const cwd = tree({ '.reportrc.json': '{ "rules": { "placeholder": "off" } }', 'x/a.report': WARNINGS });
    const r = await run(['check', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(r.stdout).files[0].problems.map((p: { rule: string }) => p.rule), ['punct-dash']);
  });

  test('a broken .reportrc.json is reported on standard error and ignored', async () => {
    const cwd = tree({ '.reportrc.json': '{ "rules": ', 'a.report': ERRORS });
    const r = await run(['check'], { cwd });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^report: Report: cannot read .*\.reportrc\.json/);
  });

  test('--config FILE replaces discovery', async () => {
    const cwd = tree({ '.reportrc.json': '{ "rules": { "punct-dash": "off" } }', 'conf/strict.json': '{ "rules": { "placeholder": "error" } }', 'a.report': WARNINGS, 'bad.json': '[1]' });
    const r = await run(['check', 'a.report', '--config', 'conf/strict.json', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(r.stdout).files[0].problems.map((p: { rule: string; severity: string }) => `${p.rule}:${p.severity}`), ['punct-dash:warning', 'placeholder:error']);
    const bad = await run(['check', 'a.report', '-c', 'bad.json'], { cwd });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /must hold a JSON object/);
  });
});

describe('formats', () => {
  test('stylish: file, line:column, severity, message, rule; summary; no colours unless on a terminal', async () => {
    const cwd = tree({ 'a.report': WARNINGS, 'b.report': CLEAN });
    const r = await run(['check'], { cwd });
    assert.equal(
      r.stdout,
      [
        'a.report',
        '  4:14  warning  Write the dash as "——", not "--".         punct-dash',
        '  6:5   warning  Blank "xx" left to fill: enter a number.  placeholder',
        '',
        '⚠ 2 problems (0 errors, 2 warnings)',
        '  1 of them can be fixed with the --fix option.',
        '',
      ].join('\n'),
    );
    assert.ok(!r.stdout.includes(ESC));
    assert.ok((await run(['check'], { cwd, tty: true })).stdout.includes(ESC));
    assert.ok(!(await run(['check'], { cwd, tty: true, env: { NO_COLOR: '1' } })).stdout.includes(ESC));
    assert.ok(!(await run(['check', '--no-color'], { cwd, tty: true })).stdout.includes(ESC));
    assert.ok((await run(['check', '--color'], { cwd })).stdout.includes(ESC));
  });

  test('json: every file with its encoding, line endings and problems, and a summary', async () => {
    const cwd = tree({ 'a.report': WARNINGS.replace(/\n/g, '\r\n') });
    const r = JSON.parse((await run(['check', '-f', 'json'], { cwd })).stdout);
    assert.equal(r.tool, 'report');
    assert.equal(r.files[0].encoding, 'utf-8');
    assert.equal(r.files[0].eol, 'crlf');
    assert.deepEqual(r.files[0].problems[0], {
      rule: 'punct-dash',
      severity: 'warning',
      message: 'Write the dash as "——", not "--".',
      line: 4,
      column: 14,
      endLine: 4,
      endColumn: 16,
      fixable: true,
    });
    assert.equal(r.summary.warnings, 2);
    assert.equal(r.summary.fixable, 1);
  });

  test('-o writes the results to a file', async () => {
    const cwd = tree({ 'a.report': WARNINGS });
    const r = await run(['check', '-f', 'json', '-o', 'out.json'], { cwd });
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8')).summary.warnings, 2);
  });

  test('sarif: a valid SARIF 2.1.0 log with rule metadata, help URIs and relative locations', async () => {
    const cwd = tree({ 'dir with space/a.report': WARNINGS, 'b.report': ERRORS });
    const r = await run(['check', '--format', 'sarif'], { cwd });
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    validateSarif(log);
    const run0 = log.runs[0];
    assert.deepEqual(run0.tool.driver.rules.map((x: { id: string }) => x.id), RULES.map((x) => x.meta.id));
    for (const rule of run0.tool.driver.rules) assert.match(rule.helpUri, /^file:\/\/.*\/docs\/rules\/[a-z0-9-]+\.md$/);
    assert.deepEqual(
      run0.results.map((x: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine]),
      [
        ['paid-marker-unclosed', 'error', 'b.report', 4],
        ['punct-dash', 'warning', 'dir%20with%20space/a.report', 4],
        ['placeholder', 'warning', 'dir%20with%20space/a.report', 6],
      ],
    );
    for (const x of run0.results) assert.equal(run0.tool.driver.rules[x.ruleIndex].id, x.ruleId);
    assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });

  test('github: workflow annotations with escaped properties and messages; columns only on one line', async () => {
    const cwd = tree({ 'a,b:c%.report': WARNINGS, 'e.report': ERRORS });
    const r = await run(['check', '--format', 'github'], { cwd });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      '::warning file=a%2Cb%3Ac%25.report,line=4,endLine=4,col=14,endColumn=16,title=report(punct-dash)::Write the dash as "——", not "--".',
      '::warning file=a%2Cb%3Ac%25.report,line=6,endLine=6,col=5,endColumn=7,title=report(placeholder)::Blank "xx" left to fill: enter a number.',
    ]);
    assert.match(lines[2], /^::error file=e\.report,line=4,endLine=4,col=1,endColumn=14,title=report\(paid-marker-unclosed\)::/);
    const multi = tree({ 'm.report': '2024年度述职报告\n\n一、主要工作\n##paidbegin##\n\n##paidend##\n' });
    const m = await run(['check', '--format', 'github'], { cwd: multi });
    const spanning = m.stdout.split('\n').filter((l) => /line=(\d+),endLine=(?!\1\b)\d+/.test(l));
    assert.ok(spanning.length > 0, m.stdout);
    for (const l of spanning) assert.ok(!/col=|endColumn=/.test(l), l);
  });
});

describe('standard input', () => {
  test('--stdin checks the text read; --stdin-filename names it and finds its configuration', async () => {
    const cwd = tree({ 'team/.reportrc.json': '{ "rules": { "placeholder": "off" } }' });
    const plain = await run(['check', '--stdin', '--format', 'json'], { cwd, input: WARNINGS });
    assert.equal(JSON.parse(plain.stdout).files[0].path, '<stdin>');
    assert.equal(JSON.parse(plain.stdout).files[0].problems.length, 2);
    const named = await run(['check', '--stdin', '--stdin-filename', 'team/x.report', '--format', 'json'], { cwd, input: WARNINGS });
    assert.equal(JSON.parse(named.stdout).files[0].path, 'team/x.report');
    assert.deepEqual(JSON.parse(named.stdout).files[0].problems.map((p: { rule: string }) => p.rule), ['punct-dash']);
    const bin = await run(['check', '--stdin'], { cwd, input: Buffer.from([0, 1, 2]) });
    assert.equal(bin.code, 2);
    assert.equal(bin.stderr, 'report: <stdin>: binary file (NUL bytes), not a text report\n');
  });

  test('a real pipe into the process', () => {
    const cwd = tree({});
    const r = spawnCli(['check', '--stdin', '--stdin-filename', 'a.report'], { cwd, input: ERRORS });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^a\.report\n\s+4:1\s+error/);
  });
});

describe('worker threads', () => {
  test('--concurrency auto: one thread for few files, up to one per core for many', () => {
    assert.equal(autoThreads(1), 1);
    assert.equal(autoThreads(PARALLEL_FROM - 1), 1);
    assert.equal(autoThreads(1000), Math.min(availableParallelism(), 16, 10));
    assert.ok(autoThreads(PARALLEL_FROM) <= 2);
  });

  test('checking on worker threads gives the same results as on one thread', () => {
    const files: Record<string, string | Uint8Array> = {};
    const texts = [CLEAN, WARNINGS, ERRORS, INFO, WARNINGS.replace(/\n/g, '\r\n')];
    for (let i = 0; i < 60; i++) files[`d${i % 4}/${i}.report`] = texts[i % texts.length] + '补充内容。\n'.repeat(i % 3);
    files['.reportrc.json'] = '{ "rules": { "punct-halfwidth": "warning" } }';
    files['d1/.reportrc.json'] = '{ "rules": { "placeholder": "error" } }';
    const cwd = tree(files);
    const one = spawnCli(['check', '--format', 'json', '--concurrency', 'off'], { cwd });
    const four = spawnCli(['check', '--format', 'json', '--concurrency', '4'], { cwd });
    const auto = spawnCli(['check', '--format', 'json'], { cwd });
    assert.equal(one.code, 1);
    assert.equal(four.code, 1);
    assert.equal(JSON.parse(one.stdout).files.length, 60);
    assert.deepEqual(JSON.parse(four.stdout), JSON.parse(one.stdout));
    assert.deepEqual(JSON.parse(auto.stdout), JSON.parse(one.stdout));
    // The configuration reached the workers.
    assert.ok(JSON.parse(four.stdout).files.some((f: { problems: { rule: string; severity: string }[] }) => f.problems.some((p) => p.rule === 'placeholder' && p.severity === 'error')));
  });

  test('worker threads fix files too, GBK ones included', () => {
    const files: Record<string, string | Uint8Array> = {};
    const gbk = (s: string) => iconv.encode(s.replace(/\n/g, '\r\n'), 'gbk');
    for (let i = 0; i < 50; i++) files[`${i}.report`] = i % 2 ? WARNINGS : gbk(WARNINGS);
    const cwd = tree(files);
    const r = spawnCli(['check', '--fix', '--concurrency', '2'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    for (let i = 0; i < 50; i++) {
      const expected = i % 2 ? Buffer.from(WARNINGS_FIXED) : gbk(WARNINGS_FIXED);
      assert.ok(readFileSync(join(cwd, `${i}.report`)).equals(expected), `${i}.report`);
    }
  });
});

/** The parts of SARIF 2.1.0 that the schema requires (and that code scanning reads), checked strictly. */
function validateSarif(log: Record<string, unknown>): void {
  const obj = (v: unknown, what: string): Record<string, unknown> => {
    assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v), `${what} is an object`);
    return v as Record<string, unknown>;
  };
  const str = (v: unknown, what: string) => assert.ok(typeof v === 'string' && v.length > 0, `${what} is a non-empty string`);
  const posInt = (v: unknown, what: string) => assert.ok(Number.isInteger(v) && (v as number) >= 1, `${what} is an integer ≥ 1`);
  assert.equal(log.version, '2.1.0');
  str(log.$schema, '$schema');
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  const run = obj(log.runs[0], 'run');
  const driver = obj(obj(run.tool, 'tool').driver, 'driver');
  str(driver.name, 'driver.name');
  str(driver.version, 'driver.version');
  assert.ok(URL.canParse(driver.informationUri as string), 'informationUri is a URI');
  assert.ok(Array.isArray(driver.rules));
  const ids = new Set<string>();
  for (const r of driver.rules as unknown[]) {
    const rule = obj(r, 'rule');
    str(rule.id, 'rule.id');
    assert.ok(!ids.has(rule.id as string), 'rule ids are unique');
    ids.add(rule.id as string);
    str(obj(rule.shortDescription, 'shortDescription').text, 'shortDescription.text');
    assert.ok(URL.canParse(rule.helpUri as string), 'helpUri is a URI');
    assert.ok(['none', 'note', 'warning', 'error'].includes(obj(rule.defaultConfiguration, 'defaultConfiguration').level as string));
  }
  assert.ok(Array.isArray(run.results));
  for (const x of run.results as unknown[]) {
    const res = obj(x, 'result');
    assert.ok(ids.has(res.ruleId as string), 'result.ruleId names a rule');
    assert.ok(['none', 'note', 'warning', 'error'].includes(res.level as string), 'result.level');
    str(obj(res.message, 'message').text, 'message.text');
    assert.ok(Array.isArray(res.locations) && res.locations.length === 1);
    const phys = obj(obj(res.locations[0], 'location').physicalLocation, 'physicalLocation');
    const art = obj(phys.artifactLocation, 'artifactLocation');
    str(art.uri, 'artifactLocation.uri');
    assert.ok(!/[\s\\]/.test(art.uri as string), 'the URI has no blanks or backslashes');
    const region = obj(phys.region, 'region');
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) posInt(region[k], k);
    assert.ok((region.endLine as number) > (region.startLine as number) || (region.endColumn as number) >= (region.startColumn as number), 'the region does not end before it starts');
  }
}
