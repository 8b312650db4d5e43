#!/usr/bin/env node
// Runs the integration suites in VS Code for the web: the extension's `browser` entry in the web extension
// host (a Web Worker of the page), its language server in a worker of its own, the same suites as on the
// desktop (bundled for the browser as out/test/web/index.js), then the UI check of the browser workbench
// (test/vscode/ui-check-web.mjs). Offline: @vscode/test-web serves a VS Code web build from npm
// (scripts/install-test-web.mjs installs both into the cache on first use) and Debian's Chromium, driven
// by playwright-core, opens it. Use `npm run test:web`, which builds first.
//
// Environment:
//   REPORT_VSCODE_GREP       only run tests whose full title matches (applied when the suites are built:
//                            `REPORT_VSCODE_GREP=… npm run test:web`)
//   REPORT_VSCODE_TIMEOUT    overall time limit of the suites in seconds (default 600)
//   REPORT_VSCODE_VERBOSE=1  also print the server's log and the browser console
//   REPORT_VSCODE_KEEP=1     keep the temporary folder (workspace copy)
//   REPORT_VSCODE_UI=0       skip the UI check (also skipped with REPORT_VSCODE_GREP)
//   REPORT_CODE_SERVER_CACHE where the tools are cached (default .cache/)
//   CHROMIUM_PATH            browser executable (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSuitesInPage } from './suite-page.mjs';
import { InstallError, exitGuard, freePort } from '../../scripts/install-code-server.mjs';
import { ensureTestWeb } from '../../scripts/install-test-web.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsIndex = join(repoRoot, 'out', 'test', 'web', 'index.js');
const fixtureDir = join(repoRoot, 'test', 'vscode', 'workspace');
const verbose = process.env.REPORT_VSCODE_VERBOSE === '1';
const keep = process.env.REPORT_VSCODE_KEEP === '1';
const grep = process.env.REPORT_VSCODE_GREP ?? '';
const timeoutSec = Number(process.env.REPORT_VSCODE_TIMEOUT ?? 600);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const t0 = Date.now();
const elapsed = (from = t0) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[web-tests] ${msg}`);

class RunError extends Error {}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts @vscode/test-web's server (no browser of its own) on localhost: the workbench of VS Code for the
 * web with the extension under development, `folder` mounted as the workspace (`vscode-test-web://mount`;
 * changes stay in memory). The page is opened as `vscode.localhost` (`base`): webviews load from
 * `<uuid>.<host of the page>`, which Chromium resolves to this machine too, and under `vscode.localhost`
 * they are on the page's own site, where they may register their service worker (on `<uuid>.localhost`
 * they would be a third party, refused, and stay blank).
 */
