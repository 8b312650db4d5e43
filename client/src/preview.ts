// *Report: Open Preview to the Side*: the report as printed pages (A4, 22 lines of 28 characters, the fonts
// of GB/T 9704 with fallbacks, page numbers), laid out by the same code that gives the Word export its page
// count. It follows edits (debounced; the pages are swapped in place, without flicker), scrolls with the
// editor both ways, and marks blanks left to fill and problems of warning level. Outside the pages it
// follows the theme. The page is static HTML and one script under a strict content security policy.

import * as vscode from 'vscode';
import type { PrintedParagraph, PrintResult } from '../../server/src/protocol';
import { exportSettings, type WordCommands } from './exportCommands';
import { esc, nonce } from './webview';

/** The `report.export` settings the preview uses, checked (they go into the page's style sheet). */
interface PreviewOptions {
  fonts: Record<'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'latin' | 'pageNumber', string>;
  sizes: { title: number; body: number; pageNumber: number };
  boldHeadings: boolean;
}

const DEFAULT_SIZES = { title: 22, body: 16, pageNumber: 14 };

function previewOptions(settings: unknown): PreviewOptions {
  const s = settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {};
  const fonts = (s.fonts && typeof s.fonts === 'object' ? s.fonts : {}) as Record<string, unknown>;
  const sizes = (s.sizes && typeof s.sizes === 'object' ? s.sizes : {}) as Record<string, unknown>;
  const font = (k: string) => (typeof fonts[k] === 'string' ? (fonts[k] as string).slice(0, 64) : '');
  const size = (k: keyof typeof DEFAULT_SIZES) => {
    const v = sizes[k];
    return typeof v === 'number' && Number.isFinite(v) && v >= 5 && v <= 72 ? v : DEFAULT_SIZES[k];
  };
  return {
    fonts: {
      title: font('title'), body: font('body'), heading1: font('heading1'), heading2: font('heading2'),
      heading3: font('heading3'), heading4: font('heading4'), latin: font('latin'), pageNumber: font('pageNumber'),
    },
    sizes: { title: size('title'), body: size('body'), pageNumber: size('pageNumber') },
    boldHeadings: s.boldHeadings === true,
  };
}

/** What the preview last showed, for the extension's tests and timings. */
export interface PreviewState {
  uri: string;
  version: number;
  /** Pages of the layout, and pages the webview drew (the same up to MAX_DRAWN_PAGES, unless drawing failed). */
  pages: number;
  drawnPages: number;
  blanks: number;
  warnings: number;
  /** Milliseconds from the update's start (after the debounce) to the webview's answer, and its parts:
   *  the server's printed and laid-out paragraphs, the HTML, the webview's drawing (message round trip). */
  ms: number;
  printMs: number;
  layoutMs: number;
  drawMs: number;
}

interface Mark {
  start: number;
  end: number;
  cls: 'blank' | 'warn';
  title?: string;
}

