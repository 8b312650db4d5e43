#!/usr/bin/env node
// UI check in VS Code for the web: the extension's browser entry loaded for development into the workbench
// that @vscode/test-web serves (offline, see scripts/install-test-web.mjs), on a copy of the seed
// workspace test/vscode/workspace/, driven through headless Chromium like a user would:
//   1. the seed report sample.report opens from the Explorer;
//   2. the status bar item shows its character count, paid share and its 2 blanks;
//   3. the Outline lists its three sections (expanded by their twisties) and the paid region;
//   4. the Problems panel lists the 2 blanks, from source `report`, in English;
//   5. a click on the status bar item opens the statistics view, whose page shows the same figures.
// What the page showed is printed; test-results/web-workbench.png is the workbench at the end. On a
// failed check it saves test-results/web-ui-check-failure.png and the browser console, and exits with 1.
//
//   npm run build && node test/vscode/ui-check-web.mjs
//
// `npm run test:web` runs it after the suites (test/vscode/run-web.mjs). Environment:
//   REPORT_VSCODE_VERBOSE=1  print the browser console
//   REPORT_VSCODE_KEEP=1     keep the temporary folder
//   REPORT_UI_TIMEOUT        overall time limit in seconds (default 240)
//   CHROMIUM_PATH            browser executable (default /usr/bin/chromium)
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { InstallError, exitGuard } from '../../scripts/install-code-server.mjs';
import { launchChromium, startTestWeb } from './run-web.mjs';

import { CheckError, WAIT_MS, runChecks, runCommand, waitInPage, waitVisible } from './page-checks.mjs';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtureDir = join(repoRoot, 'test', 'vscode', 'workspace');
const resultsDir = join(repoRoot, 'test-results');
const verbose = process.env.REPORT_VSCODE_VERBOSE === '1';
const keep = process.env.REPORT_VSCODE_KEEP === '1';
const timeoutSec = Number(process.env.REPORT_UI_TIMEOUT ?? 240);

const REPORT = 'sample.report';
const VIEWPORT = { width: 1400, height: 900 };
/** The sections of sample.report, at the top level of the Outline, and where the paid region comes: a leaf
 * inside the section its begin marker is in (symbols nest, so the breadcrumbs keep the section path). */
const SECTIONS = ['一、主要工作完成情况', '二、存在的问题和不足', '三、下一步工作打算'];
const PAID = 'Paid content';
const ORDER = [SECTIONS[0], SECTIONS[1], PAID, SECTIONS[2]];
/** Its blanks, in order: the text and the line (1-based). */
const BLANKS = [
  ['x', 7],
  ['xx', 7],
];

