// The authoring workbench in a real extension host: completion, hover, and the report.* commands
// (renumber, next heading, paid markers, copy/open without markers, blanks, statistics).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXT_ID, until } from './helpers';

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a scratch report (untitled, language report) in an editor. */
async function scratch(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'report', content });
  return vscode.window.showTextDocument(doc);
}

async function closeActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

function place(editor: vscode.TextEditor, line: number, character = 0, toLine = line, toCharacter = character): void {
  editor.selection = new vscode.Selection(line, character, toLine, toCharacter);
}

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

const MESSY = ['2024年述职报告', '一、甲', '正文。', '（一）子。', '（三）子。', '三、乙', '1、孙。', '3、孙。', ''].join('\n');

suite('workbench', () => {
  suiteSetup(async function () {
    this.timeout(90000);
    const doc = await vscode.workspace.openTextDocument(fixtureUri('workbench.report'));
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
    // The server is up when it answers completion with heading numbers.
    await until('the language server', async () => (await completionLabels(doc.uri, new vscode.Position(10, 0))).includes('（四）') || undefined, 60000);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('completion at the start of a line offers the next heading numbers, in order', async () => {
    const uri = fixtureUri('workbench.report');
    const labels = await completionLabels(uri, new vscode.Position(10, 0));
    for (const m of ['（四）', '1.', '三、']) assert.ok(labels.includes(m), `offers ${m}: ${labels.join(' ')}`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(10, 0));
    const four = list.items.find((i) => i.label === '（四）')!;
    assert.strictEqual(typeof four.detail, 'string');
    assert.ok(four.detail!.length > 0, 'the level is in the detail');
  });

  test('completion finds phrases by pinyin initials and inserts them as snippets', async () => {
    const editor = await scratch('一、工作\n全年工作，ysbg');
    try {
      const list = await until('the phrase completion', async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(1, 9));
        return l.items.some((i) => i.label === '以上报告，请予审议。') ? l : undefined;
      }, 20000);
      const item = list.items.find((i) => i.label === '以上报告，请予审议。')!;
      assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet');
      assert.ok(item.range, 'replaces the initials');
    } finally {
      await closeActive();
    }
  });

  test('hover on a heading shows its section statistics', async () => {
    const uri = fixtureUri('workbench.report');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /二、履职尽责，推动落实/u);
    assert.match(text, /\d/u);
  });

  test('report.renumberHeadings renumbers the whole report, or only the selection', async () => {
    const editor = await scratch(MESSY);
    try {
      place(editor, 6, 0, 8, 0);
      await vscode.commands.executeCommand('report.renumberHeadings');
      await until('the selection renumbered', () => editor.document.getText().includes('2.孙') || undefined, 10000);
      assert.strictEqual(editor.document.getText(), ['2024年述职报告', '一、甲', '正文。', '（一）子。', '（三）子。', '三、乙', '1.孙。', '2.孙。', ''].join('\n'));
      place(editor, 0);
      await vscode.commands.executeCommand('report.renumberHeadings');
      await until('the report renumbered', () => editor.document.getText().includes('二、乙') || undefined, 10000);
      assert.strictEqual(editor.document.getText(), ['2024年述职报告', '一、甲', '正文。', '（一）子。', '（二）子。', '二、乙', '1.孙。', '2.孙。', ''].join('\n'));
    } finally {
      await closeActive();
    }
  });

  test('report.insertNextHeading inserts the next number at the cursor’s level', async () => {
    const editor = await scratch(['标题', '一、甲', '（一）子。', '（二）子。', '正文。', ''].join('\n'));
    try {
      place(editor, 5);
      await vscode.commands.executeCommand('report.insertNextHeading');
      assert.strictEqual(editor.document.lineAt(5).text, '（三）');
      assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [5, 3]);
      // On a line with text, the heading goes on a new line after it.
      place(editor, 1, 1);
      await vscode.commands.executeCommand('report.insertNextHeading');
      assert.strictEqual(editor.document.lineAt(2).text, '二、');
    } finally {
      await closeActive();
    }
  });

  test('report.wrapPaid and report.unwrapPaid', async () => {
    const original = ['标题', '免费内容。', '付费内容一。', '付费内容二。', '结尾。', ''].join('\n');
    const editor = await scratch(original);
    try {
      place(editor, 2, 0, 4, 0);
      await vscode.commands.executeCommand('report.wrapPaid');
      assert.strictEqual(editor.document.getText(), ['标题', '免费内容。', '##paidbegin##', '付费内容一。', '付费内容二。', '##paidend##', '结尾。', ''].join('\n'));
      place(editor, 3, 2);
      await vscode.commands.executeCommand('report.unwrapPaid');
      assert.strictEqual(editor.document.getText(), original);
      // Part of a line: inline markers.
      place(editor, 1, 0, 1, 4);
      await vscode.commands.executeCommand('report.wrapPaid');
      assert.strictEqual(editor.document.lineAt(1).text, '##paidbegin##免费内容##paidend##。');
    } finally {
      await closeActive();
    }
  });

  test('report.openWithoutPaidMarkers opens a copy without markers; copy puts it on the clipboard', async () => {
    const editor = await scratch(['标题', '正文##paidbegin##付费。', '##paidend##', '结尾。'].join('\n'));
    const source = editor.document;
    try {
      await vscode.commands.executeCommand('report.copyWithoutPaidMarkers');
      assert.strictEqual(await vscode.env.clipboard.readText(), ['标题', '正文付费。', '结尾。'].join('\n'));
      await vscode.commands.executeCommand('report.openWithoutPaidMarkers');
      const copy = await until('the copy', () => (vscode.window.activeTextEditor?.document !== source ? vscode.window.activeTextEditor : undefined), 10000);
      assert.strictEqual(copy.document.languageId, 'report');
      assert.strictEqual(copy.document.getText(), ['标题', '正文付费。', '结尾。'].join('\n'));
      await closeActive();
    } finally {
      await vscode.window.showTextDocument(source);
      await closeActive();
    }
  });

  test('report.nextBlank and report.previousBlank select the blanks in turn, wrapping around', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('workbench.report'));
    const editor = await vscode.window.showTextDocument(doc);
    const picked = () => [editor.selection.start.line, editor.selection.start.character, doc.getText(editor.selection)];
    place(editor, 0);
    await vscode.commands.executeCommand('report.nextBlank');
    assert.deepStrictEqual(picked(), [4, 18, 'xx']);
    await vscode.commands.executeCommand('report.nextBlank');
    assert.deepStrictEqual(picked(), [7, 13, 'x']);
    await vscode.commands.executeCommand('report.nextBlank');
    assert.deepStrictEqual(picked(), [9, 14, 'x']);
    await vscode.commands.executeCommand('report.nextBlank');
    assert.deepStrictEqual(picked(), [4, 18, 'xx'], 'wrapped to the first');
    await vscode.commands.executeCommand('report.previousBlank');
    assert.deepStrictEqual(picked(), [9, 14, 'x'], 'wrapped to the last');
  });

  test('report.fixAll applies the server’s fix-all through the shared protocol, then has nothing left', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '报告\n一、标题\n正文##PaidBegin##付费内容\n二、标题\n正文。\n四、标题\n正文。\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('report.fixAll');
    await until('the fixed text', () => doc.getText().includes('三、标题') || undefined, 10000);
    assert.ok(doc.getText().includes('##paidbegin##'), doc.getText());
    const before = doc.getText();
    await vscode.commands.executeCommand('report.fixAll');
    assert.strictEqual(doc.getText(), before, 'a second fix-all changes nothing');
    assert.strictEqual(editor.document, doc);
  });

  test('report.showStatistics opens the statistics view', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('workbench.report'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('report.showStatistics');
    const statsTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('report.statistics'));
    await until('the statistics tab', statsTab, 10000);
    // The title names the report once its statistics are in.
    await until('the statistics of workbench.report', () => statsTab()?.label.includes('workbench.report') || undefined, 10000);
  });

  test('the commands are contributed with titles and the report category', async () => {
    const pkg = vscode.extensions.getExtension(EXT_ID)!.packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } };
    const ids = pkg.contributes.commands.map((c) => c.command);
    for (const id of ['report.renumberHeadings', 'report.insertNextHeading', 'report.wrapPaid', 'report.unwrapPaid', 'report.copyWithoutPaidMarkers', 'report.openWithoutPaidMarkers', 'report.nextBlank', 'report.previousBlank', 'report.fixAll', 'report.showStatistics']) {
      assert.ok(ids.includes(id), id);
    }
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('report.showStatistics'), 'registered');
  });
});
