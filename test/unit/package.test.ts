// The two VS Code packages as `npm run package` makes them (scripts/package.mjs), built here into a folder of
// their own: what each holds, their size, the README the Marketplace shows, and the desktop package's
// language server started from the unpacked .vsix.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileFunction } from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { start, type Server } from '../protocol/harness';

/** The README's sections for those who build the extension: left out of the packaged README. */
const DEVELOPER_SECTIONS = ['Tests', 'Performance', 'How it is built', 'Packaging and publishing'];

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** 400 KB as vsce counts them. */
const LIMIT = 400 * 1024;

let dir = '';
const vsix: Record<'desktop' | 'web', { size: number; files: Record<string, Uint8Array> }> = {} as never;
const text = (kind: 'desktop' | 'web', name: string) => Buffer.from(vsix[kind].files[name] ?? []).toString('utf8');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-package-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--dist', join(dir, 'dist'), '--out-dir', dir], { cwd: root, stdio: 'pipe', timeout: 300_000 });
  for (const [kind, file] of [['desktop', 'report-language.vsix'], ['web', 'report-language-web.vsix']] as const) {
    const path = join(dir, file);
    vsix[kind] = { size: statSync(path).size, files: unzipSync(readFileSync(path)) };
  }
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('both packages are under 400 KB', () => {
  for (const kind of ['desktop', 'web'] as const) assert.ok(vsix[kind].size <= LIMIT, `the ${kind} package is ${vsix[kind].size} bytes`);
});

test('the desktop package: the Node bundles (compressed behind stubs) and the export, no browser bundles', () => {
  const names = Object.keys(vsix.desktop.files);
  for (const f of ['extension.js', 'extension.js.br', 'lsp.js', 'lsp.js.br', 'server.js', 'server-lsp.js', 'server-lsp.js.br', 'server-service.js', 'server-service.js.br', 'export.js.br']) {
    assert.ok(names.includes(`extension/dist/${f}`), `dist/${f} is in the desktop package`);
  }
  assert.deepEqual(names.filter((n) => n.startsWith('extension/dist/web/') || n.startsWith('extension/docs/')), []);
  const manifest = JSON.parse(text('desktop', 'extension/package.json'));
  assert.equal(manifest.main, pkg.main);
  assert.equal(manifest.browser, undefined, 'no browser entry without its bundle');
  assert.doesNotMatch(text('desktop', 'extension.vsixmanifest'), /TargetPlatform=/, 'no target: every platform');
  // The client decompresses into a module that compiles and holds the rule pages.
  const client = brotliDecompressSync(vsix.desktop.files['extension/dist/extension.js.br']).toString('utf8');
  compileFunction(client, ['exports', 'require', 'module', '__filename', '__dirname']);
  const page = readFileSync(join(root, 'docs', 'rules', 'placeholder.md'), 'utf8');
  assert.ok(client.includes(JSON.stringify(page).slice(1, 200)), 'the client holds the page of placeholder');
});

test('the web package: the browser bundles only, for the web target', () => {
  const names = Object.keys(vsix.web.files);
  assert.deepEqual(names.filter((n) => n.startsWith('extension/dist/')).sort(), ['extension/dist/web/extension.js', 'extension/dist/web/server.js']);
  assert.deepEqual(names.filter((n) => n.startsWith('extension/docs/')), []);
  const manifest = JSON.parse(text('web', 'extension/package.json'));
  assert.equal(manifest.browser, pkg.browser);
  assert.equal(manifest.main, undefined, 'no Node entry without its bundle');
  assert.match(text('web', 'extension.vsixmanifest'), /TargetPlatform="web"/);
  assert.match(text('web', 'extension.vsixmanifest'), /__web_extension/);
});

test('the packaged README shows the pictures from the repository, which has them; the icon is packaged', () => {
  const repo = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+?)\.git$/.exec(pkg.repository.url)?.[1];
  assert.ok(repo, pkg.repository.url);
  const tracked = new Set(execFileSync('git', ['ls-files', '--', 'docs/images'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean));
  for (const kind of ['desktop', 'web'] as const) {
    const readme = text(kind, 'extension/readme.md');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 2, `the ${kind} README shows pictures`);
    for (const img of images) {
      const m = new RegExp(`^https://github\\.com/${repo.replace('.', '\\.')}/raw/HEAD/(docs/images/[\\w.-]+\\.png)$`).exec(img);
      assert.ok(m, `${img}: an https link to the repository's docs/images`);
      assert.ok(tracked.has(m[1]), `${m[1]} is in the repository`);
    }
    // The developers' sections stay in the repository; every anchor left points at a heading of the page.
    for (const h of DEVELOPER_SECTIONS) assert.ok(!readme.includes(`\n## ${h}\n`), `${kind} README has no "${h}"`);
    const anchors = new Set([...readme.matchAll(/^#+ (.*)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-')));
    for (const [, anchor] of readme.matchAll(/\]\(#([^)\s]+)\)/g)) assert.ok(anchors.has(anchor), `${kind} README: #${anchor} is a heading of the page`);
    // Every other link works outside the repository too: absolute, or an anchor of the page.
    for (const [, link] of readme.matchAll(/\]\(([^)\s]+)\)/g)) assert.match(link, /^(https:\/\/|#)/, `${kind} README: ${link}`);
    assert.ok(Object.keys(vsix[kind].files).includes(`extension/${pkg.icon}`), `the icon is in the ${kind} package`);
    assert.deepEqual(Object.keys(vsix[kind].files).filter((n) => n.startsWith('extension/docs/images/')), []);
  }
});

test('the language server of the unpacked desktop package answers, its diagnostics link the client’s rule pages', async () => {
  const out = join(dir, 'unpacked');
  for (const [name, data] of Object.entries(vsix.desktop.files)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), data);
  }
  const serverJs = join(out, 'extension', 'dist', 'server.js');
  assert.ok(existsSync(serverJs));
  let s: Server | undefined;
  try {
    s = await start({ server: serverJs, initializationOptions: { ruleDocsUri: 'report-rule:/' } });
    const uri = await s.open('标题\n全年完成任务xx项。\n');
    const diags = (await s.diagnostics(uri)) as unknown as { code: string; codeDescription?: { href: string } }[];
    const blank = diags.find((d) => d.code === 'placeholder');
    assert.ok(blank, JSON.stringify(diags));
    assert.equal(blank.codeDescription?.href, 'report-rule:/placeholder.md');
  } finally {
    await s?.close();
  }
});