const t0 = Date.now();
const elapsed = (from = t0) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[web-ui-check] ${msg}`);

async function checks(page, step) {
  await step('the Explorer shows the seed workspace', async () => {
    await waitVisible(page.locator('.monaco-workbench'), 'the workbench');
    await waitVisible(page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT }), `"${REPORT}" in the Explorer`);
  });

  await step(`${REPORT} opens from the Explorer`, async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT }).first().click();
    await waitVisible(page.locator('.tabs-container .tab.active', { hasText: REPORT }), `the editor tab of ${REPORT}`);
    await waitInPage(page, 'the report text in the editor', () =>
      document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent.includes('履职情况'),
    );
  });

  await step('the status bar shows the character count, the paid share and the blanks', async () => {
    const text = await waitInPage(page, 'a status bar item with the character count ("… chars")', () =>
      [...document.querySelectorAll('.statusbar-item')].map((el) => el.textContent.trim()).find((t) => /^\d[\d,]* chars\b/.test(t)),
    );
    const m = /^(\d[\d,]*) chars · (\d+)% paid · (\d+) blanks$/.exec(text);
    if (!m) throw new CheckError(`the status bar item reads "${text}", expected "N chars · P% paid · 2 blanks"`);
    if (Number(m[1].replace(/,/g, '')) < 300) throw new CheckError(`the status bar counts ${m[1]} characters: too few for ${REPORT}`);
    if (!(Number(m[2]) > 0 && Number(m[2]) < 50)) throw new CheckError(`the paid share is ${m[2]}%: the paid region is one section of three`);
    if (Number(m[3]) !== BLANKS.length) throw new CheckError(`the status bar counts ${m[3]} blanks, expected ${BLANKS.length}`);
    say(`    "${text}"`);
  });

  await step('the Outline lists the sections and the paid region', async () => {
    await runCommand(page, 'Explorer: Focus on Outline View');
    // Room for every row (the list renders only those in view): collapse the file list above it.
    const filesHeader = page.locator('.pane-header', { hasText: /test files/i });
    if ((await filesHeader.getAttribute('aria-expanded')) === 'true') await filesHeader.click();
    const outline = page.locator('.outline-pane');
    await waitVisible(outline, 'the Outline view');
    await waitVisible(outline.locator('.monaco-list-row', { hasText: SECTIONS[0] }), `"${SECTIONS[0]}" in the Outline`);
    const collapsed = outline.locator('.monaco-list-row[aria-expanded="false"]');
    for (let i = 0; i < 20 && (await collapsed.count()) > 0; i++) {
      const row = collapsed.first();
      const id = await row.getAttribute('id');
      await row.locator('.monaco-tl-twistie').click();
      await outline.locator(`.monaco-list-row[id="${id}"][aria-expanded="true"]`).waitFor({ timeout: WAIT_MS });
    }
    const rows = await waitInPage(
      page,
      `the Outline to list ${ORDER.join(' / ')}`,
      (names) => {
        const rows = [...document.querySelectorAll('.outline-pane .monaco-list-row')].map((r) => ({
          name: r.querySelector('.label-name')?.textContent ?? '',
          detail: r.querySelector('.label-description')?.textContent ?? '',
          level: Number(r.getAttribute('aria-level')),
        }));
        return names.every((n) => rows.some((r) => r.name === n)) && rows;
      },
      ORDER,
    );
    const order = rows.map((r) => r.name).filter((n) => ORDER.includes(n));
    if (order.join('|') !== ORDER.join('|')) throw new CheckError(`the Outline's order is ${order.join(' / ')}, expected ${ORDER.join(' / ')}`);
    for (const name of SECTIONS) {
      const row = rows.find((r) => r.name === name);
      if (row.level !== 1) throw new CheckError(`"${name}" is at level ${row.level} of the Outline, expected 1`);
    }
    const paidRow = rows.find((r) => r.name === PAID);
    if (paidRow.level < 2) throw new CheckError(`"${PAID}" is at level ${paidRow.level} of the Outline, expected inside a section`);
    for (const name of SECTIONS) {
      const row = rows.find((r) => r.name === name);
      if (!/^\d+ chars$/.test(row.detail)) throw new CheckError(`"${name}" shows "${row.detail}" next to it, expected its character count`);
    }
    const paid = rows.find((r) => r.name === PAID);
    if (!/^\d+ chars, \d+%$/.test(paid.detail)) throw new CheckError(`the paid region's row shows "${paid.detail}", expected "N chars, P%"`);
    say(`    ${rows.length} rows: ${rows.map((r) => `${'  '.repeat(r.level - 1)}${r.name} (${r.detail})`).join('; ')}`);
  });

  await step('the Problems panel lists the blanks, from source "report", in English', async () => {
    await runCommand(page, 'View: Focus Problems');
    const rows = await waitInPage(page, `the Problems panel to list the ${BLANKS.length} blanks`, (n) => {
      const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => ({
        message: r.querySelector('.marker-message')?.textContent ?? '',
        source: r.querySelector('.marker-source')?.textContent ?? '',
        code: r.querySelector('.marker-code')?.textContent ?? '',
        line: r.querySelector('.marker-line')?.textContent ?? '',
      }));
      return rows.filter((r) => r.code === 'placeholder').length >= n && rows;
    }, BLANKS.length);
    const blanks = rows.filter((r) => r.code === 'placeholder');
    if (blanks.length !== BLANKS.length) throw new CheckError(`${blanks.length} blank problems, expected ${BLANKS.length}: ${blanks.map((b) => b.message).join(' / ')}`);
    BLANKS.forEach(([raw, line], i) => {
      if (!blanks[i].message.startsWith(`Blank "${raw}" left to fill`)) throw new CheckError(`problem ${i + 1} says "${blanks[i].message}", expected the blank "${raw}"`);
      if (!new RegExp(`^\\[Ln ${line}, Col \\d+\\]$`).test(blanks[i].line)) throw new CheckError(`problem ${i + 1} is at ${blanks[i].line}, expected line ${line}`);
    });
    for (const r of rows.filter((r) => r.message)) {
      if (r.source !== 'report') throw new CheckError(`a problem from source "${r.source}", expected "report": ${r.message}`);
    }
    say(`    ${rows.filter((r) => r.message).length} problems: ${rows.filter((r) => r.message).map((r) => `${r.code} ${r.line}`).join(', ')}`);
  });

  await step('the status bar item opens the statistics view with the same figures', async () => {
    const item = page.locator('.statusbar-item', { hasText: /^\s*\d[\d,]* chars\b/ });
    const text = (await item.first().textContent()).trim();
    const [, chars, paid] = /^(\d[\d,]*) chars · (\d+)% paid/.exec(text);
    await item.first().click();
    await waitVisible(page.locator('.tabs-container .tab', { hasText: `Statistics: ${REPORT}` }), 'the statistics tab');
    // The view is a webview: its page is a frame of a frame, on a host of its own.
    const deadline = Date.now() + WAIT_MS;
    let seen = '';
    for (;;) {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame() || !frame.url().includes('/webview/')) continue;
        const body = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (body.includes('Report Statistics') && body.includes('Blanks left to fill')) seen = body;
      }
      if (seen || Date.now() > deadline) break;
      await page.waitForTimeout(200);
    }
    if (!seen) throw new CheckError('the statistics view shows nothing (its webview did not load)');
    const lines = seen.split('\n').map((l) => l.trim()).filter(Boolean);
    const after = (label) => lines[lines.indexOf(label) + 1];
    if (after('Characters') !== chars) throw new CheckError(`the statistics view counts ${after('Characters')} characters, the status bar ${chars}`);
    if (after('Blanks left to fill') !== String(BLANKS.length)) throw new CheckError(`the statistics view counts ${after('Blanks left to fill')} blanks, expected ${BLANKS.length}`);
    if (!seen.includes(`${paid}% of the report`)) throw new CheckError(`the statistics view does not show the paid share ${paid}%`);
    for (const name of SECTIONS) if (!seen.includes(name)) throw new CheckError(`the statistics view does not list the section "${name}"`);
    say(`    ${lines.slice(0, 12).join(' | ')}`);
  });
}

