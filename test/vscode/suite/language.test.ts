// The language features as VS Code users get them: outline, folding, diagnostics, quick fixes,
// fix-all, paid-region decorations, semantic tokens and snippets, in a real extension host.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXT_ID, until } from './helpers';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openReport(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  const editor = await vscode.window.showTextDocument(doc);
  const ext = vscode.extensions.getExtension(EXT_ID)!;
  await ext.activate();
  return editor;
}

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return until('document symbols', async () => {
    const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    return s && s.length ? s : undefined;
  });
}

suite('Report language features', () => {
  suiteSetup(async () => {
    await openReport('language.report');
  });

  test('outline: numbered sections with their children, and the paid region', async () => {
    const uri = workspaceFile('language.report');
    const symbols = await symbolsOf(uri);
    const sections = symbols.filter((s) => s.kind !== vscode.SymbolKind.Key);
    assert.deepEqual(
      sections.map((s) => s.name),
      ['一、加强政治理论学习，提高思想素质', '二、履职尽责，推动重点工作落实', '三、存在的问题和不足', '四、下一步工作打算'],
    );
    const two = sections[1];
    assert.deepEqual(two.children.map((c) => c.name), ['（一）聚焦主责主业，抓好业务工作', '（二）强化服务意识，提升工作效能']);
    assert.deepEqual(two.children[1].children.map((c) => c.name), ['1.优化办事流程', '2.加强窗口建设']);
    // A section reaches the line before the next one.
    assert.equal(sections[0].range.end.line, sections[1].range.start.line - 1);
    assert.ok(sections[0].selectionRange.start.isEqual(sections[0].range.start));
    // The paid region is a leaf at its begin marker, inside the section it begins in: symbols nest.
    const flat = (xs: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => xs.flatMap((x) => [x, ...flat(x.children)]);
    const paid = flat(symbols).find((s) => s.kind === vscode.SymbolKind.Key);
    assert.ok(paid, 'the paid region is in the outline');
    assert.equal(paid.range.start.line, 12);
    assert.ok(!symbols.includes(paid), 'inside a section');
    const inside = (a: vscode.DocumentSymbol, b: vscode.DocumentSymbol) => b.range.contains(a.range);
    for (const s of flat(symbols)) for (const c of s.children) assert.ok(inside(c, s), `${c.name} inside ${s.name}`);
  });

  test('Format Document: safe fixes, standard markers, one paragraph indentation', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '标题\n  第一段,继续。\n1、制度\n第二段。\n' });
    await vscode.window.showTextDocument(doc);
    const edits = await until('formatting edits', async () => {
      const e = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true });
      return e && e.length ? e : undefined;
    });
    const we = new vscode.WorkspaceEdit();
    we.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    assert.equal(doc.getText(), '标题\n第一段，继续。\n1.制度\n第二段。\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('folding: every section and the paid region', async () => {
    const uri = workspaceFile('language.report');
    const ranges = await until('folding ranges', async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
      return r && r.length ? r : undefined;
    });
    assert.ok(ranges.some((r) => r.kind === vscode.FoldingRangeKind.Region && r.start === 12 && r.end === 18), JSON.stringify(ranges));
    assert.ok(ranges.some((r) => r.start === 5 && r.end === 12));
  });

  test('diagnostics: each blank, with rule code, documentation link and source', async () => {
    const uri = workspaceFile('language.report');
    const diags = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'report');
      return d.length ? d : undefined;
    });
    const blanks = diags.filter((d) => typeof d.code === 'object' && d.code.value === 'placeholder');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.deepEqual(blanks.map((d) => doc.getText(d.range)), ['xx', 'x', 'xx', 'xx']);
    const code = blanks[0].code as { value: string; target: vscode.Uri };
    assert.equal(code.target.path.split('/').pop(), 'placeholder.md');
    assert.equal(blanks[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a quick fix corrects a misspelled paid marker', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '标题\n正文##PaidBegin##付费内容\n##paidend##\n' });
    await vscode.window.showTextDocument(doc);
    await until('the misspelling diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => (d.code as { value: string })?.value === 'paid-marker-spelling'));
    const pos = new vscode.Position(1, 4);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos), vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(1).text, '正文##paidbegin##付费内容');
    assert.ok(actions.some((a) => a.command?.command === 'report.disableRule'));
    assert.ok(actions.some((a) => a.command?.command === 'report.showRuleDocs'));
  });

  test('source.fixAll.report fixes everything fixable, and a second run finds nothing', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '标题\n正文##paidbegin##付费内容。\n##paidend##\n##paidend##\n' });
    await vscode.window.showTextDocument(doc);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const run = () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.report');
    const first = await until('a fix-all action', async () => {
      const a = await run();
      return a.length ? a : undefined;
    });
    assert.ok(first[0].edit);
    assert.ok(await vscode.workspace.applyEdit(first[0].edit));
    assert.equal(doc.getText(), '标题\n正文##paidbegin##付费内容。\n##paidend##\n');
    assert.equal((await run()).length, 0);
  });

  test('the paid region is decorated', async () => {
    const editor = await openReport('language.report');
    const api = vscode.extensions.getExtension(EXT_ID)!.exports as { decorations: { applied: Map<string, { regions: { content: { start: { line: number } } }[] }> } };
    const applied = await until('paid decorations', () => api.decorations.applied.get(editor.document.uri.toString()));
    assert.equal(applied.regions.length, 1);
    assert.equal(applied.regions[0].content.start.line, 12);
  });

  test('semantic tokens mark the paid markers and blanks', async () => {
    const uri = workspaceFile('language.report');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    assert.ok(legend.tokenTypes.includes('paidMarker'));
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
    assert.ok(tokens.data.length >= 5 * 6, 'at least six tokens');
  });

  test('snippets are contributed and offered', async () => {
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    const snippets = ext.packageJSON.contributes.snippets as { language: string; path: string }[];
    assert.equal(snippets[0].language, 'report');
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '\n' });
    await vscode.window.showTextDocument(doc);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 0));
    const snippetItems = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippetItems.length >= 10, `snippets offered: ${snippetItems.length}`);
  });

  test('files named like reports open as reports', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('2024年工作总结.txt'));
    assert.equal(doc.languageId, 'report');
  });
});
