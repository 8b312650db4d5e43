// Word export and import: *Report: Export to Word* writes the report as a .docx in the layout of official
// documents (GB/T 9704); *Report: Import Word Document* opens a .docx as a new report. The language server
// gives the report's printed paragraphs; the Word writer and reader (dist/export.js) load on first use.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PrintRequest, type ImportResult, type PrintParagraph, type PrintResult } from '../../server/src/protocol';

/** What dist/export.js exports (server/src/export/index.ts; the unit tests check that they agree). */
export interface ExportBundle {
  /** The printed paragraphs as a .docx; `settings` are the `report.export` settings (defaults for what is missing or invalid). */
  writeDocx(paragraphs: readonly PrintParagraph[], settings: unknown): Promise<Uint8Array>;
  importDocx(bytes: Uint8Array): Promise<ImportResult>;
}

export interface ExportArgs {
  /** Where to write, skipping the save dialog. */
  target?: vscode.Uri | string;
  /** Export even when blanks are left, without asking. */
  allowBlanks?: boolean;
}

export interface ExportOutcome {
  target: vscode.Uri;
  bytes: number;
  paragraphs: number;
  blanks: number;
  /** Milliseconds: the server's answer, and writing the .docx (loading the library included the first time). */
  printMs: number;
  writeMs: number;
}

export interface ImportOutcome extends ImportResult {
  document: vscode.TextDocument;
}

/** The `report.export` settings of a document (VS Code fills in the defaults of package.json). */
export function exportSettings(scope?: vscode.Uri): unknown {
  return vscode.workspace.getConfiguration('report', scope).get('export');
}

export class WordCommands {
  /** The last export and import, for the extension's tests. */
  lastExport: ExportOutcome | undefined;
  lastImport: ImportOutcome | undefined;

  constructor(
    context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
    private readonly loadExport?: () => Promise<ExportBundle>,
  ) {
    context.subscriptions.push(
      vscode.commands.registerCommand('report.exportToWord', (arg?: ExportArgs | vscode.Uri) => this.exportCommand(arg)),
      vscode.commands.registerCommand('report.importWord', (arg?: vscode.Uri | string) => this.importCommand(arg)),
    );
  }

  /** Whether this entry can load the Word writer and reader (the desktop one can). */
  get available(): boolean {
    return this.loadExport !== undefined;
  }

  /** The Word writer and reader, loaded on first use. */
  async bundle(): Promise<ExportBundle> {
    if (!this.loadExport) throw new Error(vscode.l10n.t('Word documents can be exported and imported in desktop VS Code only, for now.'));
    return this.loadExport();
  }

