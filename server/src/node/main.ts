// dist/server.js: starts the language server (dist/server-lsp.js, built from server/src/server.ts, with the
// LSP libraries it shares with the client in dist/lsp.js) and, when the server asks for it after initialize,
// the service (dist/server-service.js), all through V8's
// code cache (code-cache.ts), so that a start compiles next to nothing. Kept small: this file itself is
// compiled on every start.

import { join } from 'node:path';
import { loadCached } from './code-cache';

/** The bundles dist/server-lsp.js requires, loaded through the cache too (each once, as `require` would). */
const siblings = new Map<string, unknown>([['./lsp.js', undefined], ['./server-service.js', undefined]]);

loadCached(join(__dirname, 'server-lsp.js'), (req) => {
  const load = (id: string): unknown => {
    if (!siblings.has(id)) return req(id);
    let exports = siblings.get(id);
    if (exports === undefined) siblings.set(id, (exports = loadCached(join(__dirname, id))));
    return exports;
  };
  return Object.assign(load, { resolve: req.resolve, cache: req.cache, main: req.main, extensions: req.extensions }) as NodeJS.Require;
});
