// The report service: everything the language server does, independent of its host. It owns the
// configuration of each document (editor settings and `.reportrc.json`), the analysis of each document
// version, and every feature answered from them. Hosts (the Node LSP server, the browser worker, the
// command line) give it their way to read settings and workspace files and to log, and pass it documents.
//
// Nothing here imports Node or a transport: the service runs wherever JavaScript does.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentHighlightKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionContext,
  type Diagnostic,
  type DocumentHighlight,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { Analysis, CancelledError } from '../core/analysis';
import { resolveConfig, type ReportSettings, type ResolvedConfig, type SettingsLayer } from '../core/config';
import { t, type Lang } from '../core/i18n';
import { fixAll, type FixAllResult } from '../core/fix';
import { msg, type Msg, type Problem } from '../core/rules/types';
import { statistics } from '../core/stats';
import { codeActions, fixAllEdit } from '../lsp/actions';
import { completions } from '../lsp/completion';
import { toRange } from '../lsp/convert';
import { toDiagnostics } from '../lsp/diagnostics';
import { hover } from '../lsp/hover';
import { semanticTokens } from '../lsp/semantic';
import { documentSymbols, foldingRanges } from '../lsp/symbols';
import { formattingEdits } from '../lsp/format';
import * as workbench from '../lsp/workbench';
import type {
  DocumentParams,
  FixAllParams,
  NextBlankParams,
  NextHeadingResult,
  PaidRegionsResult,
  PositionParams,
  RangeParams,
  RenumberParams,
  ReportStats,
  StatisticsParams,
} from '../protocol';
import { ancestorsWithin, containingFolder, normalizeFolder } from './uris';

export { CancelledError };
// The print layout, for hosts that load the service on demand (lsp/connection.ts).
export { print } from '../lsp/print';

/** What the service needs from its host. Every call may fail; the service survives it. */
export interface ServiceHost {
  /** The `report` settings of the editor for a document (resource-scoped), or undefined. */
  getSettings(uri: string): Promise<unknown>;
  /**
   * Reads a workspace file (a `.reportrc.json`). The host answers undefined for a file that is absent,
   * unreadable, too large, not a regular file, or that lies (through a link or otherwise) outside the
   * workspace folders it was given.
   */
  readFile(uri: string): Promise<string | undefined>;
  /** Where a rule's documentation lives, for the diagnostic's link. */
  ruleDocUri?(ruleId: string): string | undefined;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** A message for the user (a settings mistake); the service sends each one once. */
  warn(message: string): void;
}

/** A cancellation token as LSP hosts have it. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export interface ServiceOptions {
  lang: Lang;
  /** The client implements the commands `report.disableRule` and `report.showRuleDocs`. */
  clientCommands?: boolean;
  /** The client resolves code actions (`codeAction/resolve` with `edit`). */
  resolveSupport?: boolean;
  /** Whether the workspace is trusted; true when absent. */
  trusted?: boolean;
  /** Gives way to the host's other work during a long lint; `setTimeout(0)` when absent. */
  pause?: () => Promise<void>;
}

export const RC_NAME = '.reportrc.json';
/** The most diagnostics sent for one document unless `report.maxProblems` says otherwise. */
export const DEFAULT_MAX_PROBLEMS = 1000;
/** Fix-all stops starting new rounds after this long (a pathological document), keeping what it did. */
export const FIX_ALL_BUDGET_MS = 5000;

interface DocConfig {
  config: ResolvedConfig;
  maxProblems: number;
}

interface Cached {
  text: string;
  config: ResolvedConfig;
  analysis: Analysis;
}