  /** The printed paragraphs of a document, for its current version. */
  async print(doc: vscode.TextDocument): Promise<PrintResult | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await this.client.sendRequest(PrintRequest, { uri: doc.uri.toString() });
      if (!result || result.version === doc.version) return result;
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }

  private async exportCommand(arg?: ExportArgs | vscode.Uri): Promise<ExportOutcome | undefined> {
    const args: ExportArgs = arg instanceof vscode.Uri ? {} : arg ?? {};
    let doc: vscode.TextDocument | undefined;
    if (arg instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(arg);
    else doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'report') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (a .report file) to use this command.'));
      return undefined;
    }
    try {
      return await this.exportDocument(doc, args);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The export to Word failed: {0}', e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  }

  async exportDocument(doc: vscode.TextDocument, args: ExportArgs = {}): Promise<ExportOutcome | undefined> {
    const t0 = performance.now();
    const printed = await this.print(doc);
    if (!printed) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The report language server is not ready yet. Please try again.'));
      return undefined;
    }
    const printMs = performance.now() - t0;
    const blanks = printed.blanks.length;
    if (blanks && !args.allowBlanks) {
      const goTo = vscode.l10n.t('Go to First Blank');
      const anyway = vscode.l10n.t('Export Anyway');
      const choice = await vscode.window.showWarningMessage(
        blanks === 1 ? vscode.l10n.t('This report has 1 blank left to fill.') : vscode.l10n.t('This report has {0} blanks left to fill.', blanks),
        goTo,
        anyway,
      );
      if (choice === goTo) {
        const first = printed.blanks[0];
        const range = new vscode.Range(doc.positionAt(first.start), doc.positionAt(first.end));
        const editor = await vscode.window.showTextDocument(doc);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return undefined;
      }
      if (choice !== anyway) return undefined;
    }
    let target = typeof args.target === 'string' ? vscode.Uri.parse(args.target) : args.target;
    if (!target) {
      target = await vscode.window.showSaveDialog({
        defaultUri: defaultTarget(doc, printed),
        filters: { [vscode.l10n.t('Word Document')]: ['docx'] },
        saveLabel: vscode.l10n.t('Export'),
        title: vscode.l10n.t('Export to Word'),
      });
      if (!target) return undefined;
    }
    const t1 = performance.now();
    const file = target;
    // A long report takes seconds (docx writes some 70 pages a second): show that it is under way.
    const bytes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}…', baseName(file)) },
      async () => (await this.bundle()).writeDocx(printed.paragraphs, exportSettings(doc.uri)),
    );
    const writeMs = performance.now() - t1;
    await vscode.workspace.fs.writeFile(target, bytes);
    const outcome: ExportOutcome = { target, bytes: bytes.length, paragraphs: printed.paragraphs.length, blanks, printMs, writeMs };
    this.lastExport = outcome;
    this.client.info(`exported ${target.toString()} (${bytes.length} bytes): server ${printMs.toFixed(0)} ms, docx ${writeMs.toFixed(0)} ms`);
    if (!args.target) {
      const open = vscode.l10n.t('Open');
      const reveal = vscode.l10n.t('Show in Folder');
      void vscode.window
        .showInformationMessage(vscode.l10n.t('Exported the report to {0}.', baseName(target)), open, ...(target.scheme === 'file' ? [reveal] : []))
        .then((c) => {
          if (c === open) void vscode.env.openExternal(target);
          else if (c === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
        });
    }
    return outcome;
  }

  private async importCommand(arg?: vscode.Uri | string): Promise<ImportOutcome | undefined> {
    let source = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg;
    if (!source) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Word Document')]: ['docx'] },
        openLabel: vscode.l10n.t('Import'),
        title: vscode.l10n.t('Import Word Document'),
      });
      source = picked?.[0];
      if (!source) return undefined;
    }
    try {
      const bytes = await vscode.workspace.fs.readFile(source);
      const result = await (await this.bundle()).importDocx(bytes);
      const document = await vscode.workspace.openTextDocument({ language: 'report', content: result.text });
      await vscode.window.showTextDocument(document, { preview: false });
      this.lastImport = { ...result, document };
      const name = baseName(source);
      vscode.window.setStatusBarMessage(
        result.images
          ? vscode.l10n.t('Imported {0}: {1} paragraphs, {2} tables; {3} images left out (marked 〔图片已略去〕).', name, result.paragraphs, result.tables, result.images)
          : vscode.l10n.t('Imported {0}: {1} paragraphs, {2} tables.', name, result.paragraphs, result.tables),
        8000,
      );
      if (result.warnings.length) this.client.info(`import of ${source.toString()}:\n  ${result.warnings.join('\n  ')}`);
      return this.lastImport;
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import {0}: {1}', baseName(source), e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  }
}

/** The file name of a URI. */
function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Beside the report, with its name; for an unsaved report, its title in the first workspace folder. */
function defaultTarget(doc: vscode.TextDocument, printed: PrintResult): vscode.Uri | undefined {
  if (!doc.isUntitled) return doc.uri.with({ path: doc.uri.path.replace(/(\.[^./]*)?$/u, '.docx') });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const title = printed.paragraphs.find((p) => p.kind === 'title')?.text.replace(/[\\/:*?"<>|\s]+/gu, '') || 'report';
  return folder ? vscode.Uri.joinPath(folder, `${title.slice(0, 60)}.docx`) : undefined;
}
