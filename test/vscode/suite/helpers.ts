// What the integration suites share: the extension's id and waiting for the workbench.

export const EXT_ID = 'report-tools.report-language';

/**
 * Polls `probe` every 100 ms until it gives a value (anything but undefined, null or false) and returns
 * it; fails after `timeoutMs` naming `what` it waited for.
 */
export async function until<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 20000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v as T;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
