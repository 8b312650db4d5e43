// What the UI checks of the workbench (ui-check.mjs in code-server, ui-check-web.mjs in VS Code for the
// web) do in a page: wait for conditions, with a CheckError that says what was awaited, and run commands
// from the Command Palette.

/** A check that failed: its message says what was seen or awaited. */
export class CheckError extends Error {}

export const WAIT_MS = 30000;

/** Waits until `probe` (run in the page) returns a truthy value; returns it. */
export async function waitInPage(page, what, probe, arg, timeout = WAIT_MS) {
  try {
    const handle = await page.waitForFunction(probe, arg, { timeout, polling: 100 });
    return await handle.jsonValue();
  } catch (err) {
    if (/Timeout/i.test(err?.message ?? '')) throw new CheckError(`timed out after ${timeout / 1000} s waiting for ${what}`);
    throw err;
  }
}

/**
 * Like waitInPage for conditions with parts: `probe` returns '' when all hold, otherwise what does
 * not (yet); on timeout that is the message.
 */
export async function pollInPage(page, what, probe, arg, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const why = await page.evaluate(probe, arg);
    if (!why) return;
    if (Date.now() > deadline) throw new CheckError(`${what}: ${why} (after ${timeout / 1000} s)`);
    await page.waitForTimeout(150);
  }
}

/** Waits for a locator to be visible. */
export async function waitVisible(locator, what, timeout = WAIT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (err) {
    if (/Timeout/i.test(err?.message ?? '')) throw new CheckError(`timed out after ${timeout / 1000} s waiting for ${what}`);
    throw err;
  }
}

/** Runs a command from the Command Palette (F1), picking the entry whose label starts with `label`. */
export async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await waitVisible(input, 'the Command Palette');
  await input.fill(`>${label}`);
  const start = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { has: page.locator('.label-name', { hasText: start }) });
  await waitVisible(row, `the command "${label}" in the Command Palette`);
  await row.first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/**
 * Loads `url` in `page`, then runs `checks(page, step)` within `timeoutSec` seconds; `step(name, fn)` runs
 * one check, prefixes the name to its CheckError and says when it passed. Rejects with the first failure.
 */
export async function runChecks(page, url, checks, { timeoutSec, say }) {
  const elapsed = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
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
  let timer;
  const deadline = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new CheckError(`timed out after ${timeoutSec} s (REPORT_UI_TIMEOUT)`)), timeoutSec * 1000);
  });
  const run = (async () => {
    const tLoad = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WAIT_MS * 2 });
    say(`workbench page loaded in ${elapsed(tLoad)}`);
    await checks(page, step);
  })();
  run.catch(() => {}); // reported through the race below
  try {
    await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
