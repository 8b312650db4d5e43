// Bundles the client and the language server into dist/ (for Node: dist/extension.js, dist/server.js; for
// the browser: dist/web/extension.js, dist/web/server.js), and (with --tests) the test suites into out/.
// The browser bundles are checked for anything only Node has (scripts/browser-bundles.mjs): the build fails
// when one slips in.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join, resolve } from 'node:path';
import { browserProblems, kib } from './scripts/browser-bundles.mjs';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');
// Where the bundles go: dist/, or another folder (REPORT_DIST; the package test builds into one of its own).
const dist = process.env.REPORT_DIST ?? 'dist';

// Smaller stand-ins for parts of mammoth's dependencies the import never uses (see the files).
const shims = {
  name: 'export-shims',
  setup(build) {
    for (const name of ['jszip', 'xmlbuilder', 'underscore']) {
      const filter = new RegExp(`^${name}$`);
      // underscore is also required by lop, mammoth's parser library.
      build.onResolve({ filter }, (a) => (/mammoth|[\\/]lop[\\/]/.test(a.importer) ? { path: join(process.cwd(), `server/src/export/shims/${name}.ts`) } : undefined));
    }
    build.onResolve({ filter: /^\.\/entities$/ }, (a) => (a.importer.includes('xmldom') ? { path: join(process.cwd(), 'server/src/export/shims/xml-entities.ts') } : undefined));
  },
};

// `report-rule-pages`: the rule pages (docs/rules/*.md) for the client, which opens them as documents of its
// own (client/src/ruleDocs.ts): one compressed bundle rather than a file per page in the package. A function,
// so that the texts are only parsed when a page is opened.
const rulePages = {
  name: 'report-rule-pages',
  setup(build) {
    build.onResolve({ filter: /^report-rule-pages$/ }, () => ({ path: 'report-rule-pages', namespace: 'report-rule-pages' }));
    build.onLoad({ filter: /.*/, namespace: 'report-rule-pages' }, () => {
      const dir = resolve('docs/rules');
      const files = readdirSync(dir).filter((f) => /^[a-z0-9-]+\.md$/.test(f)).sort();
      const pages = Object.fromEntries(files.map((f) => [f.slice(0, -3), readFileSync(join(dir, f), 'utf8')]));
      return { contents: `export function rulePages() { return ${JSON.stringify(pages)}; }`, loader: 'js', watchFiles: files.map((f) => join(dir, f)), watchDirs: [dir] };
    });
  },
};

