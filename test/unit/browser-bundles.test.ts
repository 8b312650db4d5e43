// The check that keeps Node out of the browser bundles (scripts/browser-bundles.mjs, run by esbuild.mjs on
// every build): it finds Node modules and Node-only globals, and the real browser bundles pass it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { browserProblems } from '../../scripts/browser-bundles.mjs';

const root = process.cwd();

async function bundle(contents: string, external: string[] = []): Promise<{ problems: string[] }> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    write: false,
    metafile: true,
    outfile: 'out/check/entry.js',
    external,
    logLevel: 'silent',
  });
  const texts = Object.fromEntries(result.outputFiles.map((f) => [f.path, f.text]));
  return { problems: browserProblems(result.metafile, { allowExternal: ['vscode'], texts }) };
}

test('a Node module left external is found', async () => {
  const { problems } = await bundle(`import { join } from 'node:path'; console.log(join('a', 'b'));`, ['node:*']);
  assert.ok(problems.some((p) => p.includes('"node:path"')), problems.join('\n'));
});

test('a Node module without the prefix is found too', async () => {
  const { problems } = await bundle(`import { readFileSync } from 'fs'; console.log(readFileSync);`, ['fs']);
  assert.ok(problems.some((p) => p.includes('"fs"')), problems.join('\n'));
});

test('any other external than vscode is found', async () => {
  const { problems } = await bundle(`import * as x from 'some-package'; import * as vscode from 'vscode'; console.log(x, vscode);`, ['some-package', 'vscode']);
  assert.deepEqual(problems.filter((p) => p.includes('at run time')).length, 1, problems.join('\n'));
  assert.ok(problems[0].includes('"some-package"'));
});

test('Node-only globals are found; guarded uses and look-alikes are not', async () => {
  for (const code of ['console.log(__dirname);', 'console.log(process.cwd());', 'console.log(Buffer.from("a"));', 'process.on("exit", () => {});']) {
    const { problems } = await bundle(code);
    assert.equal(problems.length, 1, `${code}: ${problems.join(', ')}`);
  }
  const clean = await bundle(`const p = typeof process === 'object' ? process.platform : 'web'; const o = { process: { cwd: 1 } }; console.log(p, o.process.cwd, new TextDecoder().decode(new Uint8Array()));`);
  assert.deepEqual(clean.problems, []);
});

test('the browser bundles of the extension and of its language server pass', async () => {
  for (const [entry, format] of [['client/src/browser.ts', 'cjs'], ['server/src/browser/server.ts', 'iife']] as const) {
    const result = await esbuild.build({
      entryPoints: [join(root, entry)],
      bundle: true,
      platform: 'browser',
      format,
      write: false,
      metafile: true,
      outfile: `out/check/${format}.js`,
      // report-rule-pages: the rule pages as strings, made by a plugin of esbuild.mjs.
      external: ['vscode', 'report-rule-pages'],
      logLevel: 'silent',
    });
    const texts = Object.fromEntries(result.outputFiles.map((f) => [f.path, f.text]));
    assert.deepEqual(browserProblems(result.metafile, { texts, allowExternal: ['vscode', 'report-rule-pages'] }), [], entry);
  }
  // And the package names the browser entry that the build writes.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.browser, './dist/web/extension.js');
});
