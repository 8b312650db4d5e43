// The server's loader (server/src/node/code-cache.ts) as a module system: a bundle it loads is the one
// instance that a plain `require` of the same file gets later (the service requires dist/lsp.js so), and a
// packaged stub is run from its compressed source while a plain file beside an older .br is itself.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { CACHE_ENV, loadCached } from '../../server/src/node/code-cache';

const dir = mkdtempSync(join(tmpdir(), 'report-loader-'));
process.env[CACHE_ENV] = mkdtempSync(join(tmpdir(), 'report-loader-cache-'));
const STUB = '"use strict";require("vm").compileFunction(require("zlib").brotliDecompressSync(require("fs").readFileSync(__filename+".br")).toString("utf8"),["exports","require","module","__filename","__dirname"],{filename:__filename})(exports,require,module,__filename,__dirname);\n';

test('a bundle loaded through the cache is the instance a later plain require gets', () => {
  writeFileSync(join(dir, 'shared.js'), 'module.exports = { made: Symbol("one instance") };\n');
  writeFileSync(join(dir, 'user.js'), 'module.exports = require("./shared.js");\n');
  const shared = loadCached(join(dir, 'shared.js'));
  const viaRequire = createRequire(join(dir, 'user.js'))('./user.js');
  assert.equal(viaRequire, shared);
});

test('a stub runs its compressed source; a plain file beside an older .br runs itself', () => {
  writeFileSync(join(dir, 'packed.js'), STUB);
  writeFileSync(join(dir, 'packed.js.br'), brotliCompressSync(Buffer.from('module.exports = "from the compressed source";\n')));
  assert.equal(loadCached(join(dir, 'packed.js')), 'from the compressed source');
  writeFileSync(join(dir, 'plain.js'), 'module.exports = "the development build";\n');
  writeFileSync(join(dir, 'plain.js.br'), brotliCompressSync(Buffer.from('module.exports = "an older package";\n')));
  assert.equal(loadCached(join(dir, 'plain.js')), 'the development build');
});
