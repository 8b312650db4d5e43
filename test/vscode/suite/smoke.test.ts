// Smoke test: the language is registered for `.report` files and the extension activates.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXT_ID, until } from './helpers';

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

suite('smoke', () => {
  test('a .report file opens with languageId "report"', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('sample.report'));
    assert.strictEqual(doc.languageId, 'report');
    await vscode.window.showTextDocument(doc);
    assert.ok(doc.getText().includes('##paidbegin##'), 'the fixture was read');
  });

  test(`the extension ${EXT_ID} is present and becomes active`, async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `extension ${EXT_ID} is installed`);
    // Opening a report document (previous test, or here when run alone) activates it.
    await vscode.workspace.openTextDocument(fixtureUri('sample.report'));
    await until('the extension to activate', () => ext.isActive, 30000);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });
});
