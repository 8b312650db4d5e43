// Bundles the client and the language server into dist/, and (with --tests) the test suites into out/.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

// Smaller stand-ins for parts of mammoth's dependencies the import never uses (see the files).
const shims = {
  name: 'export-shims',
  setup(build) {
    for (const name of ['jszip', 'xmlbuilder']) {
      const filter = new RegExp(`^${name}$`);
      build.onResolve({ filter }, (a) => (a.importer.includes('mammoth') ? { path: join(process.cwd(), `server/src/export/shims/${name}.ts`) } : undefined));
    }
    build.onResolve({ filter: /^\.\/entities$/ }, (a) => (a.importer.includes('xmldom') ? { path: join(process.cwd(), 'server/src/export/shims/xml-entities.ts') } : undefined));
  },
};

const common = {
  plugins: [shims],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // Loaded only when a report is exported, previewed in pages or a Word document imported: the parser,
  // the print layout, docx and mammoth.
  // Built for the browser platform: it must not need Node (mammoth and docx pick their browser builds).
  { ...common, entryPoints: ['server/src/export/index.ts'], outfile: 'dist/export.js', platform: 'browser', format: 'cjs', target: 'es2022' },
];

function testEntries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

if (args.has('--tests')) {
  for (const [dir, out, external] of [
    ['test/unit', 'out/test/unit', []],
    ['test/protocol', 'out/test/protocol', []],
    ['test/vscode/suite', 'out/test/vscode/suite', ['vscode', 'mocha']],
  ]) {
    const entryPoints = testEntries(dir);
    if (entryPoints.length) builds.push({ ...common, entryPoints, outdir: out, outbase: dir, external, sourcemap: true });
  }
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (production) {
    // The packaged extension ships the export bundle Brotli-compressed (client/src/lazy.ts loads it).
    const src = readFileSync('dist/export.js');
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: src.length };
    writeFileSync('dist/export.js.br', brotliCompressSync(src, { params }));
  }
}
