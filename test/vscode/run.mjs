#!/usr/bin/env node
// Runs the integration suites (out/test/vscode/suite/index.js, built by `node esbuild.mjs --tests`)
// inside a real VS Code, with the extension loaded from this repo in development mode.
// Use `npm run test:vscode`, which builds first.
//
// Modes (env REPORT_VSCODE_RUNNER=electron|code-server; default: electron when a desktop VS Code
// is available through VSCODE_EXECUTABLE_PATH or a `code` CLI on PATH, otherwise code-server):
//   electron     desktop VS Code driven by @vscode/test-electron (downloads VS Code when no
//                executable is given and REPORT_VSCODE_RUNNER=electron is forced).
//   code-server  code-server from the repo's .cache (installed on first use), its workbench opened
//                in headless Chromium (/usr/bin/chromium) by playwright-core; the suite runs in
//                code-server's Node extension host.
//
// Other environment variables:
//   REPORT_VSCODE_GREP       only run tests whose full title matches (mocha `grep`)
//   REPORT_VSCODE_TIMEOUT    overall time limit in seconds (code-server mode, default 600)
//   REPORT_VSCODE_VERBOSE=1  also print code-server's output and the browser console
//   REPORT_VSCODE_KEEP=1     keep the temporary folder (workspace copy, logs, user data)
//   REPORT_VSCODE_UI=0       skip the UI check that follows the suites in code-server mode
//                            (test/vscode/ui-check.mjs, in English then in Chinese; also skipped
//                            with REPORT_VSCODE_GREP)
//   CHROMIUM_PATH            browser executable (default /usr/bin/chromium)
// The suites see REPORT_TEST_WORKSPACE: the absolute path of the opened workspace folder, a
// temporary copy of test/vscode/workspace/.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSuitesInPage } from './suite-page.mjs';
import {
  InstallError,
  ensureCodeServer,
  exitGuard,
  findDesktopVSCode,
  freePort,
  remoteUri,
  startCodeServer,
  workbenchUrl,
} from '../../scripts/install-code-server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsIndex = join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
const fixtureDir = join(repoRoot, 'test', 'vscode', 'workspace');
const verbose = process.env.REPORT_VSCODE_VERBOSE === '1';
const keep = process.env.REPORT_VSCODE_KEEP === '1';
const grep = process.env.REPORT_VSCODE_GREP ?? '';
const timeoutSec = Number(process.env.REPORT_VSCODE_TIMEOUT ?? 600);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const t0 = Date.now();
const elapsed = (from = t0) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[vscode-tests] ${msg}`);

class RunError extends Error {}

function chooseMode() {
  const forced = process.env.REPORT_VSCODE_RUNNER;
  if (forced) {
    if (forced !== 'electron' && forced !== 'code-server') {
      throw new RunError(`REPORT_VSCODE_RUNNER must be "electron" or "code-server", not "${forced}"`);
    }
    return { mode: forced, desktop: forced === 'electron' ? findDesktopVSCode() : undefined };
  }
  const desktop = findDesktopVSCode();
  return desktop ? { mode: 'electron', desktop } : { mode: 'code-server' };
}

function checkBuilt() {
  const missing = [join(repoRoot, 'dist', 'extension.js'), join(repoRoot, 'dist', 'server.js'), testsIndex].filter((f) => !existsSync(f));
  if (missing.length) {
    throw new RunError(`not built: ${missing.join(', ')}\n  run \`npm run test:vscode\` (it builds the extension and the suites first)`);
  }
}

/** A fresh temporary folder with a copy of the fixture workspace. */
function prepareTemp() {
  const tmp = mkdtempSync(join(tmpdir(), 'report-vscode-'));
  const workspace = join(tmp, 'workspace');
  cpSync(fixtureDir, workspace, { recursive: true });
  return { tmp, workspace };
}

function suiteEnv(workspace) {
  const env = { REPORT_TEST_WORKSPACE: workspace };
  if (grep) env.REPORT_VSCODE_GREP = grep;
  return env;
}

// ---------------------------------------------------------------------------------------------
// electron mode

async function runElectron(desktop, workspace) {
  const { runTests } = await import('@vscode/test-electron');
  say(desktop ? `desktop VS Code: ${desktop.executable}` : 'desktop VS Code: downloaded by @vscode/test-electron');
  const code = await runTests({
    ...(desktop ? { vscodeExecutablePath: desktop.executable } : {}),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsIndex,
    extensionTestsEnv: suiteEnv(workspace),
    launchArgs: [workspace, '--disable-extensions'],
  }).then(
    () => 0,
    (err) => {
      // runTests rejects with "Test run failed with code N" when a test fails.
      console.error(`[vscode-tests] ${err?.message ?? err}`);
      return 1;
    },
  );
  return code;
}

// ---------------------------------------------------------------------------------------------
// code-server mode

// Workbench messages that say nothing about the extension under test: connection set-up, chat and
// account features, and what fails offline (extension gallery, GitHub sign-in).
const NOISE = [
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\b/,
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|Creation of workbench contribution)/,
  /ENOTFOUND|ERR_NAME_NOT_RESOLVED|open-vsx\.org|Timed out waiting for authentication provider|^Canceled(: Canceled)*\b/,
];