/** A CSS font-family list: the configured font first, then the usual names and the fonts found everywhere. */
function fontStack(configured: string, fallbacks: string): string {
  const name = configured.replace(/["\\;{}<>\u0000-\u001f]/gu, '').trim();
  return name ? `"${name}", ${fallbacks}` : fallbacks;
}

const SERIF_CJK = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif';
const SANS_CJK = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Marks (blanks, warnings) in paragraph-text offsets. */
function marksOf(p: PrintedParagraph, marks: readonly Mark[]): Mark[] {
  const out: Mark[] = [];
  let at = 0;
  for (const piece of p.pieces) {
    const s = piece.start;
    const e = piece.start + piece.text.length;
    for (const m of marks) {
      if (m.end <= s || m.start >= e) continue;
      out.push({ ...m, start: at + Math.max(0, m.start - s), end: at + Math.min(e, m.end) - s });
    }
    at += piece.text.length;
  }
  return out;
}

/** One line of a paragraph as HTML: heading part, blanks and warnings in spans. */
function lineHtml(p: PrintedParagraph, from: number, to: number, marks: readonly Mark[]): string {
  const cuts = new Set([from, to]);
  if (p.headingLength > from && p.headingLength < to) cuts.add(p.headingLength);
  for (const m of marks) {
    if (m.start > from && m.start < to) cuts.add(m.start);
    if (m.end > from && m.end < to) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const cls: string[] = [];
    if (a < p.headingLength) cls.push(`h${p.level}`);
    const titles: string[] = [];
    for (const m of marks) {
      if (m.start <= a && m.end >= b) {
        if (!cls.includes(m.cls)) cls.push(m.cls);
        if (m.title) titles.push(m.title);
      }
    }
    const text = esc(p.text.slice(a, b));
    html += cls.length ? `<span class="${cls.join(' ')}"${titles.length ? ` title="${esc(titles.join('\n'))}"` : ''}>${text}</span>` : text;
  }
  return html;
}

/** Pages the preview draws at most: a very long report shows its beginning (the count is still exact). */
export const MAX_DRAWN_PAGES = 200;

/** The pages as HTML. */
export function pagesHtml(printed: PrintResult, marks: readonly Mark[]): string {
  const per = printed.linesPerPage;
  const drawn = Math.min(printed.pages, MAX_DRAWN_PAGES);
  const pages: string[][] = Array.from({ length: drawn }, () => []);
  const ps = printed.paragraphs;
  for (const p of ps) {
    if (p.lineRows[0] >= drawn * per) break;
    const pm = marks.length ? marksOf(p, marks) : [];
    const n = p.lineStarts.length;
    for (let k = 0; k < n; k++) {
      const from = p.lineStarts[k];
      const to = k + 1 < n ? p.lineStarts[k + 1] : p.text.length;
      const row = p.lineRows[k];
      if (row >= drawn * per) break;
      const cls = ['ln', `k-${p.kind}`];
      if (k === 0) cls.push('first');
      if (k + 1 < n) cls.push('full');
      if (p.kind === 'signature' || p.kind === 'date') cls.push(`r${Math.max(0, Math.min(12, Math.round(p.rightIndent ?? 2)))}`);
      pages[Math.floor(row / per)].push(
        `<div class="${cls.join(' ')}" data-line="${p.line}" data-row="${row % per}">${lineHtml(p, from, to, pm) || '&#8203;'}</div>`,
      );
    }
  }
  return pages
    .map((lines, i) => `<section class="page ${i % 2 ? 'even' : 'odd'}" data-page="${i + 1}"><div class="block">${lines.join('')}</div><div class="pn">— ${i + 1} —</div></section>`)
    .join('');
}

export class PagePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private started = 0;
  private pending: { version: number; pages: number; blanks: number; warnings: number; printMs: number; layoutMs: number; posted: number } | undefined;
  /** Ignore the editor's scroll events until then: they answer the preview's own scrolling. */
  private quietEditorUntil = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<PreviewState>();
  /** Fires when the webview has drawn an update. */
  readonly onDidRender = this.rendered.event;
  last: PreviewState | undefined;

  constructor(private readonly word: WordCommands) {
    this.disposables.push(
      this.rendered,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.doc && e.contentChanges.length) this.schedule(250);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.panel && this.doc && e.uris.some((u) => u.toString() === this.doc!.uri.toString())) this.schedule(250);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.panel && e.affectsConfiguration('report.export')) this.show(this.doc!, true);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && editor.document.languageId === 'report' && editor.document !== this.doc) {
          this.doc = editor.document;
          this.schedule(0);
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.panel || e.textEditor.document !== this.doc || !e.visibleRanges.length) return;
        if (Date.now() < this.quietEditorUntil) return;
        void this.panel.webview.postMessage({ type: 'scroll', line: e.visibleRanges[0].start.line });
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc && this.panel) this.panel.dispose();
      }),
    );
  }

  get visible(): boolean {
    return !!this.panel;
  }

  /** Opens (or reveals) the preview of a report beside its editor. */
  show(doc: vscode.TextDocument, rebuild = false): void {
    this.doc = doc;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'report.preview',
        vscode.l10n.t('Preview'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [], retainContextWhenHidden: true },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        if (this.timer) clearTimeout(this.timer);
      }, null, this.disposables);
      this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m), null, this.disposables);
      rebuild = true;
    } else {
      this.panel.reveal(undefined, true);
    }
    const name = doc.isUntitled ? doc.uri.path : doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
    this.panel.title = vscode.l10n.t('Preview: {0}', name);
    if (rebuild) this.panel.webview.html = this.shell(previewOptions(exportSettings(doc.uri)));
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const doc = this.doc;
    const panel = this.panel;
    if (!doc || !panel) return;
    const seq = ++this.seq;
    this.started = performance.now();
    let printed: PrintResult | null = null;
    try {
      printed = await this.word.print(doc);
    } catch {
      printed = null;
    }
    if (seq !== this.seq || this.panel !== panel || !printed) return;
    const printMs = performance.now() - this.started;
    const marks: Mark[] = printed.blanks.map((b) => ({ start: b.start, end: b.end, cls: 'blank' as const, title: vscode.l10n.t('Blank left to fill') }));
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(doc.uri)) {
      if (d.severity > vscode.DiagnosticSeverity.Warning) continue;
      warnings++;
      marks.push({ start: doc.offsetAt(d.range.start), end: Math.max(doc.offsetAt(d.range.end), doc.offsetAt(d.range.start) + 1), cls: 'warn', title: d.message });
    }
    marks.sort((a, b) => a.start - b.start);
    const html = pagesHtml(printed, marks);
    const summary = [
      printed.pages === 1 ? vscode.l10n.t('1 page') : vscode.l10n.t('{0} pages', printed.pages),
      ...(printed.pages > MAX_DRAWN_PAGES ? [vscode.l10n.t('the first {0} shown', MAX_DRAWN_PAGES)] : []),
      printed.blanks.length === 1 ? vscode.l10n.t('1 blank left to fill') : vscode.l10n.t('{0} blanks left to fill', printed.blanks.length),
      warnings === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', warnings),
    ].join(' · ');
    const posted = performance.now();
    this.pending = { version: printed.version, pages: printed.pages, blanks: printed.blanks.length, warnings, printMs, layoutMs: posted - this.started - printMs, posted };
    void panel.webview.postMessage({ type: 'render', seq, html, summary });
  }

  private onMessage(m: { type?: string; seq?: number; pages?: number; line?: number }): void {
    const doc = this.doc;
    if (!doc) return;
    if (m.type === 'rendered' && m.seq === this.seq && this.pending) {
      const { posted, ...state } = this.pending;
      const now = performance.now();
      this.last = { uri: doc.uri.toString(), ...state, drawnPages: m.pages ?? 0, ms: now - this.started, drawMs: now - posted };
      this.rendered.fire(this.last);
      return;
    }
    if ((m.type === 'reveal' || m.type === 'open') && typeof m.line === 'number') {
      const line = Math.max(0, Math.min(doc.lineCount - 1, m.line));
      const range = new vscode.Range(line, 0, line, 0);
      if (m.type === 'open') {
        void vscode.window.showTextDocument(doc, { viewColumn: vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn, selection: range });
        return;
      }
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
      if (!editor) return;
      this.quietEditorUntil = Date.now() + 300;
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    }
  }

  private shell(o: PreviewOptions): string {
    const n = nonce();
    const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
    // 225 mm / 22 rows; the body is 3号 (16 pt) condensed to 28 characters in 156 mm.
    const fonts = {
      title: fontStack(o.fonts.title, `"方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", ${SERIF_CJK}`),
      body: fontStack(o.fonts.body, `"仿宋", "FangSong", "STFangsong", ${SERIF_CJK}`),
      h1: fontStack(o.fonts.heading1, `"SimHei", "STHeiti", ${SANS_CJK}`),
      h2: fontStack(o.fonts.heading2, `"楷体", "KaiTi", "STKaiti", ${SERIF_CJK}`),
      h3: fontStack(o.fonts.heading3, `"仿宋", "FangSong", "STFangsong", ${SERIF_CJK}`),
      h4: fontStack(o.fonts.heading4, `"仿宋", "FangSong", "STFangsong", ${SERIF_CJK}`),
      pn: fontStack(o.fonts.pageNumber, `"SimSun", ${SERIF_CJK}`),
    };
    const latin = fontStack(o.fonts.latin, '"Times New Roman", "Liberation Serif", serif');
    const bold = o.boldHeadings ? 'bold' : 'normal';
    const body = o.sizes.body;
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">
  :root { --scale: 1; }
  body { margin: 0; padding: 0 0 2em; background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  .bar { position: sticky; top: 0; z-index: 2; padding: 0.4em 1em; background: var(--vscode-editorWidget-background, var(--vscode-editor-background)); border-bottom: 1px solid var(--vscode-panel-border, #8884); color: var(--vscode-descriptionForeground); }
  .legend .blank, .legend .warn { padding: 0 0.3em; margin-left: 1em; }
  #pages { padding: 1em 0; }
  .page { zoom: var(--scale); position: relative; box-sizing: border-box; width: 210mm; height: 297mm; margin: 0 auto 1.2em; padding: 37mm 26mm 35mm 28mm; background: #fff; color: #000; box-shadow: 0 1px 6px rgba(0,0,0,0.35); overflow: hidden; }
  .block { height: 225mm; font-family: ${latin}, ${fonts.body}; font-size: ${body}pt; letter-spacing: ${(-0.25 * body) / 16}pt; }
  .ln { height: calc(225mm / 22); line-height: calc(225mm / 22); white-space: pre; overflow: visible; text-align: justify; }
  .ln.full { text-align-last: justify; }
  .ln.first.k-body, .ln.first.k-heading, .ln.first.k-closing { text-indent: ${(2 * (body * 20 - 5)) / 20}pt; }
  .k-title { height: calc(225mm / 11); line-height: calc(225mm / 11); text-align: center; text-align-last: center; font-family: ${latin}, ${fonts.title}; font-size: ${o.sizes.title}pt; letter-spacing: 0; }
  .k-titleLine { text-align: center; text-align-last: center; font-family: ${latin}, ${fonts.h2}; }
  .k-signature, .k-date { text-align: right; text-align-last: right; }
  ${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => `.r${k} { padding-right: ${(k * (body * 20 - 5)) / 20}pt; }`).join(' ')}
  .h1 { font-family: ${latin}, ${fonts.h1}; font-weight: ${bold}; }
  .h2 { font-family: ${latin}, ${fonts.h2}; font-weight: ${bold}; }
  .h3 { font-family: ${latin}, ${fonts.h3}; font-weight: ${bold}; }
  .h4 { font-family: ${latin}, ${fonts.h4}; font-weight: ${bold}; }
  .pn { position: absolute; top: calc(37mm + 225mm + 7mm); font-family: ${fonts.pn}; font-size: ${o.sizes.pageNumber}pt; line-height: 1; }
  .odd .pn { right: calc(26mm + ${o.sizes.pageNumber}pt); }
  .even .pn { left: calc(28mm + ${o.sizes.pageNumber}pt); }
  .blank { background: rgba(255, 196, 0, 0.45); outline: 1px dashed #b07800; }
  .warn { text-decoration: underline wavy #d97706; text-decoration-skip-ink: none; }
  .empty { text-align: center; color: var(--vscode-descriptionForeground); padding: 3em 1em; }
</style>
<title>${esc(vscode.l10n.t('Preview'))}</title>
</head>
<body>
<div class="bar"><span id="summary"></span><span class="legend"><span class="blank">${esc(vscode.l10n.t('blank'))}</span><span class="warn">${esc(vscode.l10n.t('problem'))}</span></span></div>
<main id="pages"><p class="empty">${esc(vscode.l10n.t('Laying out the pages…'))}</p></main>
<script nonce="${n}">
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('pages');
  const summary = document.getElementById('summary');
  const PAGE_PX = 210 / 25.4 * 96;
  let quietUntil = 0;
  let timer = 0;
  function fit() {
    const w = document.documentElement.clientWidth - 24;
    document.documentElement.style.setProperty('--scale', String(Math.max(0.2, Math.min(1.25, w / PAGE_PX))));
  }
  /** The first drawn line of the last paragraph that starts at or before a source line. */
  function lineEl(line) {
    let best = null;
    let bestLine = -1;
    for (const el of root.querySelectorAll('.ln')) {
      const n = Number(el.dataset.line);
      if (n > line) break;
      if (n > bestLine) {
        best = el;
        bestLine = n;
      }
    }
    return best;
  }
  function scrollToLine(line) {
    const el = line > 0 ? lineEl(line) : null;
    quietUntil = Date.now() + 300;
    if (!el) {
      window.scrollTo(0, 0);
      return;
    }
    const bar = document.querySelector('.bar').offsetHeight;
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - bar - 8);
  }
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'render') {
      const y = window.scrollY;
      root.innerHTML = m.html;
      summary.textContent = m.summary;
      window.scrollTo(0, y);
      vscode.postMessage({ type: 'rendered', seq: m.seq, pages: root.querySelectorAll('.page').length });
    } else if (m.type === 'scroll') {
      scrollToLine(m.line);
    }
  });
  window.addEventListener('scroll', () => {
    if (Date.now() < quietUntil) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const top = document.querySelector('.bar').getBoundingClientRect().bottom;
      for (const el of root.querySelectorAll('.ln')) {
        if (el.getBoundingClientRect().bottom > top) {
          vscode.postMessage({ type: 'reveal', line: Number(el.dataset.line) });
          break;
        }
      }
    }, 60);
  });
  root.addEventListener('dblclick', (e) => {
    const el = e.target instanceof Element ? e.target.closest('.ln') : null;
    if (el) vscode.postMessage({ type: 'open', line: Number(el.dataset.line) });
  });
  window.addEventListener('resize', fit);
  fit();
})();
</script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
