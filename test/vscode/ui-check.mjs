#!/usr/bin/env node
// UI check in the real workbench: code-server with the extension loaded for development, on a
// temporary copy of examples/, driven through headless Chromium by playwright-core like a user
// would (clicks and keys), asserting what the page shows:
//   1. the sample report examples/2024年度述职报告.report opens from the Explorer;
//   2. the status bar item shows its character count, paid share and blanks;
//   3. the Outline lists its sections, nested (expanded by their twisties), and the paid region;
//   4. the Problems panel lists the blanks and the paragraph without final punctuation, from
//      source `report`, in English (the workbench's default display language, which the server's
//      messages follow);
//   5. the paid region has its background from the begin marker on, the markers their own
//      colours, and the overview ruler marks both;
//   6. selecting text shows the selected count in the status bar;
//   7. the light bulb and Ctrl+. offer the quick fix for that paragraph; choosing it adds the "。"
//      in the editor's rendered lines, and the problem leaves the Problems panel;
//   8. the Command Palette lists the extension's commands under its category;
//   9. hovering a blank shows what to fill in;
//  10. Change Language Mode finds the language by "work" and by "述职".
// With REPORT_UI_LANG=zh-cn the same checks run with the workbench in Chinese: a stub language pack
// (an empty translation table for VS Code itself, see makeLanguagePack) makes code-server take
// --locale zh-cn, so the extension's own texts (status bar, commands, Outline, problems, hover,
// quick fixes) must all be Chinese; the workbench's own UI stays English.
//  11. a report saved in GBK (written into the workspace copy from test/fixtures/gbk-report.txt)
//      opens readable: its first heading shows in the editor and the Outline, the status bar names
//      the encoding VS Code guessed, and no encoding problem is listed.
// On the way it takes the README's screenshots for docs/images/ (workbench.png, quickfix.png,
// outline.png; in Chinese workbench.zh-cn.png; a file is rewritten only when its picture changed). On a failed check it saves
// test-results/ui-check-failure.png, the browser console and code-server's log, and exits with 1.
//
//   npm run build && node test/vscode/ui-check.mjs
//
// `npm run test:vscode` runs it after the integration suites in code-server mode (test/vscode/run.mjs).
// Environment:
//   REPORT_VSCODE_VERBOSE=1  print code-server's output and the browser console
//   REPORT_VSCODE_KEEP=1     keep the temporary folder
//   REPORT_UI_TIMEOUT        overall time limit in seconds (default 240)
//   REPORT_UI_SCREENSHOTS=0  do not write docs/images/
//   CHROMIUM_PATH            browser executable (default /usr/bin/chromium)
//   REPORT_UI_LANG=zh-cn     the workbench in Chinese (default: English)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import {
  InstallError,
  ensureCodeServer,
  exitGuard,
  freePort,
  remoteUri,
  startCodeServer,
  workbenchUrl,
} from '../../scripts/install-code-server.mjs';
import { encodeGbk } from '../fixtures/gbk.mjs';

import { CheckError, WAIT_MS, pollInPage, runChecks, runCommand, waitInPage, waitVisible } from './page-checks.mjs';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examplesDir = join(repoRoot, 'examples');
const imagesDir = join(repoRoot, 'docs', 'images');
const resultsDir = join(repoRoot, 'test-results');
const verbose = process.env.REPORT_VSCODE_VERBOSE === '1';
const keep = process.env.REPORT_VSCODE_KEEP === '1';
let screenshots = process.env.REPORT_UI_SCREENSHOTS !== '0';
const timeoutSec = Number(process.env.REPORT_UI_TIMEOUT ?? 240);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const REPORT = '2024年度述职报告.report';
/** The GBK report written into the workspace copy, and its first heading. */
const GBK_REPORT = '2025年度个人述职报告.txt';
const GBK_HEADING = '一、履职基本情况';
const LANG = process.env.REPORT_UI_LANG === 'zh-cn' ? 'zh-cn' : 'en';
const ZH = LANG === 'zh-cn';

/** What the extension shows, in the display language of the run. */
const TEXT = ZH
  ? {
      count: /^\d[\d,]* 字/,
      countOf: (total) => new RegExp(`^已选 \\d+/${total} 字`),
      selected: /^已选 (\d+)\//,
      countIs: (total) => `${total} 字`,
      totalOf: /^(\d[\d,]*) 字/,
      paid: /付费 \d+%/,
      blanks: /待填 4 处/,
      paidContent: '付费内容',
      sectionDetail: /^\d+ 字$/,
      paidDetail: /^\d+ 字，占 \d+%$/,
      blank: (raw, what) => `待填空白“${raw}”：请填写${what}。`,
      blankWhat: ['百分比数值', '数量', '名次', '数量'],
      paragraph: '段落没有结束标点',
      fix: '在段末加“。”',
      hover: '待填空白',
      hoverWhat: '百分比数值（如 12.5%）',
    }
  : {
      count: /^\d[\d,]* chars\b/,
      countOf: (total) => new RegExp(`^\\d+ of ${total} chars`),
      selected: /^(\d+) of/,
      countIs: (total) => `${total} chars`,
      totalOf: /^(\d[\d,]*) chars/,
      paid: /\d+% paid/,
      blanks: /\b4 blanks\b/,
      paidContent: 'Paid content',
      sectionDetail: /^\d+ chars$/,
      paidDetail: /^\d+ chars, \d+%$/,
      blank: (raw, what) => `Blank "${raw}" left to fill: enter ${what}.`,
      blankWhat: ['a percentage', 'a number', 'a rank', 'a number'],
      paragraph: 'The paragraph has no final punctuation',
      fix: 'Add "。" at the end of the paragraph',
      hover: 'Blank to fill',
      hoverWhat: 'a percentage (e.g. 12.5%)',
    };
