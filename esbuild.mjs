// Bundles the client and the language server into dist/, and (with --tests) the test suites into out/.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

const common = {
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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Also `report-language-server` for other editors: the shebang lets npm link it as a command.
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The `report` command line (not in the VS Code package).
  {
    ...common,
    entryPoints: ['server/src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    ...importMetaUrl,
    banner: { js: `#!/usr/bin/env node\nglobalThis.__reportLoadStart = performance.now();\n${importMetaUrl.banner.js}` },
    // iconv-lite (GB18030 tables, most of the size) is loaded only when a GB18030 file is written.
    plugins: [{ name: 'iconv-apart', setup: (b) => b.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: './cli-iconv.js', external: true })) }],
  },
  { ...common, entryPoints: ['node_modules/iconv-lite/lib/index.js'], outfile: 'dist/cli-iconv.js', sourcemap: false },
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
    ['test/cli', 'out/test/cli', []],
    ['test/editors', 'out/test/editors', []],
    ['test/vscode/suite', 'out/test/vscode/suite', ['vscode', 'mocha']],
  ]) {
    const entryPoints = testEntries(dir);
    if (entryPoints.length) builds.push({ ...common, ...importMetaUrl, entryPoints, outdir: out, outbase: dir, external, sourcemap: true });
  }
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
