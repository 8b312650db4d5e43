// Word export, import and the page preview in a real extension host: the export writes a .docx that the
// import reads back; the preview opens beside the report, draws as many pages as the layout of the export
// has, and follows an edit.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ReportApi } from '../../../client/src/extension';
import { parse } from '../../../server/src/core/parser';
import { layout, printParagraphs } from '../../../server/src/export/layout';
import { EXT_ID, until } from './helpers';

function pagesOf(text: string): number {
  return layout(printParagraphs(parse(text))).pages;
}

suite('export, import and preview', () => {
  let api: ReportApi;
  let doc: vscode.TextDocument;

  suiteSetup(async function () {
    this.timeout(90000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sample.report'));
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension<ReportApi>(EXT_ID);
    assert.ok(ext);
    api = await ext.activate();
    await until('the language server', async () => (await api.word.print(doc)) ?? undefined, 60000);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Export to Word writes a .docx that Import Word Document reads back as the report', async function () {
    this.timeout(60000);
    // The Word library is loaded by the desktop entry only, for now.
    if (!api.word.available) this.skip();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const target = vscode.Uri.joinPath(folder, `export-test-${Date.now()}.docx`);
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<{ bytes: number; paragraphs: number; printMs: number; writeMs: number } | undefined>('report.exportToWord', { target, allowBlanks: true });
    assert.ok(outcome, 'exported');
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.strictEqual(bytes.length, outcome.bytes);
    assert.strictEqual(String.fromCharCode(bytes[0], bytes[1]), 'PK');
    console.log(`export of sample.report: server ${outcome.printMs.toFixed(0)} ms, docx ${outcome.writeMs.toFixed(0)} ms, ${bytes.length} bytes`);

    const imported = await vscode.commands.executeCommand<{ text: string; document: vscode.TextDocument } | undefined>('report.importWord', target);
    assert.ok(imported, 'imported');
    assert.strictEqual(imported.document.languageId, 'report');
    assert.strictEqual(vscode.window.activeTextEditor?.document, imported.document);
    const printed = printParagraphs(parse(doc.getText())).filter((p) => p.kind !== 'empty').map((p) => p.text);
    assert.deepStrictEqual(imported.document.getText().trimEnd().split('\n'), printed);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(target);
  });

  test('the preview opens beside the report with the pages of the export, and follows an edit', async function () {
    this.timeout(90000);
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('report.openPreviewToSide');
    assert.ok(api.preview.visible, 'the preview is open');
    const first = await until('the first drawing', () => api.preview.last?.uri === doc.uri.toString() && api.preview.last.version === doc.version && api.preview.last, 30000);
    assert.strictEqual(first.pages, pagesOf(doc.getText()));
    assert.strictEqual(first.drawnPages, first.pages, 'the webview drew every page');
    assert.ok(first.blanks >= 0);
    console.log(`preview of sample.report: ${first.pages} page(s), drawn in ${first.ms.toFixed(0)} ms`);

    // Add enough text for another page; the preview follows.
    const more = '\n' + Array.from({ length: 12 }, (_, i) => `第${i + 1}段补充说明：围绕年度目标任务，认真履行岗位职责，扎实推进各项工作，取得了较好成效，得到了领导和群众的认可。`).join('\n');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const t0 = Date.now();
    assert.ok(await editor.edit((b) => b.insert(end, more)));
    const after = await until('the drawing after the edit', () => api.preview.last?.version === doc.version && api.preview.last, 30000);
    const wall = Date.now() - t0;
    assert.ok(after.pages > first.pages, `${after.pages} > ${first.pages}`);
    assert.strictEqual(after.pages, pagesOf(doc.getText()));
    assert.strictEqual(after.drawnPages, after.pages);
    console.log(`preview update after an edit: ${after.ms.toFixed(0)} ms after the debounce (server ${after.printMs.toFixed(0)}, layout ${after.layoutMs.toFixed(0)}, drawing ${after.drawMs.toFixed(0)}), ${wall} ms from the edit`);
    await vscode.commands.executeCommand('undo');
  });
});