async function main() {
  const guard = exitGuard('web-ui-check', { keep, say });
  const { cleanups, cleanup } = guard;
  if (process.send) process.once('disconnect', () => guard.interrupt());
  const log = [];
  let page;
  let code = 1;
  try {
    for (const f of [join(repoRoot, 'dist', 'web', 'extension.js'), join(repoRoot, 'dist', 'web', 'server.js')]) {
      if (!existsSync(f)) throw new CheckError(`not built: ${f} (run \`npm run build\`)`);
    }
    for (const f of ['web-ui-check-failure.png', 'web-ui-check-browser.log']) rmSync(join(resultsDir, f), { force: true });
    const tmp = (guard.tmp = mkdtempSync(join(tmpdir(), 'report-web-ui-')));
    const workspace = join(tmp, 'workspace');
    cpSync(fixtureDir, workspace, { recursive: true });

    const tStart = Date.now();
    const server = await startTestWeb({ folder: workspace });
    cleanups.push(() => server.dispose());
    const browser = await launchChromium();
    cleanups.push(() => browser.close().catch(() => {}));
    say(`VS Code for the web on ${server.base} and the browser up in ${elapsed(tStart)}`);

    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    page = await context.newPage();
    page.on('console', (msg) => {
      log.push(`[browser] ${msg.type()}: ${msg.text()}`);
      if (verbose) console.log(`[browser] ${msg.type()}: ${msg.text()}`);
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => log.push(`[workbench] <${type}> ${Array.isArray(args) ? format(...args) : format(args)}`));

    await runChecks(page, server.base, async (p, step) => {
      await checks(p, step);
      mkdirSync(resultsDir, { recursive: true });
      await p.screenshot({ path: join(resultsDir, 'web-workbench.png') });
    }, { timeoutSec, say });
    code = 0;
  } catch (err) {
    if (guard.interrupted) return;
    mkdirSync(resultsDir, { recursive: true });
    if (err instanceof CheckError || err instanceof InstallError) console.error(`[web-ui-check] FAILED: ${err.message}`);
    else console.error('[web-ui-check] FAILED:', err);
    if (page) {
      const shot = join(resultsDir, 'web-ui-check-failure.png');
      await page.screenshot({ path: shot }).then(
        () => say(`screenshot of the workbench: ${shot}`),
        () => {},
      );
    }
    if (log.length) {
      const logFile = join(resultsDir, 'web-ui-check-browser.log');
      writeFileSync(logFile, log.join('\n') + '\n');
      say(`browser console: ${logFile}`);
    }
    code = 1;
  }
  await cleanup().catch((err) => console.error(`[web-ui-check] cleanup: ${err?.message ?? err}`));
  if (guard.interrupted) return;
  say(`${code === 0 ? 'passed' : 'failed'} — total ${elapsed()}`);
  process.exit(code);
}

await main();