const NEVER: Cancellation = { isCancellationRequested: false };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export class ReportService {
  private lang: Lang;
  private clientCommands: boolean;
  private resolveSupport: boolean;
  private trusted: boolean;
  private folders: string[] = [];
  /** Settings pushed by the client (initialization options, didChangeConfiguration), for clients that cannot be asked. */
  private pushedSettings: unknown;
  private canPullSettings = true;
  private readonly pause: () => Promise<void>;

  private readonly open = new Set<string>();
  private readonly configs = new Map<string, Promise<DocConfig>>();
  private readonly analyses = new Map<string, Cached>();
  /** `.reportrc.json` per folder URI: its parsed settings, or null when there is none. */
  private readonly rcFiles = new Map<string, Promise<{ uri: string; settings: ReportSettings } | null>>();
  private readonly warned = new Set<string>();
  private generation = 0;

  constructor(
    private readonly host: ServiceHost,
    options: ServiceOptions,
  ) {
    this.lang = options.lang;
    this.clientCommands = options.clientCommands ?? false;
    this.resolveSupport = options.resolveSupport ?? false;
    this.trusted = options.trusted ?? true;
    this.pause = options.pause ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
  }

  // ---- workspace and configuration ---------------------------------------------------------------------

  /** The workspace folders (URIs): `.reportrc.json` is looked up only inside the folder that holds a document. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(normalizeFolder).filter((u): u is string => u !== undefined);
    this.configurationChanged();
  }

  /** Settings that the client pushes instead of answering `workspace/configuration`. */
  setPushedSettings(settings: unknown, canPull: boolean): void {
    this.pushedSettings = settings;
    this.canPullSettings = canPull;
  }

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.configurationChanged();
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  /** Editor settings changed: every configuration and analysis is stale. */
  configurationChanged(): void {
    this.configs.clear();
    this.analyses.clear();
    this.generation++;
  }

  /** A `.reportrc.json` changed, appeared or went away. */
  filesChanged(): void {
    this.rcFiles.clear();
    this.warned.clear();
    this.configurationChanged();
  }

  /** Changes whenever configurations change: part of a diagnostics result id. */
  get configGeneration(): number {
    return this.generation;
  }

  private warnOnce(key: string, message: Msg): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.host.warn(t(message, this.lang));
  }

  private async settingsFor(uri: string): Promise<unknown> {
    if (!this.canPullSettings) return this.pushedSettings;
    try {
      return await this.host.getSettings(uri);
    } catch (e) {
      this.host.log('warn', `workspace/configuration failed for ${uri}: ${errorText(e)}`);
      return this.pushedSettings;
    }
  }

  private rcIn(dir: string): Promise<{ uri: string; settings: ReportSettings } | null> {
    let p = this.rcFiles.get(dir);
    if (!p) {
      const uri = `${dir}/${RC_NAME}`;
      p = (async () => {
        let raw: string | undefined;
        try {
          raw = await this.host.readFile(uri);
        } catch (e) {
          this.host.log('warn', `cannot read ${uri}: ${errorText(e)}`);
          return null;
        }
        if (raw === undefined) return null;
        try {
          const json: unknown = JSON.parse(raw.replace(/^\uFEFF/, ''));
          if (!isRecord(json)) {
            this.warnOnce(uri, msg(`报告：${uri} 应为一个 JSON 对象，已忽略。`, `Report: ${uri} must hold a JSON object; it is ignored.`));
            return { uri, settings: {} };
          }
          return { uri, settings: json as ReportSettings };
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e);
          this.warnOnce(uri, msg(`报告：无法读取 ${uri}：${reason}`, `Report: cannot read ${uri}: ${reason}`));
          return { uri, settings: {} };
        }
      })();
      this.rcFiles.set(dir, p);
    }
    return p;
  }

  /** The nearest `.reportrc.json` from the document's folder up to (and including) its workspace folder. */
  private async rcFor(uri: string): Promise<{ uri: string; settings: ReportSettings } | undefined> {
    const folder = containingFolder(uri, this.folders);
    if (!folder) return undefined;
    for (const dir of ancestorsWithin(uri, folder)) {
      const found = await this.rcIn(dir);
      if (found) return found;
    }
    return undefined;
  }

  /** The resolved configuration of a document (cached until settings or files change). */
  configFor(uri: string): Promise<DocConfig> {
    let p = this.configs.get(uri);
    if (!p) {
      const generation = this.generation;
      p = (async () => {
        const settings = await this.settingsFor(uri);
        const rc = await this.rcFor(uri);
        const layers: SettingsLayer[] = [{ settings: isRecord(settings) ? settings : undefined, origin: 'user', label: 'settings' }];
        if (rc) layers.push({ settings: rc.settings, origin: 'workspace', label: rc.uri });
        const config = resolveConfig(layers, { trusted: this.trusted });
        for (const error of config.configErrors) this.warnOnce(`config:${error.en}`, msg(`报告：${error.zh}`, `Report: ${error.en}`));
        const max = isRecord(settings) ? settings.maxProblems : undefined;
        const maxProblems = typeof max === 'number' && Number.isInteger(max) && max > 0 ? Math.min(max, 100_000) : DEFAULT_MAX_PROBLEMS;
        return { config, maxProblems };
      })();
      // Kept only for open documents: a closed one (or a file checked once) must not stay in memory.
      if (this.open.has(uri)) this.configs.set(uri, p);
      // A failure (which the code above never throws, but a host may) is not cached.
      p.catch(() => {
        if (this.configs.get(uri) === p && this.generation === generation) this.configs.delete(uri);
      });
    }
    return p;
  }

  // ---- documents ------------------------------------------------------------------------------------------

  /** The host opened a document: its analyses are kept until it closes. */
  opened(uri: string): void {
    this.open.add(uri);
  }

  /** The host closed a document: everything kept for it goes, also what arrives later for it. */
  closed(uri: string): void {
    this.open.delete(uri);
    this.analyses.delete(uri);
    this.configs.delete(uri);
  }

  /** Documents with something kept for them (for tests of memory after close). */
  get retained(): { analyses: number; configs: number } {
    return { analyses: this.analyses.size, configs: this.configs.size };
  }

  /**
   * The analysis of a document's current text. Cached per document while it is open and its text and
   * configuration are the same (a client that sends a change without advancing the version still gets a
   * fresh analysis).
   */
  async analyze(doc: TextDocument): Promise<Analysis> {
    const { config } = await this.configFor(doc.uri);
    const text = doc.getText();
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.config === config && cached.text === text) return cached.analysis;
    // The previous analysis of the document, under the same configuration, makes the lint incremental.
    const previous = cached?.config === config ? cached.analysis : undefined;
    const analysis = new Analysis(text, config, (rule, e) => this.host.log('error', `rule ${rule} failed: ${errorText(e)}`), previous);
    if (this.open.has(doc.uri)) this.analyses.set(doc.uri, { text, config, analysis });
    return analysis;
  }

  /** Problems of an analysis, giving way between rules and honouring the token. */
  private problems(analysis: Analysis, token: Cancellation): Promise<Problem[]> {
    return analysis.problemsAsync({ isCancelled: () => token.isCancellationRequested, pause: this.pause });
  }

  // ---- features -------------------------------------------------------------------------------------------

  async diagnostics(doc: TextDocument, token: Cancellation = NEVER): Promise<Diagnostic[]> {
    const { maxProblems } = await this.configFor(doc.uri);
    const analysis = await this.analyze(doc);
    const problems = await this.problems(analysis, token);
    return toDiagnostics(doc, problems, this.lang, maxProblems, this.host.ruleDocUri?.bind(this.host));
  }

  async documentSymbols(doc: TextDocument) {
    return documentSymbols(doc, (await this.analyze(doc)).model, this.lang);
  }

  async foldingRanges(doc: TextDocument) {
    return foldingRanges((await this.analyze(doc)).model);
  }

  async hover(doc: TextDocument, position: Position) {
    return hover(doc, (await this.analyze(doc)).model, doc.offsetAt(position), this.lang);
  }

  async documentHighlights(doc: TextDocument, position: Position): Promise<DocumentHighlight[]> {
    const model = (await this.analyze(doc)).model;
    const offset = doc.offsetAt(position);
    const region = model.paidRegions.find((r) => (offset >= r.begin.start && offset <= r.begin.end) || (r.end && offset >= r.end.start && offset <= r.end.end));
    if (!region) return [];
    const out: DocumentHighlight[] = [{ range: toRange(doc, region.begin.start, region.begin.end), kind: DocumentHighlightKind.Text }];
    if (region.end) out.push({ range: toRange(doc, region.end.start, region.end.end), kind: DocumentHighlightKind.Text });
    return out;
  }

  async semanticTokens(doc: TextDocument) {
    return semanticTokens((await this.analyze(doc)).model);
  }

  async codeActions(doc: TextDocument, params: CodeActionParams, token: Cancellation = NEVER): Promise<CodeAction[]> {
    const analysis = await this.analyze(doc);
    await this.problems(analysis, token);
    return codeActions(doc, analysis, params, {
      lang: this.lang,
      clientCommands: this.clientCommands,
      resolveSupport: this.resolveSupport,
      docUri: this.host.ruleDocUri?.bind(this.host),
      isCancelled: () => token.isCancellationRequested,
    });
  }

  /** Fills in the edit of a lazy "fix all" action; the action unchanged when its document moved on. */
  async resolveCodeAction(action: CodeAction, docOf: (uri: string) => TextDocument | undefined, token: Cancellation = NEVER): Promise<CodeAction> {
    const data = action.data as unknown;
    if (!isRecord(data) || typeof data.uri !== 'string') return action;
    const doc = docOf(data.uri);
    if (!doc || doc.version !== data.version) return action;
    const rule = typeof data.rule === 'string' ? data.rule : undefined;
    const edit = fixAllEdit(doc, await this.analyze(doc), rule, () => token.isCancellationRequested);
    return edit ? { ...action, edit } : action;
  }

  /** Format Document: the safe fixes, standard heading markers, one paragraph indentation. */
  async formatting(doc: TextDocument) {
    return formattingEdits(doc, (await this.analyze(doc)).config);
  }

  async completion(doc: TextDocument, position: Position, context?: CompletionContext) {
    return completions(doc, (await this.analyze(doc)).model, position, this.lang, context);
  }

  // ---- for hosts without an editor (the command line) ---------------------------------------------------

  /** The analysis and problems of a document with the configuration of its file (settings and `.reportrc.json`). */
  async check(doc: TextDocument, token: Cancellation = NEVER): Promise<{ analysis: Analysis; problems: Problem[] }> {
    const analysis = await this.analyze(doc);
    return { analysis, problems: await this.problems(analysis, token) };
  }

  /** Fix-all on a document's text: the fixed text and the edits, for writing back. */
  async fixText(doc: TextDocument, rule?: string): Promise<FixAllResult> {
    const analysis = await this.analyze(doc);
    return fixAll(analysis.text, analysis.config, rule ? (p) => p.rule === rule : undefined, { budgetMs: FIX_ALL_BUDGET_MS });
  }

  // ---- the extension's requests -------------------------------------------------------------------------

  async statistics(doc: TextDocument, params: StatisticsParams): Promise<ReportStats> {
    const model = (await this.analyze(doc)).model;
    const range = params.range ? offsets(doc, params.range) : undefined;
    return { version: doc.version, ...statistics(model, range) };
  }

  async paidRegions(doc: TextDocument, _params?: DocumentParams): Promise<PaidRegionsResult> {
    const model = (await this.analyze(doc)).model;
    return {
      version: doc.version,
      markers: model.paidMarkers.map((m) => ({ range: toRange(doc, m.start, m.end), type: m.type, misspelled: m.misspelled })),
      regions: model.paidRegions.map((r) => ({
        begin: toRange(doc, r.begin.start, r.begin.end),
        end: r.end ? toRange(doc, r.end.start, r.end.end) : null,
        content: toRange(doc, r.content.start, r.content.end),
        chars: r.chars,
      })),
    };
  }

  async fixAll(doc: TextDocument, params: FixAllParams, token: Cancellation = NEVER): Promise<WorkspaceEdit | null> {
    return fixAllEdit(doc, await this.analyze(doc), typeof params.rule === 'string' ? params.rule : undefined, () => token.isCancellationRequested);
  }

  async renumber(doc: TextDocument, params: RenumberParams): Promise<WorkspaceEdit> {
    return workbench.renumber(doc, await this.analyze(doc), params);
  }

  async nextHeading(doc: TextDocument, params: PositionParams): Promise<NextHeadingResult> {
    return workbench.nextHeading(doc, await this.analyze(doc), params);
  }

  async wrapPaid(doc: TextDocument, params: RangeParams): Promise<WorkspaceEdit | null> {
    return workbench.wrap(doc, await this.analyze(doc), params);
  }

  async unwrapPaid(doc: TextDocument, params: PositionParams): Promise<WorkspaceEdit | null> {
    return workbench.unwrap(doc, await this.analyze(doc), params);
  }

  async textWithoutPaidMarkers(doc: TextDocument): Promise<string> {
    return workbench.withoutPaidMarkers(await this.analyze(doc));
  }

  async nextBlank(doc: TextDocument, params: NextBlankParams): Promise<Range | null> {
    return workbench.blank(doc, await this.analyze(doc), params);
  }
}

function offsets(doc: TextDocument, range: Range): { start: number; end: number } {
  const a = doc.offsetAt(range.start);
  const b = doc.offsetAt(range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}
