// The commands behind the quick fixes (disable a rule, show its documentation) and the server's restart,
// in a real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXT_ID, until } from './helpers';

const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);

suite('rule and server commands', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXT_ID)!.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('report.showRuleDocs opens the rule’s page', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('report.showRuleDocs', 'placeholder');
    await until('a tab with the page of the rule', () => tabLabels().some((l) => l.includes('placeholder.md')));
  });

  test('a diagnostic links its rule’s page, which the extension serves itself (offline, desktop and web)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '标题\n全年完成任务xx项。\n' });
    const blank = await until('the blank’s diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => (d.code as { value?: string })?.value === 'placeholder'));
    const target = (blank.code as { target?: vscode.Uri }).target;
    assert.equal(target?.toString(), 'report-rule:/placeholder.md');
    const page = await vscode.workspace.openTextDocument(target);
    assert.equal(page.languageId, 'markdown');
    assert.match(page.getText(), /^# /);
    assert.match(page.getText(), /placeholder/);
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse('report-rule:/no-such-rule.md'))), 'no page for an unknown rule');
  });

  test('report.disableRule turns the rule off in the settings, and the problem goes', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '标题\n全年完成任务xx项。\n' });
    await vscode.window.showTextDocument(doc);
    const blanks = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => (d.code as { value?: string })?.value === 'placeholder');
    await until('the blank’s diagnostic', () => blanks().length > 0);
    const config = () => vscode.workspace.getConfiguration('report');
    try {
      await vscode.commands.executeCommand('report.disableRule', 'placeholder');
      assert.equal(config().get('rules.placeholder'), 'off');
      await until('the diagnostic to go', () => blanks().length === 0);
    } finally {
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config().update('rules.placeholder', undefined, target);
    }
    await until('the diagnostic to come back', () => blanks().length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the server is told whether the workspace is trusted, as it is at each start', async () => {
    const api = vscode.extensions.getExtension(EXT_ID)!.exports as { client: { clientOptions: { initializationOptions?: unknown } } };
    const init = api.client.clientOptions.initializationOptions;
    assert.equal(typeof init, 'function', 'computed at each start: trust may have been granted meanwhile');
    const options = (init as () => { trusted?: unknown; locale?: unknown })();
    assert.equal(options.trusted, vscode.workspace.isTrusted);
    assert.equal(options.locale, vscode.env.language);
  });

  test('report.restartServer restarts the language server, which answers again', async () => {
    const api = vscode.extensions.getExtension(EXT_ID)!.exports as { client: { isRunning(): boolean } };
    await vscode.commands.executeCommand('report.restartServer');
    assert.ok(api.client.isRunning(), 'running after the restart');
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '一、甲\n正文。\n' });
    await vscode.window.showTextDocument(doc);
    const symbols = await until('document symbols from the restarted server', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length ? s : undefined;
    });
    assert.deepEqual(symbols.map((s) => s.name), ['一、甲']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