/** The extension's command titles and category as the manifest gives them in this language. */
const NLS = JSON.parse(readFileSync(join(repoRoot, ZH ? 'package.nls.zh-cn.json' : 'package.nls.json'), 'utf8'));
/** The picture names: in Chinese only the workbench, as workbench.zh-cn.png (the README shows it); none for the others. */
const picture = (name) => (!ZH ? name : name === 'workbench.png' ? 'workbench.zh-cn.png' : undefined);
const VIEWPORT = { width: 1600, height: 1000 };
/** How long one condition may take to show up in the page. */

const t0 = Date.now();
const elapsed = (from = t0) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[ui-check] ${msg}`);

/** A failed check: its message is the whole story (no stack trace needed). */
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
  // Steady pictures: the same screenshots run after run.
  'editor.cursorBlinking': 'solid',
  'workbench.reduceMotion': 'on',
  // Collapsed at first, so that the check expands the sections as a user would.
  'outline.collapseItems': 'alwaysCollapse',
  'problems.defaultViewMode': 'tree',
  'files.autoSave': 'off',
};

// ---------------------------------------------------------------------------------------------
// Page helpers (the shared ones are in page-checks.mjs)

/** The text of the active editor as rendered (`.view-lines`): its view lines, top to bottom. */
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

/**
 * How many pixels of two PNG pictures differ clearly (a channel by more than 64 of 255), compared
 * in a blank page of the browser; -1 when their sizes differ.
 */
async function pictureDifference(context, a, b) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async ([a, b]) => {
      const load = (b64) =>
        new Promise((res, rej) => {
          const img = new Image();
          img.onload = () => res(img);
          img.onerror = () => rej(new Error('not a picture'));
          img.src = `data:image/png;base64,${b64}`;
        });
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      if (ia.width !== ib.width || ia.height !== ib.height) return -1;
      const pixels = (img) => {
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, img.width, img.height).data;
      };
      const [pa, pb] = [pixels(ia), pixels(ib)];
      let n = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (Math.abs(pa[i] - pb[i]) > 64 || Math.abs(pa[i + 1] - pb[i + 1]) > 64 || Math.abs(pa[i + 2] - pb[i + 2]) > 64) n++;
      }
      return n;
    }, [a.toString('base64'), b.toString('base64')]);
  } catch {
    return -1;
  } finally {
    await blank.close();
  }
}

/**
 * Saves a screenshot to docs/images/. A picture that differs from the one there only in the
 * anti-aliasing of its text leaves the file as it is (no change to commit).
 */
/** Pixels that may differ (by more than a quarter of a channel) for a screenshot to count as unchanged. */
const SAME_PICTURE_PIXELS = 2000;

async function shoot(page, name, opts = {}) {
  if (!screenshots || !name) return;
  mkdirSync(imagesDir, { recursive: true });
  const file = join(imagesDir, name);
  const png = await page.screenshot(opts);
  const rel = file.slice(repoRoot.length + 1);
  if (existsSync(file)) {
    const diff = await pictureDifference(page.context(), readFileSync(file), png);
    // A blinking caret or a hover shadow is no change worth a new picture.
    if (diff >= 0 && diff <= SAME_PICTURE_PIXELS) {
      say(`screenshot ${rel}: unchanged (${diff} pixels differ)`);
      return;
    }
  }
  writeFileSync(file, png);
  // Pictures ship in the package: reduced to a palette when pngquant is installed (not needed for the check).
  const quant = spawnSync('pngquant', ['--quality=70-95', '--speed', '1', '--force', '--output', file, file], { stdio: 'ignore' });
  say(`screenshot ${rel}: written${quant.status === 0 ? ' (pngquant)' : ''}`);
}

// ---------------------------------------------------------------------------------------------
// Layout: give the Outline and the editor room (sash drags, as a user would).

/** Drags a sash (found by `pick` among the visible sashes of `kind`) by/to a position. */
async function dragSash(page, kind, pick, to, what) {
  const sashes = page.locator(`.monaco-sash.${kind}:not(.disabled)`);
  const boxes = [];
  for (let i = 0; i < (await sashes.count()); i++) {
    const box = await sashes.nth(i).boundingBox();
    if (box && box.width > 0 && box.height > 0) boxes.push(box);
  }
  const box = boxes.find(pick);
  if (!box) throw new CheckError(`no sash for ${what}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(to.x ?? x, to.y ?? y, { steps: 8 });
  await page.mouse.up();
}

const near = (a, b, tol = 4) => Math.abs(a - b) <= tol;

// ---------------------------------------------------------------------------------------------
// The checks

/** The report's sections as the Outline should show them: name and tree level. */
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
/** The blanks of the report, in order, with what the Problems panel asks to enter. */
const BLANKS = [
  ['x', 'a percentage'],
  ['xx', 'a number'],
  ['xx', 'a rank'],
  ['xxx', 'a number'],
];
const UNPUNCTUATED = '用理论指导实践的能力进一步增强';
const FIX_TITLE = TEXT.fix;

/** `#rrggbb[aa]` → [r, g, b, a (0..1)]. */
function hexColor(hex) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), m[4] ? parseInt(m[4], 16) / 255 : 1];
}

/** The dark-theme defaults of the colours the extension contributes (the check runs a dark theme). */
function contributedColors() {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const out = {};
  for (const c of pkg.contributes?.colors ?? []) out[c.id] = hexColor(c.defaults.dark);
  return out;
}