/**
 * Prints one workbench log message. Without REPORT_VSCODE_VERBOSE=1, known noise is dropped and
 * errors raised inside the workbench itself are shortened to their first line.
 */
function forwardLog(type, text) {
  let line = text;
  if (!verbose) {
    if (NOISE.some((re) => re.test(line))) return;
    if (/\n\s+at .*\/static\/out\/vs\/.*workbench\.js/.test(line)) line = `${line.split('\n')[0]} (workbench)`;
  } else {
    line = `${elapsed()} <${type}> ${line}`;
  }
  (type === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : `${line}\n`);
}

async function runCodeServer(tmp, workspace, state) {
  const { cleanups } = state;
  if (!existsSync(chromiumPath)) {
    throw new RunError(`no browser at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  const tInstall = Date.now();
  const paths = ensureCodeServer({ quiet: true });
  say(`code-server ready in cache (${elapsed(tInstall)})`);

  const tStart = Date.now();
  const port = await freePort();
  const dataDir = join(tmp, 'code-server');
  mkdirSync(dataDir, { recursive: true });
  const env = suiteEnv(workspace);
  const server = await startCodeServer({ paths, dataDir, port, env, output: verbose ? 'inherit' : 'file' });
  cleanups.push(() => server.stop());
  state.killNow = server.killNow;
  say(`code-server listening on ${server.base} (pgid ${server.pgid}, started in ${elapsed(tStart)})`);

  const url = workbenchUrl(server.base, workspace, [
    ['extensionDevelopmentPath', remoteUri(repoRoot)],
    ['extensionTestsPath', remoteUri(testsIndex)],
    ['extensionEnvironment', JSON.stringify(env)],
  ]);
  if (verbose) say(`workbench: ${url}`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    chromiumSandbox: false,
    // Signals are handled here (the code-server process group must be stopped too).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  cleanups.push(() => browser.close().catch(() => {}));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  // The workbench's log: the extension host's console (the suites' output) and the workbench's own
  // messages, which are mostly offline noise; see forwardLog.
  const result = await runSuitesInPage(page, browser, {
    url,
    timeoutSec,
    say,
    log: forwardLog,
    verbose,
    shot: 'vscode-failure.png',
    failures: [server.exited.then((info) => ({ error: `code-server exited during the run (code ${info.code}, signal ${info.signal})` }))],
  });

  if (state.interrupted) return 130;
  if (result.error || result.code !== 0) {
    if (result.error) {
      console.error(`[vscode-tests] FAILED: ${result.error}`);
      const log = server.readLog();
      if (log) console.error(`--- code-server log (tail) ---\n${log.slice(-4000)}`);
      return 1;
    }
  }
  return result.code;
}

// ---------------------------------------------------------------------------------------------
// UI check: test/vscode/ui-check.mjs, with its own code-server on a copy of examples/, drives the
// workbench page like a user and writes the README's screenshots. It ends when this process ends
// (IPC channel).

function runUiCheck(lang) {
  say(`UI check in the workbench, in ${lang === 'zh-cn' ? 'Chinese' : 'English'} (test/vscode/ui-check.mjs)`);
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(repoRoot, 'test', 'vscode', 'ui-check.mjs')], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, REPORT_UI_LANG: lang },
    });
    child.once('error', (err) => {
      console.error(`[vscode-tests] could not run the UI check: ${err.message}`);
      res(1);
    });
    child.once('exit', (c) => res(c ?? 1));
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const state = exitGuard('vscode-tests', { keep, say });
  const { cleanup } = state;

  let code = 1;
  let uiCheck = false;
  try {
    const { mode, desktop } = chooseMode();
    uiCheck = mode === 'code-server' && process.env.REPORT_VSCODE_UI !== '0' && !grep;
    checkBuilt();
    const prepared = prepareTemp();
    state.tmp = prepared.tmp;
    say(`mode: ${mode}; workspace: ${prepared.workspace}${grep ? `; grep: ${grep}` : ''}`);
    code = mode === 'electron' ? await runElectron(desktop, prepared.workspace) : await runCodeServer(prepared.tmp, prepared.workspace, state);
  } catch (err) {
    if (state.interrupted) return;
    if (err instanceof RunError || err instanceof InstallError) console.error(`[vscode-tests] FAILED: ${err.message}`);
    else console.error('[vscode-tests] FAILED:', err);
    code = 1;
  }
  await cleanup().catch((err) => console.error(`[vscode-tests] cleanup: ${err?.message ?? err}`));
  if (state.interrupted) return; // the signal handler exits
  // The UI check runs twice: the workbench in English, then in Chinese (a stub language pack).
  if (code === 0 && uiCheck) code = await runUiCheck('en');
  if (state.interrupted) return;
  if (code === 0 && uiCheck) code = await runUiCheck('zh-cn');
  if (state.interrupted) return;
  say(`${code === 0 ? 'passed' : `failed (exit code ${code})`} — total ${elapsed()}`);
  process.exit(code);
}

await main();
