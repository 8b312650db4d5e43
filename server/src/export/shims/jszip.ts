// Stands in for jszip in the export bundle: mammoth's zip helpers import it, but the import reads the
// package itself (with fflate, which docx already brings), so jszip's 100 KB never ship.
export function loadAsync(): Promise<never> {
  return Promise.reject(new Error('jszip is not bundled: open the package with openDocx() instead.'));
}
export default { loadAsync };
