// The export bundle as the extension loads it: dist/export.js (or its Brotli-compressed form in the
// packaged extension), evaluated without `require`, writes and reads Word documents.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { loadBundle } from '../../client/src/lazy';
import type { ExportBundle } from '../../client/src/exportCommands';
import { parse } from '../../server/src/core/parser';
import { printParagraphs } from '../../server/src/export/layout';
import * as entry from '../../server/src/export/index';

// The client's view of the bundle is the bundle's entry (a type error here when they drift apart).
const conforms: ExportBundle = entry;

test('a bundle loads from its file, else from file.br, once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  try {
    writeFileSync(join(dir, 'a.js.br'), brotliCompressSync(Buffer.from('module.exports = { answer: 42, count: (globalThis.__loads = (globalThis.__loads || 0) + 1) };')));
    const a = loadBundle<{ answer: number; count: number }>(join(dir, 'a.js'));
    assert.equal(a.answer, 42);
    assert.equal(loadBundle<{ count: number }>(join(dir, 'a.js')).count, a.count, 'evaluated once');
    writeFileSync(join(dir, 'b.js'), 'exports.plain = true;');
    writeFileSync(join(dir, 'b.js.br'), brotliCompressSync(Buffer.from('exports.plain = false;')));
    assert.equal(loadBundle<{ plain: boolean }>(join(dir, 'b.js')).plain, true, 'the plain file wins');
    assert.throws(() => loadBundle(join(dir, 'missing.js')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dist/export.js runs without Node modules, Brotli-compressed too, and round-trips a report', async (t) => {
  const file = join(process.cwd(), 'dist', 'export.js');
  if (!existsSync(file)) {
    t.skip('dist/export.js is not built (npm run build)');
    return;
  }
  const source = readFileSync(file, 'utf8');
  assert.doesNotMatch(source, /require\("(?:node:)?(?:fs|path|zlib|stream|buffer|util|events)"\)/u, 'no Node modules');
  const dir = mkdtempSync(join(tmpdir(), 'export-'));
  try {
    writeFileSync(join(dir, 'export.js.br'), brotliCompressSync(Buffer.from(source)));
    const bundle = loadBundle<ExportBundle>(join(dir, 'export.js'));
    const text = readFileSync('test/fixtures/sample.report', 'utf8');
    const paragraphs = printParagraphs(parse(text));
    const bytes = await bundle.writeDocx(paragraphs, { fonts: { body: '仿宋' } });
    assert.equal(bytes[0], 0x50);
    assert.equal(typeof conforms.writeDocx, 'function');
    // The settings reach the document.
    assert.match(strFromU8(unzipSync(bytes)['word/document.xml']), /w:eastAsia="仿宋"/u);
    const back = await bundle.importDocx(bytes);
    assert.deepEqual(back.text.trimEnd().split('\n'), paragraphs.filter((p) => p.kind !== 'empty').map((p) => p.text));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