export async function startTestWeb({ folder, extensionTestsPath, quiet = true }) {
  const paths = ensureTestWeb({ quiet });
  const { open } = createRequire(import.meta.url)(paths.testWeb);
  const port = await freePort();
  const options = {
    browserType: 'none',
    extensionDevelopmentPath: repoRoot,
    ...(extensionTestsPath ? { extensionTestsPath } : {}),
    folderPath: folder,
    quality: paths.quality,
    commit: paths.commit,
    testRunnerDataDir: paths.dataDir,
    host: 'localhost',
    port,
    esm: false,
    printServerLog: verbose,
  };
  // The server, in this process, says where it listens, which loader it uses, and some requests: only
  // worth showing when verbose.
  if (!verbose && !console.log.quiet) {
    const log = console.log;
    console.log = Object.assign((...args) => {
      // eslint-disable-next-line no-control-regex -- terminal colour codes in the server's log
      if (typeof args[0] === 'string' && /^(Listening on |Using ESM loader|Serving (dev extensions|local content) |(\x1b\[\d*m)*(GET|POST|HEAD) \/)/.test(args[0])) return;
      log(...args);
    }, { quiet: true });
    // A response cut short when the page or the browser goes away: the server reports it as an error.
    const error = console.error;
    console.error = (...args) => {
      if (typeof args[0] === 'string' && args[0].includes('ERR_STREAM_PREMATURE_CLOSE')) return;
      error(...args);
    };
  }
  const server = await open(options);
  return { base: `http://vscode.localhost:${port}`, dispose: () => server.dispose() };
}

/** Headless Debian Chromium, never a browser of playwright's own. */
export async function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new RunError(`no browser at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    chromiumSandbox: false,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: CHROMIUM_ARGS,
  });
}

// Workbench messages that say nothing about the extension under test: what fails offline (extension
// gallery, telemetry, sign-in) and the web workbench's own set-up.
const NOISE = [
  /ERR_NAME_NOT_RESOLVED|ENOTFOUND|ERR_INTERNET_DISCONNECTED|marketplace|gallery|vscode-unpkg|vscode-cdn|update\.code\.visualstudio/i,
  /^\[(Extension Host|Service Worker)\] *$/,
  /^Canceled(: Canceled)*\b/,
];

function forwardLog(type, text) {
  if (!verbose && NOISE.some((re) => re.test(text))) return;
  const line = verbose ? `${elapsed()} <${type}> ${text}` : text;
  (type === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : `${line}\n`);
}

function checkBuilt() {
  const missing = [join(repoRoot, 'dist', 'web', 'extension.js'), join(repoRoot, 'dist', 'web', 'server.js'), testsIndex].filter((f) => !existsSync(f));
  if (missing.length) throw new RunError(`not built: ${missing.join(', ')}\n  run \`npm run test:web\` (it builds the extension and the suites first)`);
}

async function runSuites(state) {
  const { cleanups } = state;
  const tmp = mkdtempSync(join(tmpdir(), 'report-web-'));
  state.tmp = tmp;
  const workspace = join(tmp, 'workspace');
  cpSync(fixtureDir, workspace, { recursive: true });

  const tStart = Date.now();
  const server = await startTestWeb({ folder: workspace, extensionTestsPath: testsIndex });
  cleanups.push(() => server.dispose());
  say(`VS Code for the web on ${server.base} (started in ${elapsed(tStart)}); workspace: ${workspace}${grep ? `; grep: ${grep}` : ''}`);

  const browser = await launchChromium();
  cleanups.push(() => browser.close().catch(() => {}));
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // The clipboard commands need these in a browser, as on vscode.dev after the user allowed them.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  const page = await context.newPage();

  const result = await runSuitesInPage(page, browser, { url: server.base, timeoutSec, say, log: forwardLog, verbose, shot: 'web-failure.png' });
  if (state.interrupted) return 130;
  if (result.error || result.code !== 0) {
    if (result.error) {
      console.error(`[web-tests] FAILED: ${result.error}`);
      return 1;
    }
  }
  return result.code;
}

function runUiCheck() {
  say('UI check in the browser workbench (test/vscode/ui-check-web.mjs)');
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(repoRoot, 'test', 'vscode', 'ui-check-web.mjs')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', (err) => {
      console.error(`[web-tests] could not run the UI check: ${err.message}`);
      res(1);
    });
    child.once('exit', (c) => res(c ?? 1));
  });
}

async function main() {
  const state = exitGuard('web-tests', { keep, say });
  let code = 1;
  try {
    checkBuilt();
    code = await runSuites(state);
  } catch (err) {
    if (state.interrupted) return;
    if (err instanceof RunError || err instanceof InstallError) console.error(`[web-tests] FAILED: ${err.message}`);
    else console.error('[web-tests] FAILED:', err);
    code = 1;
  }
  await state.cleanup().catch((err) => console.error(`[web-tests] cleanup: ${err?.message ?? err}`));
  if (state.interrupted) return;
  if (code === 0 && process.env.REPORT_VSCODE_UI !== '0' && !grep) code = await runUiCheck();
  if (state.interrupted) return;
  say(`${code === 0 ? 'passed' : `failed (exit code ${code})`} — total ${elapsed()}`);
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
