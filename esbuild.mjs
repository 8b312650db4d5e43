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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Also `report-language-server` for other editors: the shebang lets npm link it as a command.
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The `report` command line (not in the VS Code package).
  // (tinyglobby's directory walker is an ES module that asks for import.meta.url.)
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node\nvar __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__importMetaUrl' },
  },
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
    if (entryPoints.length) builds.push({ ...common, entryPoints, outdir: out, outbase: dir, external, sourcemap: true });
  }
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