async function checks(page, step) {
  const colors = contributedColors();

  await step('the Explorer shows the examples folder', async () => {
    await waitVisible(page.locator('.monaco-workbench'), 'the workbench');
    await waitVisible(page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT }), `"${REPORT}" in the Explorer`);
  });

  await step('the report opens from the Explorer', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT }).first().click();
    await waitVisible(page.locator('.tabs-container .tab.active', { hasText: REPORT }), `the editor tab of ${REPORT}`);
    await waitInPage(page, 'the report text in the editor', () =>
      document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent.includes('坚持理论武装'),
    );
  });

  let total;
  await step('the status bar shows the character count', async () => {
    const text = await waitInPage(page, `a status bar item with the character count (${TEXT.count})`, (re) =>
      [...document.querySelectorAll('.statusbar-item')].map((el) => el.textContent.trim()).find((t) => new RegExp(re).test(t)),
      TEXT.count.source,
    );
    total = TEXT.totalOf.exec(text)[1];
    if (!TEXT.paid.test(text)) throw new CheckError(`the status bar item does not show the paid share: "${text}"`);
    if (!TEXT.blanks.test(text)) throw new CheckError(`the status bar item does not show the 4 blanks: "${text}"`);
    say(`    "${text}"`);
  });

  await step(`the Command Palette lists the commands under "${NLS['command.category']}"`, async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await waitVisible(input, 'the Command Palette');
    const labels = ['command.showStatistics', 'command.renumberHeadings', 'command.insertNextHeading'].map((k) => `${NLS['command.category']}: ${NLS[k]}`);
    // The list draws only the rows in view: each command is looked for by its own name.
    for (const label of labels) {
      await input.fill(`>${label}`);
      await waitInPage(page, `the command ${label}`, (l) => [...document.querySelectorAll('.quick-input-widget .monaco-list-row .label-name')].some((el) => el.textContent.trim() === l), label);
    }
    await input.fill(`>${NLS['command.category']}: `);
    const shown = await waitInPage(page, `the commands under ${NLS['command.category']}`, () => {
      const rows = [...document.querySelectorAll('.quick-input-widget .monaco-list-row .label-name')].map((el) => el.textContent.trim());
      return rows.length > 0 && rows;
    });
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
    say(`    ${shown.filter((r) => r.startsWith(NLS['command.category'])).length} commands, e.g. "${labels[0]}"`);
  });

  await step('Change Language Mode finds the language by its English and its Chinese name', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const name = pkg.contributes.languages.find((l) => l.id === 'report').aliases[0];
    // The status bar names the report's language; clicking it opens the language picker.
    const mode = page.locator('.statusbar-item', { hasText: name });
    await waitVisible(mode, `"${name}" in the status bar`);
    for (const typed of ['work', '述职']) {
      await mode.first().click();
      const input = page.locator('.quick-input-widget input');
      await waitVisible(input, 'the language picker');
      await input.fill(typed);
      await waitInPage(
        page,
        `"${name}" in the language picker for "${typed}"`,
        (name) => [...document.querySelectorAll('.quick-input-widget .monaco-list-row .label-name')].some((el) => el.textContent.trim() === name),
        name,
      );
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
    }
    say(`    "${name}" found by "work" and by "述职"`);
  });

  await step('the Outline lists the sections, nested, and the paid region', async () => {
    // A wider side bar, so that the section names fit.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    await dragSash(page, 'vertical', (b) => near(b.x + b.width / 2, sidebar.x + sidebar.width), { x: sidebar.x + 460 }, 'the side bar width');
    await runCommand(page, 'Explorer: Focus on Outline View');
    const outline = page.locator('.outline-pane');
    await waitVisible(outline, 'the Outline view');
    // Room for the whole outline: move the Outline's top edge up to just below the file list.
    const files = await page.locator('.explorer-folders-view .monaco-list-rows').boundingBox();
    const header = await page.locator('.pane-header', { hasText: /^Outline/ }).boundingBox();
    if (header.y > files.y + files.height + 40) {
      await dragSash(page, 'horizontal', (b) => near(b.y + b.height / 2, header.y, 6) && near(b.x, header.x, 10), { y: files.y + files.height + 30 }, 'the Outline’s size');
    }
    // The sections start collapsed (outline.collapseItems): expand them by their twisties.
    const first = outline.locator('.monaco-list-row', { hasText: SECTIONS[0][0] });
    await waitVisible(first, `"${SECTIONS[0][0]}" in the Outline`);
    const collapsed = outline.locator('.monaco-list-row[aria-expanded="false"]');
    for (let i = 0; i < 20 && (await collapsed.count()) > 0; i++) {
      const row = collapsed.first();
      const id = await row.getAttribute('id');
      await row.locator('.monaco-tl-twistie').click();
      await outline.locator(`.monaco-list-row[id="${id}"][aria-expanded="true"]`).waitFor({ timeout: WAIT_MS });
    }
    const want = [...SECTIONS.map(([name]) => name), TEXT.paidContent];
    const rows = await waitInPage(
      page,
      `the Outline to list ${want.join(' / ')}`,
      (names) => {
        const rows = [...document.querySelectorAll('.outline-pane .monaco-list-row')].map((r) => ({
          name: r.querySelector('.label-name')?.textContent ?? '',
          detail: r.querySelector('.label-description')?.textContent ?? '',
          level: Number(r.getAttribute('aria-level')),
          expanded: r.getAttribute('aria-expanded'),
        }));
        return names.every((n) => rows.some((r) => r.name === n)) && rows.every((r) => r.expanded !== 'false') && rows;
      },
      want,
    );
    for (const [name, level] of SECTIONS) {
      const row = rows.find((r) => r.name === name);
      if (row.level !== level) throw new CheckError(`"${name}" is at level ${row.level} of the Outline, expected ${level}`);
      if (!TEXT.sectionDetail.test(row.detail)) throw new CheckError(`"${name}" shows "${row.detail}" next to it, expected its character count`);
    }
    const order = rows.map((r) => r.name).filter((n) => want.includes(n));
    const expectedOrder = [...SECTIONS.slice(0, 8).map(([n]) => n), TEXT.paidContent, ...SECTIONS.slice(8).map(([n]) => n)];
    if (order.join('|') !== expectedOrder.join('|')) throw new CheckError(`the Outline's order is ${order.join(' / ')}`);
    const paid = rows.find((r) => r.name === TEXT.paidContent);
    if (!TEXT.paidDetail.test(paid.detail)) throw new CheckError(`the paid region's row shows "${paid.detail}", expected ${TEXT.paidDetail}`);
    // The paid region's row is a leaf inside the section it begins in (symbols nest).
    const paidLevel = paid.level;
    const host = rows.slice(0, rows.indexOf(paid)).reverse().find((r) => r.level < paidLevel);
    if (!host || paidLevel < 2) throw new CheckError(`the paid region's row is at level ${paidLevel}, not inside a section`);
    say(`    ${rows.length} rows; paid region: ${paid.detail}`);
    if (screenshots) {
      const box = await page.locator('.part.sidebar').boundingBox();
      const rowsBox = await page.locator('.outline-pane .monaco-list-rows').boundingBox();
      await shoot(page, picture('outline.png'), { clip: { x: 0, y: 0, width: box.x + box.width + 420, height: Math.min(VIEWPORT.height, rowsBox.y + rowsBox.height + 12) } });
    }
  });

  await step(`the Problems panel lists the blanks, from source "report", in ${ZH ? 'Chinese' : 'English'}`, async () => {
    await runCommand(page, 'View: Focus Problems');
    const rows = await waitInPage(
      page,
      'the Problems panel to list the 4 blanks and the paragraph without final punctuation',
      () => {
        const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => ({
          message: r.querySelector('.marker-message')?.textContent ?? '',
          source: r.querySelector('.marker-source')?.textContent ?? '',
          code: r.querySelector('.marker-code')?.textContent ?? '',
          line: r.querySelector('.marker-line')?.textContent ?? '',
        }));
        const blanks = rows.filter((r) => r.code === 'placeholder');
        return blanks.length >= 4 && rows.some((r) => r.code === 'paragraph-end-punctuation') && rows;
      },
    );
    const blanks = rows.filter((r) => r.code === 'placeholder');
    if (blanks.length !== BLANKS.length) throw new CheckError(`${blanks.length} blank problems, expected ${BLANKS.length}: ${blanks.map((b) => b.message).join(' / ')}`);
    BLANKS.forEach(([raw], i) => {
      const want = TEXT.blank(raw, TEXT.blankWhat[i]);
      if (blanks[i].message !== want) throw new CheckError(`problem ${i + 1} says "${blanks[i].message}", expected "${want}"`);
    });
    for (const r of rows.filter((r) => r.message)) {
      if (r.source !== 'report') throw new CheckError(`a problem from source "${r.source}", expected "report": ${r.message}`);
    }
    const para = rows.find((r) => r.code === 'paragraph-end-punctuation');
    if (!para.message.startsWith(TEXT.paragraph) || !para.message.includes('进一步增强')) {
      throw new CheckError(`the paragraph problem says "${para.message}"`);
    }
    if (!/^\[Ln 5, Col \d+\]$/.test(para.line)) throw new CheckError(`the paragraph problem is at ${para.line}, expected line 5`);
    say(`    ${rows.filter((r) => r.message).length} problems, all from "report"`);
    // Make the panel as tall as its content, so that the editor shows the whole report.
    const panel = await page.locator('.part.panel').boundingBox();
    const list = await page.locator('.markers-panel .monaco-list-rows').boundingBox();
    const wanted = Math.ceil(list.y - panel.y + list.height + 14);
    if (panel.height > wanted + 4) {
      await dragSash(page, 'horizontal', (b) => near(b.y + b.height / 2, panel.y, 6) && b.width > 300, { y: panel.y + panel.height - wanted }, 'the panel height');
    }
  });

  await step('hovering a blank says what to fill in', async () => {
    // The first blank, "x" of "x%", in the rendered text: its place on screen from a DOM range.
    const at = await waitInPage(page, 'the blank "x%" on screen', () => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      for (const span of editor?.querySelectorAll('.view-lines .view-line span') ?? []) {
        if (span.children.length) continue;
        const node = span.firstChild;
        // The blank is a token of its own ("x" then "%…") or inside a longer one ("…x%…").
        const own = span.textContent === 'x' && span.nextElementSibling?.textContent.startsWith('%');
        const i = own ? 0 : (node?.textContent.indexOf('x%') ?? -1);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        const box = r.getBoundingClientRect();
        if (box.width > 0) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return null;
    });
    await page.mouse.move(at.x - 30, at.y);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const text = await waitInPage(
      page,
      `a hover with "${TEXT.hover}" and "${TEXT.hoverWhat}"`,
      ([a, b]) => [...document.querySelectorAll('.monaco-hover .hover-contents')].map((el) => el.textContent).find((t) => t.includes(a) && t.includes(b)),
      [TEXT.hover, TEXT.hoverWhat],
    );
    say(`    "${text.trim().slice(0, 80)}"`);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  await step('the paid region is highlighted in the text and marked in the overview ruler', async () => {
    const expect = {
      region: colors['report.paidRegionBackground'],
      marker: colors['report.paidMarkerBackground'],
      markerText: colors['report.paidMarkerForeground'],
      regionRuler: colors['report.paidRegionOverviewRuler'],
      markerRuler: colors['report.paidMarkerOverviewRuler'],
    };
    await pollInPage(
      page,
      'the paid-region decorations',
      (expect) => {
        const parse = (css) => {
          const m = /rgba?\(([^)]+)\)/.exec(css);
          if (!m) return [0, 0, 0, 0];
          const v = m[1].split(',').map(Number);
          return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
        };
        const same = (css, want) => {
          const c = parse(css);
          return c.slice(0, 3).every((v, i) => Math.abs(v - want[i]) <= 3) && Math.abs(c[3] - want[3]) <= 0.02;
        };
        const editor = document.querySelector('.editor-group-container.active .monaco-editor');
        if (!editor) return 'no editor';
        const lines = [...editor.querySelectorAll('.view-lines .view-line')]
          .map((el) => ({ el, top: el.getBoundingClientRect().top, text: el.textContent }))
          .sort((a, b) => a.top - b.top);
        const begin = lines.find((l) => l.text.includes('##paidbegin##'));
        const end = lines.find((l) => l.text.includes('##paidend##'));
        if (!begin || !end) return 'the markers are not on screen';
        const overlays = [...editor.querySelectorAll('.view-overlays .cdr')].map((el) => ({ el, box: el.getBoundingClientRect(), bg: getComputedStyle(el).backgroundColor }));
        const region = overlays.filter((o) => same(o.bg, expect.region));
        const marker = overlays.filter((o) => same(o.bg, expect.marker));
        const onLine = (list, line) => list.filter((o) => Math.abs(o.box.top - line.top) < 2);
        // The markers: a stronger background and bold text in their own colour.
        if (onLine(marker, begin).length === 0 || onLine(marker, end).length === 0) return 'no marker background on the lines of ##paidbegin## and ##paidend##';
        for (const line of [begin, end]) {
          const span = [...line.el.querySelectorAll('span')].find((s) => !s.children.length && /^##paid(begin|end)##$/.test(s.textContent));
          if (!span) return `the marker on "${line.text.slice(0, 20)}…" is not a text span of its own`;
          const cs = getComputedStyle(span);
          if (!same(cs.color, expect.markerText) || Number(cs.fontWeight) < 600) return `the marker ${span.textContent} is ${cs.color}, weight ${cs.fontWeight}: not in report.paidMarkerForeground and bold`;
        }
        // The region: every view line from the begin marker to the end marker, none before it; on the
        // begin marker's line it starts after the marker.
        const inside = lines.filter((l) => l.top > begin.top && l.top < end.top);
        if (inside.length < 3) return 'fewer than 3 lines between the markers';
        const bare = inside.find((l) => onLine(region, l).length === 0);
        if (bare) return `no paid-region background on "${bare.text.slice(0, 20)}…"`;
        const beginSpan = [...begin.el.querySelectorAll('span')].find((s) => !s.children.length && s.textContent === '##paidbegin##');
        const startOnBegin = onLine(region, begin);
        if (!startOnBegin.length) return 'no paid-region background after ##paidbegin## on its line';
        if (startOnBegin.some((o) => o.box.left < beginSpan.getBoundingClientRect().right - 2)) return 'the paid-region background starts before the end of ##paidbegin##';
        const before = lines.filter((l) => l.top < begin.top);
        if (before.some((l) => onLine(region, l).length > 0)) return 'a paid-region background on a line before ##paidbegin##';
        // The overview ruler: the markers across the ruler, the region in its left lane, in between.
        const canvas = editor.querySelector('canvas.decorationsOverviewRuler');
        if (!canvas || !canvas.width) return 'no overview ruler';
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const px = (x, y) => {
          const i = (y * canvas.width + x) * 4;
          return [data[i], data[i + 1], data[i + 2], data[i + 3] / 255];
        };
        const is = (p, want) => p.slice(0, 3).every((v, i) => Math.abs(v - want[i]) <= 6) && Math.abs(p[3] - want[3]) <= 0.05;
        const x = Math.floor(canvas.width / 2);
        const markerRows = [];
        const regionRows = [];
        for (let y = 0; y < canvas.height; y++) {
          if (is(px(x, y), expect.markerRuler)) markerRows.push(y);
          if (is(px(2, y), expect.regionRuler)) regionRows.push(y);
        }
        if (!markerRows.length) return 'no marks of the markers (report.paidMarkerOverviewRuler) in the overview ruler';
        if (!regionRows.length) return 'no mark of the region (report.paidRegionOverviewRuler) in the left lane of the overview ruler';
        const bands = markerRows.filter((y, i) => i === 0 || y !== markerRows[i - 1] + 1).length;
        if (bands < 2) return 'one mark for the markers in the overview ruler, expected two';
        if (regionRows[0] < markerRows[0] || regionRows[regionRows.length - 1] > markerRows[markerRows.length - 1]) {
          return 'the overview ruler marks the paid region outside its markers';
        }
        return '';
      },
      expect,
    );
  });

  await step('selecting text shows the selected count in the status bar', async () => {
    const heading = page.locator('.editor-group-container.active .view-line', { hasText: '一、坚持理论武装' });
    await heading.click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    const text = await waitInPage(
      page,
      `the status bar to show ${TEXT.countOf(total)}`,
      (re) => [...document.querySelectorAll('.statusbar-item')].map((el) => el.textContent.trim()).find((t) => new RegExp(re).test(t)),
      TEXT.countOf(total).source,
    );
    const n = Number(TEXT.selected.exec(text)[1]);
    if (!(n > 5 && n < 30)) throw new CheckError(`a heading selected shows "${text}"`);
    await page.keyboard.press('End');
    await waitInPage(page, `the status bar to show "${TEXT.countIs(total)}" again`, (want) =>
      [...document.querySelectorAll('.statusbar-item')].some((el) => el.textContent.trim().startsWith(want)),
      TEXT.countIs(total),
    );
    say(`    "${text}"`);
  });

  await step('a quick fix from the light bulb adds the missing "。"', async () => {
    // Double-clicking the problem puts the cursor on it in the editor.
    // On its message: the row's centre may be the rule's link (shorter Chinese messages), which opens the rule's page.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'paragraph-end-punctuation' }).locator('.marker-message').dblclick();
    await waitInPage(page, 'the problem selected in the focused editor', () =>
      document.querySelector('.editor-group-container.active .monaco-editor.focused') &&
      [...document.querySelectorAll('.statusbar-item')].some((el) => /^Ln 5, Col \d+ \(1 selected\)/.test(el.textContent.trim())),
    );
    // The cursor after it, at the end of the paragraph.
    await page.keyboard.press('ArrowRight');
    await waitInPage(page, 'the cursor at the end of line 5', () => [...document.querySelectorAll('.statusbar-item')].some((el) => /^Ln 5, Col \d+$/.test(el.textContent.trim())));
    const bulb = page.locator('.editor-group-container.active .monaco-editor [class*="lightbulb"]:is(.codicon, .lightBulbWidget)').locator('visible=true');
    await waitVisible(bulb, 'the light bulb next to line 5');
    await waitInPage(page, `the status bar to show "${TEXT.countIs(total)}" (nothing selected)`, (want) =>
      [...document.querySelectorAll('.statusbar-item')].some((el) => el.textContent.trim().startsWith(want)),
      TEXT.countIs(total),
    );
    if (screenshots) {
      // The editor's scroll bar fades out a moment after the last scroll; a picture without it.
      await waitInPage(page, 'the scroll bar to fade', () => !document.querySelector('.editor-group-container.active .monaco-editor .scrollbar.vertical.visible'), undefined, 3000).catch(() => {});
      await shoot(page, picture('workbench.png'));
    }
    const menu = page.locator('.action-widget');
    const item = menu.locator('.monaco-list-row', { hasText: FIX_TITLE });
    // The light bulb opens the quick-fix menu...
    await bulb.first().click();
    await waitVisible(item, `"${FIX_TITLE}" in the menu of the light bulb`);
    await page.keyboard.press('Escape');
    await item.first().waitFor({ state: 'hidden', timeout: WAIT_MS });
    // ...and so does Ctrl+. (at the cursor, below the paragraph: the better picture).
    await page.keyboard.press('Control+Period');
    await waitVisible(item, `"${FIX_TITLE}" in the quick-fix menu (Ctrl+.)`);
    if (screenshots) {
      // The editor's top left, down to below the menu.
      const editor = await page.locator('.part.editor').boundingBox();
      const list = await menu.first().boundingBox();
      const bottom = Math.min(VIEWPORT.height, list.y + list.height + 24);
      await shoot(page, picture('quickfix.png'), { clip: { x: editor.x, y: editor.y, width: Math.min(editor.width, 1000), height: bottom - editor.y } });
    }
    await item.first().click();
    await item.first().waitFor({ state: 'hidden', timeout: WAIT_MS });
    await waitInPage(page, `the editor to show "${UNPUNCTUATED}。"`, (s) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const text = [...editor.querySelectorAll('.view-lines .view-line')]
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((l) => l.textContent)
        .join('');
      return text.includes(`${s}。`);
    }, UNPUNCTUATED);
    const lines = await renderedLines(page);
    const joined = lines.join('');
    if (joined.includes(`${UNPUNCTUATED}。。`)) throw new CheckError('the fix added "。" twice');
    if (!joined.includes('二、聚焦发展大局')) throw new CheckError('the text after the fixed paragraph is gone');
    await waitInPage(page, 'the problem to leave the Problems panel', () =>
      ![...document.querySelectorAll('.markers-panel .marker-code')].some((el) => el.textContent === 'paragraph-end-punctuation'),
    );
  });

  await step('the page preview opens beside the report and draws its pages', async () => {
    await runCommand(page, 'Report: Open Preview to the Side');
    // The webview's document is in a frame of a frame; find the one that draws the pages.
    const deadline = Date.now() + WAIT_MS;
    let pages = 0;
    let summary = '';
    let frame;
    while (Date.now() < deadline && pages < 2) {
      for (const f of page.frames()) {
        const n = await f.evaluate(() => document.querySelectorAll('section.page').length).catch(() => 0);
        if (n) {
          frame = f;
          pages = n;
          summary = await f.evaluate(() => document.getElementById('summary')?.textContent ?? '').catch(() => '');
        }
      }
      if (pages < 2) await page.waitForTimeout(200);
    }
    if (pages !== 2) throw new CheckError(`the preview shows ${pages} page(s) of ${REPORT}, not 2`);
    // English or Chinese: "2 pages · 4 blanks left to fill · …" / "共 2 页 · 4 处待填空白 · …".
    if (!(ZH ? /共 2 页/ : /2 pages/).test(summary) || !(ZH ? /待填空白/ : /blanks? left/).test(summary)) throw new CheckError(`the preview's bar says "${summary}"`);
    const numbers = await frame.evaluate(() => [...document.querySelectorAll('section.page .pn')].map((el) => el.textContent));
    if (numbers.join('|') !== '— 1 —|— 2 —') throw new CheckError(`the page numbers are ${numbers.join(', ')}`);
    const blanks = await frame.evaluate(() => document.querySelectorAll('section.page .blank').length);
    if (blanks < 1) throw new CheckError('no blank is marked in the preview');
    if (screenshots) {
      await page.waitForTimeout(500);
      // The editor and the preview beside it (the Marketplace page ships the pictures: keep them small).
      const name = picture('preview.png');
      const editors = await page.locator('.part.editor').boundingBox();
      if (name) await shoot(page, name, { clip: { x: editors.x, y: editors.y, width: editors.width, height: Math.min(editors.height, 640) } });
    }
  });

  await step('a report saved in GBK opens readable: the first heading in the editor and the Outline', async () => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: GBK_REPORT });
    await runCommand(page, 'View: Show Explorer');
    await waitVisible(row, `"${GBK_REPORT}" in the Explorer`);
    await row.first().click();
    await waitVisible(page.locator('.tabs-container .tab.active', { hasText: GBK_REPORT }), `the editor tab of ${GBK_REPORT}`);
    await waitInPage(page, `"${GBK_HEADING}" in the editor`, (h) =>
      document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent.includes(h),
      GBK_HEADING,
    );
    const lines = await renderedLines(page);
    const heading = lines.find((l) => l.startsWith('一、'));
    if (heading !== GBK_HEADING) throw new CheckError(`the first heading reads "${heading}" in the editor, expected "${GBK_HEADING}"`);
    if (lines.some((l) => /[\ufffd\u00c0-\u00ff]/.test(l))) throw new CheckError(`the editor shows garbled text: ${lines.slice(0, 3).join(' / ')}`);
    const encoding = await waitInPage(page, 'the encoding in the status bar', () =>
      [...document.querySelectorAll('.statusbar-item')].map((el) => el.textContent.trim()).find((t) => /^(GB|UTF-8)/.test(t)),
    );
    if (!/^GB/.test(encoding)) throw new CheckError(`the status bar shows the encoding "${encoding}", expected a GB encoding`);
    await runCommand(page, 'Explorer: Focus on Outline View');
    const names = await waitInPage(page, `"${GBK_HEADING}" in the Outline`, (h) => {
      const names = [...document.querySelectorAll('.outline-pane .monaco-list-row .label-name')].map((el) => el.textContent);
      return names.includes(h) && names;
    }, GBK_HEADING);
    const headings = names.filter((n) => /^[一二三四五六七八九十]+、/.test(n));
    if (headings[0] !== GBK_HEADING) throw new CheckError(`the Outline's first heading is "${headings[0]}", expected "${GBK_HEADING}"`);
    const problems = await page.evaluate(() => [...document.querySelectorAll('.markers-panel .marker-code')].map((el) => el.textContent));
    if (problems.includes('encoding')) throw new CheckError('the Problems panel lists an encoding problem');
    say(`    editor and Outline: "${GBK_HEADING}"; encoding: ${encoding}; Outline: ${names.length} rows`);
  });
}