const common = {
  plugins: [shims, rulePages],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// ES modules bundled into CommonJS that ask for import.meta.url (tinyglobby's directory walker) get the file's URL.
const importMetaUrl = {
  banner: { js: 'var __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};

// The LSP libraries the Node client and the Node server both use (JSON-RPC, the protocol, the types) are one
// file, dist/lsp.js, that both require: the client's bundle and the server's hold none of them, and the
// service's bundle takes the types from it too. Each module is evaluated on first use, as in a bundle.
const LSP_SHARED = ['vscode-jsonrpc', 'vscode-jsonrpc/node', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/node', 'vscode-languageserver-types'];
const lspShared = {
  name: 'lsp-shared',
  setup(build) {
    const filter = new RegExp(`^(${LSP_SHARED.map((m) => m.replace(/[/-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (a) => ({ path: a.path, namespace: 'lsp-shared' }));
    build.onLoad({ filter: /.*/, namespace: 'lsp-shared' }, (a) => ({ contents: `module.exports = require('./lsp.js')[${JSON.stringify(a.path)}];`, loader: 'js' }));
    build.onResolve({ filter: /^\.\/lsp\.js$/ }, (a) => (a.namespace === 'lsp-shared' ? { path: './lsp.js', external: true } : undefined));
  },
};
/** dist/lsp.js: the shared modules, by module id. */
const lspEntry = {
  name: 'lsp-entry',
  setup(build) {
    build.onResolve({ filter: /^report-lsp-shared$/ }, () => ({ path: 'report-lsp-shared', namespace: 'lsp-entry' }));
    build.onLoad({ filter: /.*/, namespace: 'lsp-entry' }, () => ({
      contents: `module.exports = {${LSP_SHARED.map((m) => `get ${JSON.stringify(m)}() { return require(${JSON.stringify(m)}); }`).join(', ')}};`,
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

/** The web extension host and the language server's worker: one file each, nothing from Node. */
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  metafile: true,
};

const builds = [
  // The clients hold the rule pages: Chinese text as it is (UTF-8) rather than \u escapes, a tenth smaller.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: `${dist}/extension.js`, external: ['vscode'], charset: 'utf8', plugins: [...common.plugins, lspShared] },
  { ...common, entryPoints: ['report-lsp-shared'], outfile: `${dist}/lsp.js`, plugins: [lspEntry] },
  // Also `report-language-server` for other editors: the shebang lets npm link it as a command. The service
  // (the analysis and every feature) is a file of its own, dist/server-service.js, required after the server
  // answered initialize: start-up compiles and runs only the LSP libraries.
  // Also `report-language-server` for other editors: the shebang lets npm link it as a command. dist/server.js
  // only loads the server (dist/server-lsp.js), the LSP libraries (dist/lsp.js) and later the service through
  // V8's code cache (server/src/node/code-cache.ts). The service (the analysis and every feature) is a file of
  // its own, dist/server-service.js, required after the server answered initialize: start-up runs only the LSP libraries.
  { ...common, entryPoints: ['server/src/node/main.ts'], outfile: `${dist}/server.js`, banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: `${dist}/server-lsp.js`,
    plugins: [...common.plugins, lspShared, { name: 'service-apart', setup: (b) => b.onResolve({ filter: /^\.\/service\/service$/ }, () => ({ path: './server-service.js', external: true })) }],
  },
  { ...common, entryPoints: ['server/src/service/service.ts'], outfile: `${dist}/server-service.js`, charset: 'utf8', alias: { 'vscode-languageserver-protocol': './server/src/service/lsp-values.ts' }, plugins: [...common.plugins, lspShared] },
  // The `report` command line (not in the VS Code package).
  {
    ...common,
    entryPoints: ['server/src/cli/bin.ts'],
    outfile: `${dist}/cli.js`,
    ...importMetaUrl,
    banner: { js: `#!/usr/bin/env node\nglobalThis.__reportLoadStart = performance.now();\n${importMetaUrl.banner.js}` },
    // iconv-lite (GB18030 tables, most of the size) is loaded only when a GB18030 file is written.
    plugins: [{ name: 'iconv-apart', setup: (b) => b.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: './cli-iconv.js', external: true })) }],
  },
  { ...common, entryPoints: ['node_modules/iconv-lite/lib/index.js'], outfile: `${dist}/cli-iconv.js`, sourcemap: false },
  { ...web, entryPoints: ['client/src/browser.ts'], outfile: `${dist}/web/extension.js`, external: ['vscode'], charset: 'utf8' },
  // A worker script, loaded as it is: no module wrapper.
  { ...web, format: 'iife', entryPoints: ['server/src/browser/server.ts'], outfile: `${dist}/web/server.js` },
  // Loaded only when a report is exported or a Word document imported: docx and mammoth. Built for the
  // browser platform: it needs nothing from Node (mammoth and docx pick their browser builds).
  { ...common, entryPoints: ['server/src/export/index.ts'], outfile: `${dist}/export.js`, platform: 'browser', format: 'cjs', target: 'es2022' },
];

/** The Node bundles a production build compresses (see below): the client, the LSP libraries, the server, the service (the server's loader, dist/server.js, reads them through the code cache). */
const COMPRESSED = ['extension.js', 'lsp.js', 'server-lsp.js', 'server-service.js'];
const SELF_EXTRACTING =
  '"use strict";require("vm").compileFunction(require("zlib").brotliDecompressSync(require("fs").readFileSync(__filename+".br")).toString("utf8"),["exports","require","module","__filename","__dirname"],{filename:__filename})(exports,require,module,__filename,__dirname);\n';

function testEntries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

/** `report-web-suites`: a module that loads every integration suite, for the web test bundle. */
const webSuites = {
  name: 'report-web-suites',
  setup(build) {
    build.onResolve({ filter: /^report-web-suites$/ }, () => ({ path: 'report-web-suites', namespace: 'report-web-suites' }));
    build.onLoad({ filter: /.*/, namespace: 'report-web-suites' }, () => {
      const files = testEntries('test/vscode/suite').filter((f) => f.endsWith('.test.ts')).sort();
      return {
        contents: files.map((f) => `require(${JSON.stringify(resolve(f))});`).join('\n'),
        resolveDir: resolve('.'),
        loader: 'js',
        watchFiles: files.map((f) => resolve(f)),
      };
    });
  },
};

if (args.has('--tests')) {
  for (const [dir, out, external] of [
    // esbuild runs its own binary: it cannot be bundled; ESLint is read from node_modules as it is.
    ['test/unit', 'out/test/unit', ['esbuild', 'eslint', 'typescript-eslint']],
    ['test/protocol', 'out/test/protocol', []],
    ['test/cli', 'out/test/cli', []],
    ['test/editors', 'out/test/editors', []],
    ['test/vscode/suite', 'out/test/vscode/suite', ['vscode', 'mocha']],
  ]) {
    const entryPoints = testEntries(dir);
    if (entryPoints.length) builds.push({ ...common, ...importMetaUrl, entryPoints, outdir: out, outbase: dir, external, sourcemap: true });
  }
  // The same integration suites for the web extension host (test/vscode/run-web.mjs): one file, with the
  // browser builds of mocha and assert.
  builds.push({
    ...web,
    metafile: false,
    sourcemap: 'inline',
    minify: false,
    entryPoints: ['test/vscode/web/index.ts'],
    outfile: 'out/test/web/index.js',
    external: ['vscode'],
    plugins: [webSuites, rulePages],
    alias: { 'node:assert/strict': './test/vscode/web/assert-strict.cjs', 'node:assert': 'assert' },
    define: {
      REPORT_VSCODE_GREP: JSON.stringify(process.env.REPORT_VSCODE_GREP ?? ''),
      // The `util` package behind `assert` reads these; the worker has no `process`.
      'process.env.NODE_DEBUG': 'false',
      'process.noDeprecation': 'false',
      'process.throwDeprecation': 'false',
      'process.traceDeprecation': 'false',
    },
  });
}

/** Fails when a browser bundle needs Node; prints the sizes of the browser bundles. */
function checkBrowserBundles(results) {
  const sizes = [];
  const problems = [];
  for (const [i, result] of results.entries()) {
    const build = builds[i];
    if (build.platform !== 'browser' || !result.metafile) continue;
    const texts = Object.fromEntries(Object.keys(result.metafile.outputs).filter((o) => o.endsWith('.js')).map((o) => [o, readFileSync(o, 'utf8')]));
    problems.push(...browserProblems(result.metafile, { allowExternal: build.external ?? [], texts }));
    for (const o of Object.keys(texts)) sizes.push(`${o} ${kib(statSync(o).size)}`);
  }
  if (problems.length) {
    console.error(`[esbuild] the browser bundles need what only Node has:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
  if (sizes.length && (production || process.env.REPORT_BUNDLE_SIZES)) console.log(`[esbuild] browser bundles: ${sizes.join(', ')}`);
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching…');
} else {
  checkBrowserBundles(await Promise.all(builds.map((b) => esbuild.build(b))));
  if (production) {
    const brotli = (src) => brotliCompressSync(src, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: src.length } });
    // The packaged extension ships the export bundle Brotli-compressed (client/src/lazy.ts loads it).
    writeFileSync(`${dist}/export.js.br`, brotli(readFileSync(`${dist}/export.js`)));
    // The Node bundles of the package are Brotli-compressed too (a sixth smaller than the .vsix's own
    // compression): each file becomes a stub that decompresses `<file>.br` and runs it as itself, with the
    // file's own `module`, `require` and name. A development build keeps the plain files.
    for (const f of COMPRESSED) {
      const file = `${dist}/${f}`;
      const src = readFileSync(file, 'utf8');
      const shebang = src.startsWith('#!') ? src.slice(0, src.indexOf('\n') + 1) : '';
      writeFileSync(`${file}.br`, brotli(Buffer.from(src.slice(shebang.length))));
      writeFileSync(file, `${shebang}${SELF_EXTRACTING}`);
    }
  } else {
    // A development build leaves no compressed bundle of an earlier package beside its plain files.
    for (const f of COMPRESSED) rmSync(`${dist}/${f}.br`, { force: true });
  }
}
