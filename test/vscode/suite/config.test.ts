// `.reportrc.json` in a real extension host: found from the report's folder upwards, applied to the reports
// below it, followed when it changes, and ignored when it is too large. On the desktop the language server
// reads it from disk; in the browser the client reads it for the worker through the editor's file system.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXT_ID, until } from './helpers';

const TEXT = '标题\n一、工作\n全年完成任务xx项。\n';

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

const encode = (s: string) => new TextEncoder().encode(s);

async function write(path: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(root(), ...path.split('/'));
  await vscode.workspace.fs.writeFile(uri, encode(text));
  return uri;
}

/** The severity of the blank's diagnostic in a report ('none' once the report has diagnostics but not this one). */
function blankSeverity(uri: vscode.Uri): vscode.DiagnosticSeverity | 'none' | undefined {
  const diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'report');
  const blank = diags.find((d) => (d.code as { value?: string })?.value === 'placeholder');
  if (blank) return blank.severity;
  return diags.length ? 'none' : undefined;
}

async function open(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  await vscode.extensions.getExtension(EXT_ID)!.activate();
}

suite('.reportrc.json', () => {
  // Besides the blank, each report has a stray end marker: it has diagnostics either way.
  const body = `${TEXT}##paidend##\n`;

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const dir of ['rc-test', 'rc-big', 'rc-none']) {
      await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), dir), { recursive: true })).catch(() => undefined);
    }
  });

  test('applies to the reports below it, and changes apply at once', async () => {
    const rc = await write('rc-test/.reportrc.json', JSON.stringify({ rules: { placeholder: 'off' } }));
    const near = await write('rc-test/a.report', body);
    const below = await write('rc-test/sub/b.report', body);
    const outside = await write('rc-none/c.report', body);
    await open(outside);
    assert.equal(await until('diagnostics of the report without .reportrc.json', () => blankSeverity(outside)), vscode.DiagnosticSeverity.Warning);
    await open(near);
    assert.equal(await until('diagnostics of the report next to .reportrc.json', () => blankSeverity(near)), 'none');
    await open(below);
    assert.equal(await until('diagnostics of the report below .reportrc.json', () => blankSeverity(below)), 'none');
    // Edited in the editor and saved, as an author does.
    const doc = await vscode.workspace.openTextDocument(rc);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(rc, new vscode.Range(0, 0, doc.lineCount, 0), JSON.stringify({ rules: { placeholder: 'error' } }));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save(), 'saved');
    await open(near);
    await until('the changed .reportrc.json to apply', () => blankSeverity(near) === vscode.DiagnosticSeverity.Error);
  });

  test('one larger than 256 KiB is ignored', async () => {
    await write('rc-big/.reportrc.json', JSON.stringify({ rules: { placeholder: 'off' } }) + ' '.repeat(300 * 1024));
    const report = await write('rc-big/a.report', body);
    await open(report);
    assert.equal(await until('diagnostics of the report below the large .reportrc.json', () => blankSeverity(report)), vscode.DiagnosticSeverity.Warning);
  });
});