// ---------------------------------------------------------------------------------------------
// The workbench in Chinese, offline: no language pack can be downloaded, and without one code-server
// ignores --locale. A stub pack (VS Code's own translation table empty) is enough for the display
// language to become zh-cn, so that the extension's package.nls.zh-cn.json, l10n bundle and server
// messages apply. Packaged with vsce, installed with code-server --install-extension, and registered in
// languagepacks.json (installing from the command line does not register it).

const PACK = { publisher: 'report-tests', name: 'stub-zh-cn-language-pack', version: '1.0.0' };

function makeLanguagePack(paths, dataDir, tmp) {
  const src = join(tmp, 'language-pack');
  mkdirSync(join(src, 'translations'), { recursive: true });
  writeFileSync(
    join(src, 'package.json'),
    JSON.stringify(
      {
        ...PACK,
        displayName: 'Chinese (Simplified) stub language pack for tests',
        description: 'An empty translation table: switches the display language to zh-cn.',
        license: 'MIT',
        engines: { vscode: '^1.91.0' },
        categories: ['Language Packs'],
        contributes: {
          localizations: [
            {
              languageId: 'zh-cn',
              languageName: 'Chinese Simplified',
              localizedLanguageName: '中文(简体)',
              translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
            },
          ],
        },
      },
      null,
      2,
    ),
  );
  writeFileSync(join(src, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(src, 'README.md'), 'A stub language pack for tests.\n');
  writeFileSync(join(src, 'LICENSE'), 'MIT\n');
  const vsix = join(tmp, 'language-pack.vsix');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: src, encoding: 'utf8' });
  if (packed.status !== 0) throw new CheckError(`vsce could not package the stub language pack: ${packed.stderr || packed.stdout}`);
  const extensionsDir = join(dataDir, 'extensions');
  const userDataDir = join(dataDir, 'user');
  mkdirSync(extensionsDir, { recursive: true });
  const installed = spawnSync(
    paths.node,
    [paths.codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'],
    { encoding: 'utf8', env: { ...process.env, PATH: `${join(paths.nodeDir, 'bin')}:${process.env.PATH ?? ''}` }, timeout: 120000 },
  );
  const id = `${PACK.publisher}.${PACK.name}`;
  const dir = join(extensionsDir, `${id}-${PACK.version}`);
  if (installed.status !== 0 || !existsSync(dir)) throw new CheckError(`code-server could not install the stub language pack: ${installed.stderr || installed.stdout}`);
  writeFileSync(
    join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: 'stub',
        extensions: [{ extensionIdentifier: { id }, version: PACK.version }],
        translations: { vscode: join(dir, 'translations', 'main.i18n.json') },
        label: '中文(简体)',
      },
    }),
  );
  say('stub zh-cn language pack installed; the workbench starts with --locale zh-cn');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const guard = exitGuard('ui-check', { keep, say });
  const { cleanups, cleanup } = guard;
  let page;
  // Started by test/vscode/run.mjs with an IPC channel: when that process ends, so does this one.
  if (process.send) process.once('disconnect', () => guard.interrupt());

  const workbenchLog = [];
  let server;
  let code = 1;
  try {
    for (const f of [join(repoRoot, 'dist', 'extension.js'), join(repoRoot, 'dist', 'server.js')]) {
      if (!existsSync(f)) throw new CheckError(`not built: ${f} (run \`npm run build\`)`);
    }
    if (!existsSync(chromiumPath)) {
      throw new CheckError(`no browser at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
    }
    // No failure pictures and logs of an earlier run.
    for (const f of ['ui-check-failure.png', 'ui-check-browser.log', 'ui-check-code-server.log']) rmSync(join(resultsDir, f), { force: true });
    // Without a Chinese font the pictures would show boxes: keep the ones in docs/images/.
    const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    if (screenshots && fonts.status === 0 && !fonts.stdout.trim()) {
      screenshots = false;
      say('no Chinese font (fc-list :lang=zh): screenshots not updated; install fonts-noto-cjk');
    }
    const paths = ensureCodeServer({ quiet: true });

    const tmp = (guard.tmp = mkdtempSync(join(tmpdir(), 'report-ui-')));
    const workspace = join(tmp, 'examples');
    cpSync(examplesDir, workspace, { recursive: true });
    writeFileSync(join(workspace, GBK_REPORT), encodeGbk(readFileSync(join(repoRoot, 'test', 'fixtures', 'gbk-report.txt'), 'utf8')));
    const dataDir = join(tmp, 'code-server');
    mkdirSync(join(dataDir, 'user', 'User'), { recursive: true });
    writeFileSync(join(dataDir, 'user', 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
    const extraArgs = [];
    if (ZH) {
      makeLanguagePack(paths, dataDir, tmp);
      extraArgs.push('--locale', 'zh-cn');
    }

    // The browser starts while code-server does.
    const tStart = Date.now();
    const { chromium } = await import('playwright-core');
    const launching = chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      chromiumSandbox: false,
      // Signals are handled here (the code-server process group must be stopped too).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    cleanups.push(() => launching.then((b) => b.close()).catch(() => {}));
    const port = await freePort();
    server = await startCodeServer({ paths, dataDir, port, extraArgs, output: verbose ? 'inherit' : 'file' });
    cleanups.push(() => server.stop());
    guard.killNow = server.killNow;
    const browser = await launching;
    say(`code-server on ${server.base} (pgid ${server.pgid}) and the browser up in ${elapsed(tStart)}`);

    const context = await browser.newContext({ viewport: VIEWPORT, locale: ZH ? 'zh-CN' : 'en-US' });
    page = await context.newPage();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = Array.isArray(args) ? format(...args) : format(args);
      workbenchLog.push(`[workbench] <${type}> ${line}`);
      if (verbose) console.log(`[workbench] <${type}> ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', () => {});
    // The browser console: the workbench's messages and, for an extension under development, the
    // extension host's console. Printed with REPORT_VSCODE_VERBOSE=1, saved on failure.
    page.on('console', (msg) => {
      workbenchLog.push(`[browser] ${msg.type()}: ${msg.text()}`);
      if (verbose) console.log(`[browser] ${msg.type()}: ${msg.text()}`);
    });

    const url = workbenchUrl(server.base, workspace, [['extensionDevelopmentPath', remoteUri(repoRoot)]]);
    await runChecks(page, url, checks, { timeoutSec, say });
    code = 0;
  } catch (err) {
    if (guard.interrupted) return;
    mkdirSync(resultsDir, { recursive: true });
    if (err instanceof CheckError || err instanceof InstallError) console.error(`[ui-check] FAILED: ${err.message}`);
    else console.error('[ui-check] FAILED:', err);
    if (page) {
      const shot = join(resultsDir, 'ui-check-failure.png');
      await page.screenshot({ path: shot }).then(
        () => say(`screenshot of the workbench: ${shot}`),
        () => {},
      );
    }
    if (workbenchLog.length) {
      const logFile = join(resultsDir, 'ui-check-browser.log');
      writeFileSync(logFile, workbenchLog.join('\n') + '\n');
      say(`browser console: ${logFile}`);
    }
    if (server && !verbose) {
      const logFile = join(resultsDir, 'ui-check-code-server.log');
      writeFileSync(logFile, server.readLog());
      say(`code-server log: ${logFile}`);
    }
    code = 1;
  }
  await cleanup().catch((err) => console.error(`[ui-check] cleanup: ${err?.message ?? err}`));
  if (guard.interrupted) return;
  say(`${code === 0 ? 'passed' : 'failed'} — total ${elapsed()}`);
  process.exit(code);
}

await main();
