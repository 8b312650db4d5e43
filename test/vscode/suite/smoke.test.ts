// Smoke test: the language is registered for `.report` files and the extension activates.
import * as assert from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'report-tools.report-language';

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('smoke', () => {
  test('a .report file opens with languageId "report"', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('sample.report'));
    assert.strictEqual(doc.languageId, 'report');
    await vscode.window.showTextDocument(doc);
    assert.ok(doc.getText().includes('##paidbegin##'), 'the fixture was read');
  });

  test(`the extension ${EXTENSION_ID} is present and becomes active`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    // Opening a report document (previous test, or here when run alone) activates it.
    await vscode.workspace.openTextDocument(fixtureUri('sample.report'));
    await waitFor(() => ext.isActive, 30000, 'the extension to activate');
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });
});
