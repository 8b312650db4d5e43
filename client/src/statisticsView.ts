// The statistics of a report in a webview beside the editor: totals (characters, paid part, blanks left,
// headings, paragraphs) and a table of the sections with their share of the report. It follows the
// active report and refreshes as the author types.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

import { StatisticsRequest, type ReportStats, type SectionStats } from '../../server/src/protocol';
import { esc, nonce } from './webview';

export type { SectionStats };

/** The answer of the server's `report/statistics` request: the core's statistics for a document version. */
export type { ReportStats };

export function formatNumber(n: number): string {
  try {
    return new Intl.NumberFormat(vscode.env.language).format(n);
  } catch {
    return String(n);
  }
}

/** A share as a percentage for display: `42%`, `<1%` for small non-zero shares. */
export function formatShare(part: number, whole: number): string {
  if (!whole || !part) return '0%';
  const p = (part / whole) * 100;
  if (p < 1) return '<1%';
  return `${Math.round(p)}%`;
}

export class StatisticsView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];
  /** The statistics last shown, for tests. */
  lastShown: ReportStats | undefined;

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.doc) this.schedule(500);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && editor.document.languageId === 'report' && editor.document !== this.doc) {
          this.doc = editor.document;
          this.schedule(0);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc && this.panel) this.panel.dispose();
      }),
    );
  }

  /** Shows (or reveals) the view for a report. */
  async show(doc: vscode.TextDocument): Promise<void> {
    this.doc = doc;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'report.statistics',
        vscode.l10n.t('Report Statistics'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableFindWidget: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        if (this.timer) clearTimeout(this.timer);
      });
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.refresh();
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const doc = this.doc;
    const panel = this.panel;
    if (!doc || !panel) return;
    const seq = ++this.seq;
    let stats: ReportStats | null = null;
    try {
      stats = await this.client.sendRequest(StatisticsRequest, { uri: doc.uri.toString() });
    } catch {
      stats = null;
    }
    if (seq !== this.seq || this.panel !== panel) return;
    const name = doc.isUntitled ? doc.uri.path : doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
    panel.title = vscode.l10n.t('Statistics: {0}', name);
    if (!stats) {
      panel.webview.html = this.page(name, { html: `<p class="muted">${esc(vscode.l10n.t('The statistics are not available yet.'))}</p>`, css: '' });
      return;
    }
    this.lastShown = stats;
    panel.webview.html = this.page(name, this.body(stats));
  }

  private body(s: ReportStats): { html: string; css: string } {
    const card = (label: string, value: string, sub = '', cls = '') =>
      `<div class="card ${cls}"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div>${sub ? `<div class="sub">${esc(sub)}</div>` : ''}</div>`;
    const cards = [
      card(vscode.l10n.t('Characters'), formatNumber(s.chars), vscode.l10n.t('no spaces, paid markers not counted')),
      card(vscode.l10n.t('Paid content'), formatNumber(s.paidChars), s.paidChars ? vscode.l10n.t('{0} of the report', formatShare(s.paidChars, s.chars)) : vscode.l10n.t('none'), s.paidChars ? 'paid' : ''),
      card(vscode.l10n.t('Blanks left to fill'), formatNumber(s.blanks), s.blanks ? vscode.l10n.t('fill them in before sending') : vscode.l10n.t('all filled'), s.blanks ? 'warn' : 'ok'),
      card(vscode.l10n.t('Headings'), formatNumber(s.headings)),
      card(vscode.l10n.t('Paragraphs'), formatNumber(s.paragraphs)),
    ].join('');

    const rows: string[] = [];
    // Widths go into the page's style sheet (the content security policy allows no inline styles).
    const css: string[] = [];
    const walk = (list: SectionStats[], depth: number) => {
      for (const sec of list) {
        const share = s.chars ? Math.min(100, (sec.chars / s.chars) * 100) : 0;
        const paid = sec.chars ? Math.min(100, (sec.paidChars / sec.chars) * 100) : 0;
        const id = `s${rows.length}`;
        css.push(`#${id} td.name{padding-left:${(0.6 + depth * 1.4).toFixed(1)}em}#${id} .fill{width:${share.toFixed(1)}%}#${id} .paidfill{width:${paid.toFixed(1)}%}`);
        rows.push(
          `<tr id="${id}" class="rank${sec.level <= 0 ? 'part' : sec.level}">` +
            `<td class="name" title="${esc(sec.name)}">${esc(sec.name)}</td>` +
            `<td class="num">${formatNumber(sec.chars)}</td>` +
            `<td class="bar"><div class="track"><div class="fill"><div class="paidfill"></div></div></div><span class="pct">${formatShare(sec.chars, s.chars)}</span></td>` +
            `<td class="num">${sec.paidChars ? formatNumber(sec.paidChars) : '<span class="muted">—</span>'}</td>` +
            `<td class="num">${sec.blanks ? `<span class="warnText">${formatNumber(sec.blanks)}</span>` : '<span class="muted">—</span>'}</td>` +
            `</tr>`,
        );
        walk(sec.children, depth + 1);
      }
    };
    walk(s.sections, 0);
    const table = rows.length
      ? `<table>
          <colgroup><col><col class="c-num"><col class="c-bar"><col class="c-num"><col class="c-small"></colgroup>
          <thead><tr><th>${esc(vscode.l10n.t('Section'))}</th><th class="num">${esc(vscode.l10n.t('Chars'))}</th><th>${esc(vscode.l10n.t('Share'))}</th><th class="num">${esc(vscode.l10n.t('Paid'))}</th><th class="num">${esc(vscode.l10n.t('Blanks'))}</th></tr></thead>
          <tbody>${rows.join('')}</tbody>
        </table>
        <p class="legend"><span class="swatch fill"></span>${esc(vscode.l10n.t('share of the report'))}<span class="swatch paidfill"></span>${esc(vscode.l10n.t('paid part of the section'))}</p>`
      : `<p class="muted">${esc(vscode.l10n.t('This report has no headings yet, so there are no sections to list.'))}</p>`;
    const garbled = s.garbled
      ? `<p class="warnText">${esc(vscode.l10n.t('This report is garbled: it was opened with the wrong encoding (most likely it is {0}). Use the quick fix on the first line to reopen it; do not save it.', s.garbled.encoding.toUpperCase().replace('UTF8', 'UTF-8')))}</p>`
      : '';
    const html = `${garbled}<section class="cards">${cards}</section><h2>${esc(vscode.l10n.t('Sections'))}</h2>${table}
      <p class="note">${esc(vscode.l10n.t('Characters are counted as word processors count “characters (no spaces)”: every character except white space. Paid markers themselves are not counted; the text between them is.'))}</p>`;
    return { html, css: css.join('\n') };
  }

  private page(name: string, body: { html: string; css: string }): string {
    const n = nonce();
    const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
    const time = new Date().toLocaleTimeString(vscode.env.language);
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.2em 2em; line-height: 1.5; }
  h1 { font-size: 1.5em; font-weight: 600; margin: 1em 0 0.2em; }
  h2 { font-size: 1.15em; font-weight: 600; margin: 1.6em 0 0.6em; }
  .file { color: var(--vscode-descriptionForeground); margin: 0 0 1.2em; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: 0.8em; }
  .card { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); border-radius: 6px; padding: 0.7em 0.9em; background: var(--vscode-editorWidget-background, transparent); }
  .card .label { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
  .card .value { font-size: 1.9em; font-weight: 600; font-variant-numeric: tabular-nums; line-height: 1.3; }
  .card .sub { color: var(--vscode-descriptionForeground); font-size: 0.85em; }
  .card.paid { border-left: 4px solid var(--vscode-report-paidMarkerOverviewRuler, var(--vscode-charts-yellow, #d4a017)); }
  .card.warn { border-left: 4px solid var(--vscode-editorWarning-foreground, #cca700); }
  .card.ok { border-left: 4px solid var(--vscode-charts-green, #89d185); }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  col.c-num { width: 5em; } col.c-bar { width: 30%; } col.c-small { width: 5em; }
  th { text-align: left; font-weight: 600; color: var(--vscode-descriptionForeground); border-bottom: 1px solid var(--vscode-panel-border, #8884); padding: 0.35em 0.6em; white-space: nowrap; }
  td { padding: 0.3em 0.6em; border-bottom: 1px solid var(--vscode-editorGroup-border, #8882); vertical-align: middle; }
  tr:hover td { background: var(--vscode-list-hoverBackground); }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  td.name, th { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  tr.rankpart td.name, tr.rank1 td.name { font-weight: 600; }
  td.bar { white-space: nowrap; }
  .track { display: inline-block; vertical-align: middle; width: calc(100% - 3.6em); height: 0.7em; border-radius: 3px; background: var(--vscode-editorWidget-border, #8883); overflow: hidden; }
  .fill { height: 100%; background: var(--vscode-charts-blue, #3794ff); position: relative; }
  .paidfill { position: absolute; left: 0; top: 0; bottom: 0; background: var(--vscode-report-paidMarkerOverviewRuler, var(--vscode-charts-yellow, #d4a017)); }
  .pct { display: inline-block; width: 3.2em; text-align: right; font-variant-numeric: tabular-nums; color: var(--vscode-descriptionForeground); }
  .legend { color: var(--vscode-descriptionForeground); font-size: 0.85em; }
  .swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; vertical-align: middle; margin: 0 0.4em 0 1em; position: static; }
  .swatch.fill { margin-left: 0; }
  .muted { color: var(--vscode-descriptionForeground); }
  .warnText { color: var(--vscode-editorWarning-foreground, #cca700); font-weight: 600; }
  .note, .updated { color: var(--vscode-descriptionForeground); font-size: 0.85em; margin-top: 1.4em; }
  ${body.css}
</style>
<title>${esc(vscode.l10n.t('Report Statistics'))}</title>
</head>
<body>
<h1>${esc(vscode.l10n.t('Report Statistics'))}</h1>
<p class="file">${esc(name)}</p>
${body.html}
<p class="updated">${esc(vscode.l10n.t('Updated {0}', time))}</p>
</body>
</html>`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
