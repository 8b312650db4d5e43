// Neovim's built-in LSP client against dist/server.js (the `report-language-server` bin): push diagnostics,
// document symbols, and a quick fix applied by the editor. Needs `nvim` (Debian's neovim 0.7 will do);
// run with `npm run test:editors`. Without nvim the test is skipped, except in CI (CI=true), where it fails.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = join(process.cwd(), 'dist', 'server.js');
const SCRIPT = join(process.cwd(), 'test', 'editors', 'neovim.lua');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

const REPORT = [
  '2024年度述职报告',
  '',
  '一、主要工作',
  '（一）抓好学习',
  '今年完成了任务，取得了成绩--这是大家的功劳。',
  '二、下步打算',
  '明年完成xx个项目。',
  '',
].join('\n');

interface Result {
  steps: string[];
  error?: string;
  diagnostics?: { line: number; col: number; severity: number; message: string; source: string; code: string }[];
  symbols?: { name: string; depth: number; line: number }[];
  offered?: string[];
  lines_after?: string[];
  cleared?: boolean;
}

test('Neovim: diagnostics pushed, document symbols, a quick fix applied by the editor', { skip: !hasNvim && !process.env.CI ? 'nvim is not installed' : false, timeout: 120_000 }, () => {
  assert.ok(hasNvim, 'nvim must be installed in CI (apt-get install neovim)');
  const dir = mkdtempSync(join(tmpdir(), 'report-nvim-'));
  try {
    const file = join(dir, '2024年度工作总结.txt');
    const result = join(dir, 'result.json');
    writeFileSync(file, REPORT);
    // The first Neovim configuration of the README, started on the built server.
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const recipe = /```lua\n(-- Any Neovim from 0\.7[^]*?)```/.exec(readme)?.[1];
    assert.ok(recipe, 'the README has the Neovim 0.7 configuration');
    assert.ok(recipe.includes("cmd = { 'report-language-server', '--stdio' }"));
    const init = join(dir, 'init.lua');
    writeFileSync(init, recipe.replace("cmd = { 'report-language-server', '--stdio' }", `cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(SERVER)}, '--stdio' }`));
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], {
      cwd: dir,
      env: { ...process.env, REPORT_RECIPE: init, REPORT_FILE: file, REPORT_RESULT: result, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir, XDG_DATA_HOME: dir },
      encoding: 'utf8',
      timeout: 90_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.equal(r.status, 0, `nvim exited with ${r.status} (${r.signal ?? ''}): ${r.stderr}`);
    const got = JSON.parse(readFileSync(result, 'utf8')) as Result;
    assert.equal(got.error, undefined, `${got.error} after steps ${got.steps.join(', ')}`);
    assert.deepEqual(got.steps, ['opened', 'attached', 'diagnostics', 'symbols', 'quickfix', 'rechecked']);

    const byCode = new Map(got.diagnostics!.map((d) => [d.code, d]));
    const dash = byCode.get('punct-dash');
    assert.ok(dash, JSON.stringify(got.diagnostics));
    // Neovim counts columns in bytes: the dash follows 13 Chinese characters of 3 UTF-8 bytes each.
    assert.deepEqual([dash.line, dash.col, dash.severity, dash.source], [4, 13 * 3, 2, 'report']);
    assert.equal(dash.message, 'Write the dash as "——", not "--".');
    assert.equal(byCode.get('placeholder')?.line, 6);

    assert.deepEqual(
      got.symbols!.map((s) => [s.name, s.depth, s.line]),
      [
        ['一、主要工作', 0, 2],
        ['（一）抓好学习', 1, 3],
        ['二、下步打算', 0, 5],
      ],
    );

    assert.deepEqual(got.lines_after, REPORT.replace('--', '——').split('\n').slice(0, -1));
    assert.equal(got.cleared, true, 'the server saw the change and dropped the fixed problem');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
