// Makes the paid part visible in every theme: a background over the paid content, a stronger mark on
// the markers, and marks in the overview ruler. Colours are contributed (report.paid*) so users can change them.

import * as vscode from 'vscode';
import type { BaseLanguageClient, Range as LspRange } from 'vscode-languageclient';
import { PaidRegionsRequest, type PaidRegionsResult } from '../../server/src/protocol';

export type { PaidRegionsResult };

const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class PaidDecorations implements vscode.Disposable {
  private readonly region = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('report.paidRegionBackground'),
    overviewRulerColor: new vscode.ThemeColor('report.paidRegionOverviewRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly marker = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('report.paidMarkerBackground'),
    color: new vscode.ThemeColor('report.paidMarkerForeground'),
    borderRadius: '3px',
    fontWeight: 'bold',
    overviewRulerColor: new vscode.ThemeColor('report.paidMarkerOverviewRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last regions applied, per document, for tests and the status bar. */
  readonly applied = new Map<string, PaidRegionsResult>();

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(
      this.region,
      this.marker,
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'report') this.schedule(150);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('report')) this.schedule(0);
      }),
    );
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  async update(): Promise<void> {
    const enabled = vscode.workspace.getConfiguration('report').get<boolean>('decorations.paidRegion', true);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.languageId !== 'report') continue;
      if (!enabled) {
        editor.setDecorations(this.region, []);
        editor.setDecorations(this.marker, []);
        continue;
      }
      let result: PaidRegionsResult | null = null;
      try {
        result = await this.client.sendRequest(PaidRegionsRequest, { uri: editor.document.uri.toString() });
      } catch {
        result = null;
      }
      if (!result || result.version !== editor.document.version) continue;
      editor.setDecorations(this.region, result.regions.map((r) => toRange(r.content)));
      editor.setDecorations(this.marker, result.markers.map((m) => toRange(m.range)));
      this.applied.set(editor.document.uri.toString(), result);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
