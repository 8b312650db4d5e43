// Encodings in the real editor: a report saved in GBK opens readable thanks to the extension's
// language defaults (files.autoGuessEncoding, files.candidateGuessEncodings), and one opened with the
// wrong encoding gets the single `encoding` diagnostic whose quick fix reopens it readable.
// The GBK file is written at test time from the project's own fixture text.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { encodeGbk } from '../../fixtures/gbk.mjs';
import { EXT_ID, until } from './helpers';

type EncodedDocument = vscode.TextDocument & { encoding?: string };
type OpenWithEncoding = (uri: vscode.Uri, options: { encoding: string }) => Thenable<EncodedDocument>;

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

function firstLines(text: string, n = 3): string {
  return text.split(/\r?\n/).slice(0, n).join('\n');
}

suite('Report encodings', () => {
  let report: string;
  let folder: vscode.Uri;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    await ext.activate();
    // Through the workspace file system, which reads the extension's files in the desktop and the web host.
    report = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'test', 'fixtures', 'gbk-report.txt')));
    const ws = vscode.workspace.workspaceFolders?.[0];
    assert.ok(ws, 'a workspace folder is open');
    folder = ws.uri;
  });

  test('the language defaults guess GBK for report files, and UTF-8 stays UTF-8', async () => {
    const config = vscode.workspace.getConfiguration('files', { languageId: 'report' });
    assert.equal(config.get('autoGuessEncoding'), true);
    assert.deepEqual(config.get('candidateGuessEncodings'), ['utf8', 'gb2312']);
    // Other languages keep VS Code's defaults.
    assert.equal(vscode.workspace.getConfiguration('files', { languageId: 'plaintext' }).get('autoGuessEncoding'), false);

    for (const name of ['2025年度个人述职报告.txt', '档案室述职.report']) {
      const uri = vscode.Uri.joinPath(folder, name);
      await vscode.workspace.fs.writeFile(uri, encodeGbk(report));
      const doc = (await vscode.workspace.openTextDocument(uri)) as EncodedDocument;
      assert.equal(doc.languageId, 'report', name);
      assert.equal(firstLines(doc.getText()), firstLines(report), `${name} reads right`);
      assert.equal(doc.getText(), report);
      if (doc.encoding !== undefined) assert.equal(doc.encoding, 'gb2312', `${name} was guessed as GB 2312 (VS Code's GBK-compatible guess)`);
    }
    // The same bytes under a name that is not a report's: VS Code's defaults read them as UTF-8, garbled.
    const other = vscode.Uri.joinPath(folder, 'notes-gbk.txt');
    await vscode.workspace.fs.writeFile(other, encodeGbk(report));
    const plain = (await vscode.workspace.openTextDocument(other)) as EncodedDocument;
    assert.equal(plain.languageId, 'plaintext');
    assert.match(plain.getText(), /\ufffd/);
    if (plain.encoding !== undefined) assert.equal(plain.encoding, 'utf8');

    const utf8 = vscode.Uri.joinPath(folder, '2025年度个人述职报告-utf8.txt');
    await vscode.workspace.fs.writeFile(utf8, new TextEncoder().encode(report));
    const doc = (await vscode.workspace.openTextDocument(utf8)) as EncodedDocument;
    assert.equal(doc.getText(), report);
    if (doc.encoding !== undefined) assert.equal(doc.encoding, 'utf8');
  });

  test('a report opened with the wrong encoding: one diagnostic, and its quick fix reopens it readable', async function () {
    const uri = vscode.Uri.joinPath(folder, '2025年度个人述职报告-latin1.txt');
    await vscode.workspace.fs.writeFile(uri, encodeGbk(report));
    let doc = (await (vscode.workspace.openTextDocument as unknown as OpenWithEncoding)(uri, { encoding: 'windows1252' })) as EncodedDocument;
    if (doc.encoding === undefined) this.skip(); // an editor whose API cannot open with an encoding
    await vscode.window.showTextDocument(doc);
    assert.notEqual(doc.getText(), report);
    assert.match(doc.getText(), /ÊöÖ°±¨¸æ/);

    const diagnostics = await until('the encoding diagnostic', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length ? d : undefined;
    });
    assert.deepEqual(diagnostics.map(codeOf), ['encoding']);
    assert.equal(diagnostics[0].range.start.line, 0);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    const reopen = actions.find((a) => a.command?.command === 'report.reopenWithEncoding');
    assert.ok(reopen, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(actions.every((a) => !a.edit), 'no action edits the garbled text');
    await vscode.commands.executeCommand(reopen.command!.command, ...(reopen.command!.arguments ?? []));

    doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) as EncodedDocument;
    assert.equal(doc.encoding, 'gbk');
    assert.equal(doc.getText(), report);
    assert.equal(doc.isDirty, false, 'reopening does not change the file');
    await until('the diagnostic to go', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'encoding'));
    // The file on disk is untouched.
    assert.deepEqual(new Uint8Array(await vscode.workspace.fs.readFile(uri)), encodeGbk(report));
  });
});
