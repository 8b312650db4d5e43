// The status bar item of report editors: the character count (of the selection when there is one), the
// paid share and the blanks left. Updated shortly after edits and selection changes, never in the way of
// typing: requests run in the background and answers for an older state are dropped.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { StatisticsRequest } from '../../server/src/protocol';
import { formatNumber, formatShare, type ReportStats } from './statisticsView';

const MAX_SELECTIONS = 20;

export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('report.statistics', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  /** Whole-document statistics by document, for the version they were computed for. */
  private readonly whole = new Map<string, ReportStats>();

  constructor(private readonly client: BaseLanguageClient) {
    this.item.name = vscode.l10n.t('Report Statistics');
    this.item.command = 'report.showStatistics';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.schedule(150);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length) this.schedule(400);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.whole.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('report.statusBar.enabled')) this.schedule(0);
      }),
    );
    this.schedule(0);
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async request(uri: string, range?: vscode.Range): Promise<ReportStats | null> {
    try {
      return await this.client.sendRequest(StatisticsRequest, {
        uri,
        range: range ? this.client.code2ProtocolConverter.asRange(range) : undefined,
      });
    } catch {
      return null;
    }
  }

  async update(): Promise<void> {
    const seq = ++this.seq;
    const editor = vscode.window.activeTextEditor;
    const enabled = vscode.workspace.getConfiguration('report').get<boolean>('statusBar.enabled', true);
    if (!enabled || !editor || editor.document.languageId !== 'report') {
      this.item.hide();
      return;
    }
    const doc = editor.document;
    const uri = doc.uri.toString();
    const version = doc.version;
    let whole = this.whole.get(uri);
    if (!whole || whole.version !== version) {
      const fresh = await this.request(uri);
      if (seq !== this.seq) return;
      if (!fresh) return;
      whole = fresh;
      this.whole.set(uri, fresh);
    }
    const selections = editor.selections.filter((s) => !s.isEmpty).slice(0, MAX_SELECTIONS);
    let selected: number | undefined;
    if (selections.length) {
      const parts = await Promise.all(selections.map((s) => this.request(uri, s)));
      if (seq !== this.seq) return;
      selected = parts.reduce((n, p) => n + (p ? p.chars : 0), 0);
    }
    if (doc.version !== whole.version) return; // typed meanwhile: the next update follows

    if (whole.garbled) {
      // The counts of garbled text mean nothing: say what is wrong instead (the problem explains the fix).
      const label = vscode.l10n.t('Wrong encoding');
      this.item.text = `$(warning) ${label}`;
      this.item.tooltip = vscode.l10n.t('This report is garbled: it was opened with the wrong encoding (most likely it is {0}). Use the quick fix on the first line to reopen it; do not save it.', whole.garbled.encoding.toUpperCase().replace('UTF8', 'UTF-8'));
      this.item.accessibilityInformation = { label };
      this.item.show();
      return;
    }
    const parts: string[] = [
      selected !== undefined ? vscode.l10n.t('{0} of {1} chars', formatNumber(selected), formatNumber(whole.chars)) : vscode.l10n.t('{0} chars', formatNumber(whole.chars)),
    ];
    if (whole.paidChars) parts.push(vscode.l10n.t('{0} paid', formatShare(whole.paidChars, whole.chars)));
    if (whole.blanks) parts.push(whole.blanks === 1 ? vscode.l10n.t('1 blank') : vscode.l10n.t('{0} blanks', formatNumber(whole.blanks)));
    this.item.text = `$(book) ${parts.join(' · ')}`;

    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${vscode.l10n.t('Report Statistics')}**\n\n`);
    const rows: [string, string][] = [];
    if (selected !== undefined) rows.push([vscode.l10n.t('Selected'), vscode.l10n.t('{0} chars', formatNumber(selected))]);
    rows.push([vscode.l10n.t('Characters'), formatNumber(whole.chars)]);
    rows.push([vscode.l10n.t('Paid content'), whole.paidChars ? `${formatNumber(whole.paidChars)} (${formatShare(whole.paidChars, whole.chars)})` : vscode.l10n.t('none')]);
    rows.push([vscode.l10n.t('Blanks left to fill'), formatNumber(whole.blanks)]);
    rows.push([vscode.l10n.t('Headings'), formatNumber(whole.headings)]);
    tip.appendMarkdown(`| | |\n|:--|--:|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n\n`);
    tip.appendMarkdown(vscode.l10n.t('Characters are counted without white space; paid markers are not counted.') + '\n\n');
    tip.appendMarkdown(vscode.l10n.t('Click to show the statistics by section.'));
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: parts.join(', ') };
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
