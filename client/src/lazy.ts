// Loading a bundle only when it is needed: the Word export and import (dist/export.js) stay out of the
// extension's start-up. The packaged extension ships the bundle Brotli-compressed (dist/export.js.br), a
// fifth smaller than the zip compression of the .vsix; a development build has the plain file.

import * as fs from 'node:fs';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';

const loaded = new Map<string, unknown>();

/** The CommonJS bundle at `file` (or `file`.br, decompressed), evaluated once. */
export function loadBundle<T>(file: string): T {
  const cached = loaded.get(file);
  if (cached) return cached as T;
  let source: string;
  let filename = file;
  if (fs.existsSync(file)) {
    source = fs.readFileSync(file, 'utf8');
  } else {
    filename = `${file}.br`;
    source = zlib.brotliDecompressSync(fs.readFileSync(filename)).toString('utf8');
  }
  // The bundle is built for the browser platform: it needs no `require`, only `module` and `exports`.
  const wrapper = vm.runInThisContext(`(function (exports, module) {${source}\n})`, { filename }) as (exports: object, module: { exports: object }) => void;
  const module = { exports: {} };
  wrapper(module.exports, module);
  loaded.set(file, module.exports);
  return module.exports as T;
}
