// `npm run package`: builds the production bundles once, then two packages of the same extension (see the
// README, "Packaging and publishing"):
//   report-language.vsix      no target (universal): desktop VS Code and remote hosts; files from .vscodeignore
//   report-language-web.vsix  --target web: VS Code for the Web; files from .vscodeignore.web
// vsce refuses a package whose `main` or `browser` file is missing, so each package is made from a staging
// folder (out/package/<kind>) holding the files its ignore file admits and a manifest without the other
// entry point. Prints both sizes; fails when one is over LIMIT, listing its entries by compressed size.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The limit of each .vsix: 400 KB as vsce counts them (1 KB = 1024 bytes), in bytes. */
export const LIMIT = 400 * 1024;

/** Rewrites the repository's manifest for one package. */
const manifests = {
  desktop(m) {
    // No browser bundle in this package (vsce refuses a manifest whose entry point is not packaged). vsce then
    // leaves out the `__web_extension` tag, which the web package has: publish the web package last.
    delete m.browser;
    return m;
  },
  web(m) {
    delete m.main;
    return m;
  },
};

export const packages = {
  desktop: { ignoreFile: '.vscodeignore', out: 'report-language.vsix', target: undefined },
  web: { ignoreFile: '.vscodeignore.web', out: 'report-language-web.vsix', target: 'web' },
};

/** The manifest the package `kind` ships: the repository's, with that package's entry point only. */
export function packageManifest(kind) {
  const m = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // The staging folder has the built files already: nothing to run there.
  if (m.scripts) delete m.scripts['vscode:prepublish'];
  return manifests[kind](m);
}

/**
 * Makes the package `kind` into `out` (a path) from the built files in `dist` (dist/ by default) and the
 * repository's other files; returns `out`.
 */
export async function makePackage(kind, { out = join(root, packages[kind].out), dist = join(root, 'dist'), stage = join(root, 'out', 'package', kind) } = {}) {
  const vsce = await import('@vscode/vsce');
  const { ignoreFile, target } = packages[kind];
  rmSync(stage, { recursive: true, force: true });
  // The files of the repository the ignore file admits, except dist/: that is copied whole from `dist`, and
  // vsce applies the ignore file to it.
  const files = await vsce.listFiles({ cwd: root, ignoreFile: join(root, ignoreFile), packageManager: vsce.PackageManager.None });
  for (const f of files.filter((f) => !f.startsWith('dist/'))) {
    mkdirSync(dirname(join(stage, f)), { recursive: true });
    copyFileSync(join(root, f), join(stage, f));
  }
  writeFileSync(join(stage, 'README.md'), marketplaceReadme(readFileSync(join(root, 'README.md'), 'utf8')));
  cpSync(dist, join(stage, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(packageManifest(kind), null, 2)}\n`);
  // Relative links of the README become links into the repository (`repository` in package.json):
  // images to …/raw/HEAD/…, other links to …/blob/HEAD/….
  await vsce.createVSIX({ cwd: stage, packagePath: out, target, ignoreFile: join(root, ignoreFile), dependencies: false });
  return out;
}

/** Sections of the README for those who build the extension, not those who use it: left out of the packages. */
export const DEVELOPER_SECTIONS = ['Tests', 'Performance', 'How it is built', 'Packaging and publishing'];

/** GitHub's anchor of a heading. */
const slug = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');

/**
 * The README as the Marketplace and the Extensions view show it: without the developers' sections, whose
 * anchors become links into the repository's README (vsce makes relative links absolute), and a pointer to them.
 */
export function marketplaceReadme(readme) {
  const parts = readme.split(/^(?=## )/m);
  const kept = parts.filter((p) => !DEVELOPER_SECTIONS.some((h) => p.startsWith(`## ${h}\n`)));
  const gone = new Set(DEVELOPER_SECTIONS.map(slug));
  let text = kept.join('').replace(/\]\(#([^)\s]+)\)/g, (m, anchor) => (gone.has(anchor) ? `](README.md#${anchor})` : m));
  text = `${text.trimEnd()}\n\n---\n\nHow to build and test it, its performance figures and how it is made: see the [README in the repository](README.md#tests).\n`;
  return text;
}

/** The entries of a zip file from its central directory: name, compressed and original size. */
export function zipEntries(zip) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, method, compressed, size, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The content of the entry `name` of a zip file. */
export function zipRead(zip, name) {
  const e = zipEntries(zip).find((x) => x.name === name);
  if (!e) return undefined;
  const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
  const data = zip.subarray(start, start + e.compressed);
  return e.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}

/** A size as vsce prints it. */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** `--no-build`: package dist/ as it is; `--dist DIR`: build into DIR (REPORT_DIST) and package that;
 * `--out-dir DIR`: write the packages there; `--list`: list the entries of both packages. */
async function main() {
  const argv = process.argv.slice(2);
  const option = (name) => (argv.includes(name) ? resolve(argv[argv.indexOf(name) + 1]) : undefined);
  const dist = option('--dist') ?? join(root, 'dist');
  const outDir = option('--out-dir') ?? root;
  if (!argv.includes('--no-build')) {
    execFileSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'inherit', env: { ...process.env, REPORT_DIST: dist } });
  }
  const results = [];
  for (const kind of Object.keys(packages)) {
    const stage = outDir === root ? undefined : join(outDir, 'stage', kind);
    const file = await makePackage(kind, { out: join(outDir, packages[kind].out), dist, stage });
    results.push({ kind, file, size: statSync(file).size, entries: zipEntries(readFileSync(file)) });
  }
  let failed = false;
  for (const r of results) {
    const over = r.size > LIMIT;
    console.log(`${r.kind}: ${r.file} ${kb(r.size)} (${r.size} bytes, ${r.entries.length} entries; limit ${kb(LIMIT)})${over ? ' — OVER THE LIMIT' : ''}`);
    if (over || argv.includes('--list')) {
      for (const e of [...r.entries].sort((a, b) => b.compressed - a.compressed)) console.log(`  ${kb(e.compressed).padStart(9)}  ${e.name}  (${kb(e.size)} unpacked)`);
    }
    failed ||= over;
  }
  if (failed) {
    console.error(`A package is over ${kb(LIMIT)}.`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
