// Runs the integration suites in a workbench page, as both runners do (run.mjs: code-server; run-web.mjs:
// VS Code for the web): the suites report their exit code and their log through functions the page is
// given; the page crashing, the browser closing, anything in `failures` settling or the timeout ends the
// run; on a failure a screenshot of the workbench goes to test-results/.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Opens `url` in `page` and waits for the suites. Returns `{ code }` (the suites' exit code) or `{ error }`.
 * `log(type, text)` receives the workbench's log; `failures` are promises of `{ error }` that end the run.
 */
export async function runSuitesInPage(page, browser, { url, timeoutSec, say, log, verbose, shot, failures = [] }) {
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  let settle;
  const exitCode = new Promise((res) => (settle = res));
  await page.exposeFunction('codeAutomationExit', (code) => {
    const n = Number(code);
    settle(Number.isInteger(n) ? { code: n } : { error: `the suites reported a strange exit code: ${code}` });
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => log(type, Array.isArray(args) ? format(...args) : format(args)));
  page.on('pageerror', (err) => verbose && console.error(`[browser] page error: ${err.message}`));
  if (verbose) page.on('console', (msg) => console.log(`[browser] ${msg.type()}: ${msg.text()}`));
  page.on('crash', () => settle({ error: 'the browser page crashed' }));
  browser.on('disconnected', () => settle({ error: 'the browser closed unexpectedly' }));
  for (const failure of failures) failure.then(settle);

  let timer;
  const timeout = new Promise((res) => {
    timer = setTimeout(() => res({ error: `timed out after ${timeoutSec} s (REPORT_VSCODE_TIMEOUT) without the suites reporting an exit code` }), timeoutSec * 1000);
  });
  const loaded = page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutSec * 1000 }).then(
    () => {
      say(`workbench loaded in ${elapsed()}; running the suites…`);
      return exitCode;
    },
    (err) => ({ error: `could not load the workbench: ${err.message}` }),
  );
  const result = await Promise.race([loaded, exitCode, timeout]);
  clearTimeout(timer);
  if (!result.error) say(`suites ran in ${elapsed()} (workbench load included)`);
  if (result.error || result.code !== 0) {
    const dir = join(repoRoot, 'test-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, shot);
    await page.screenshot({ path: file }).then(
      () => say(`screenshot of the workbench: ${file}`),
      () => {},
    );
  }
  return result;
}
