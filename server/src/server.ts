// The report language server: a thin LSP adapter over the analysis core.
// Start with `node dist/server.js --stdio` (or --node-ipc, --socket=PORT) from any LSP client.

import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DocumentHighlightKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { Analysis } from './core/analysis';
import { resolveConfig, type ReportSettings, type ResolvedConfig } from './core/config';
import { langOf, t, type Lang } from './core/i18n';
import { msg } from './core/rules/types';
import { statistics } from './core/stats';
import { codeActions, FIX_ALL_KIND, fixAllEdit } from './lsp/actions';
import { toRange } from './lsp/convert';
import { toDiagnostic } from './lsp/diagnostics';
import { hover } from './lsp/hover';
import { ReportRcFiles } from './lsp/reportrc';
import { LEGEND, semanticTokens } from './lsp/semantic';
import { documentSymbols, foldingRanges } from './lsp/symbols';
import { completions } from './lsp/completion';
import * as workbench from './lsp/workbench';
import { print } from './lsp/print';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let lang: Lang = 'en';
let canPullConfig = false;
let pullDiagnostics = false;
let clientCommands = false;
let canRegisterConfigChange = false;
let workspaceRoots: string[] = [];
/** Settings pushed with didChangeConfiguration, for clients that cannot be asked. */
let pushedSettings: ReportSettings | undefined;

const rcFiles = new ReportRcFiles();
const configs = new Map<string, Promise<ResolvedConfig>>();
const analyses = new Map<string, { version: number; config: ResolvedConfig; analysis: Analysis }>();
let configGeneration = 0;
const warnedPatterns = new Set<string>();

function log(message: string): void {
  connection.console.log(message);
}

/** Runs a handler; an exception is logged and answered with the fallback, never a crash. */
async function safe<T>(what: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    connection.console.error(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return fallback;
  }
}

function configFor(uri: string): Promise<ResolvedConfig> {
  let p = configs.get(uri);
  if (!p) {
    p = (async () => {
      let settings: ReportSettings | undefined = pushedSettings;
      if (canPullConfig) {
        try {
          settings = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'report' })) ?? undefined;
        } catch {
          settings = pushedSettings;
        }
      }
      const rc = rcFiles.forDocument(uri, workspaceRoots);
      const config = resolveConfig(settings, rc);
      for (const bad of config.invalidPatterns) {
        if (warnedPatterns.has(bad)) continue;
        warnedPatterns.add(bad);
        void connection.window.showWarningMessage(
          t(msg(`报告：占位符模式“${bad}”不是有效的正则表达式，已忽略。`, `Report: placeholder pattern "${bad}" is not a valid regular expression and is ignored.`), lang),
        );
      }
      for (const [path, error] of rcFiles.errors) {
        if (warnedPatterns.has(path)) continue;
        warnedPatterns.add(path);
        void connection.window.showWarningMessage(t(msg(`报告：无法读取 ${path}：${error}`, `Report: cannot read ${path}: ${error}`), lang));
      }
      return config;
    })();
    configs.set(uri, p);
  }
  return p;
}

async function analyze(doc: TextDocument): Promise<Analysis> {
  const config = await configFor(doc.uri);
  const cached = analyses.get(doc.uri);
  if (cached && cached.version === doc.version && cached.config === config) return cached.analysis;
  const analysis = new Analysis(doc.getText(), config, (rule, e) => connection.console.error(`rule ${rule} failed: ${String(e)}`));
  analyses.set(doc.uri, { version: doc.version, config, analysis });
  return analysis;
}

function configurationChanged(): void {
  configs.clear();
  analyses.clear();
  configGeneration++;
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  else for (const doc of documents.all()) schedulePush(doc);
}

// ---- push diagnostics, for clients without pull support --------------------------------------------

const pending = new Map<string, ReturnType<typeof setTimeout>>();

function schedulePush(doc: TextDocument): void {
  if (pullDiagnostics) return;
  const old = pending.get(doc.uri);
  if (old) clearTimeout(old);
  pending.set(
    doc.uri,
    setTimeout(() => {
      pending.delete(doc.uri);
      void safe('diagnostics', undefined, async () => {
        const current = documents.get(doc.uri);
        if (!current) return;
        const a = await analyze(current);
        if (documents.get(doc.uri)?.version !== current.version) return;
        await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: a.problems.map((p) => toDiagnostic(current, p, lang)) });
      });
    }, old ? 120 : 0),
  );
}

// ---- lifecycle -----------------------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { locale?: string; clientCommands?: boolean; settings?: ReportSettings };
  lang = langOf(params.locale ?? init.locale);
  clientCommands = init.clientCommands === true;
  pushedSettings = init.settings;
  const caps = params.capabilities;
  canPullConfig = !!caps.workspace?.configuration;
  canRegisterConfigChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  workspaceRoots = (params.workspaceFolders ?? []).flatMap((f) => {
    try {
      return f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : [];
    } catch {
      return [];
    }
  });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Report' },
      foldingRangeProvider: true,
      hoverProvider: true,
      completionProvider: { resolveProvider: false, triggerCharacters: ['（'] },
      documentHighlightProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: true },
      semanticTokensProvider: { legend: LEGEND, full: true },
      diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'report-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfigChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'report' });
  log(`report language server ready (${lang}, ${pullDiagnostics ? 'pull' : 'push'} diagnostics)`);
});

connection.onDidChangeConfiguration((change) => {
  const s = (change.settings as { report?: ReportSettings } | undefined)?.report;
  if (s) pushedSettings = s;
  configurationChanged();
});

connection.onDidChangeWatchedFiles(() => {
  rcFiles.clear();
  warnedPatterns.clear();
  configurationChanged();
});

documents.onDidOpen((e) => schedulePush(e.document));
documents.onDidChangeContent((e) => schedulePush(e.document));
documents.onDidClose((e) => {
  analyses.delete(e.document.uri);
  configs.delete(e.document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// ---- features ----------------------------------------------------------------------------------------

connection.languages.diagnostics.on(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: 'full', items: [] };
  const resultId = `${doc.version}:${configGeneration}`;
  if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
  return safe('diagnostics', { kind: 'full' as const, resultId: '', items: [] as Diagnostic[] }, async () => {
    const a = await analyze(doc);
    return { kind: 'full' as const, resultId, items: a.problems.map((p) => toDiagnostic(doc, p, lang)) };
  });
});

connection.onDocumentSymbol(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return safe('documentSymbol', [], async () => documentSymbols(doc, (await analyze(doc)).model, lang));
});

connection.onFoldingRanges(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return safe('foldingRange', [], async () => foldingRanges((await analyze(doc)).model));
});

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  return safe('hover', null, async () => hover(doc, (await analyze(doc)).model, doc.offsetAt(params.position), lang));
});

connection.onDocumentHighlight(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return safe('documentHighlight', [], async () => {
    const model = (await analyze(doc)).model;
    const offset = doc.offsetAt(params.position);
    const region = model.paidRegions.find((r) => (offset >= r.begin.start && offset <= r.begin.end) || (r.end && offset >= r.end.start && offset <= r.end.end));
    if (!region) return [];
    const out = [{ range: toRange(doc, region.begin.start, region.begin.end), kind: DocumentHighlightKind.Text }];
    if (region.end) out.push({ range: toRange(doc, region.end.start, region.end.end), kind: DocumentHighlightKind.Text });
    return out;
  });
});

connection.languages.semanticTokens.on(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { data: [] };
  return safe('semanticTokens', { data: [] }, async () => semanticTokens((await analyze(doc)).model));
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return safe('codeAction', [], async () => codeActions(doc, await analyze(doc), params, { lang, clientCommands }));
});

connection.onCodeActionResolve(async (action: CodeAction) => {
  const data = action.data as { uri?: string; version?: number; rule?: string } | undefined;
  if (!data?.uri) return action;
  const doc = documents.get(data.uri);
  if (!doc || doc.version !== data.version) return action;
  return safe('codeAction/resolve', action, async () => {
    const edit = fixAllEdit(doc, await analyze(doc), data.rule);
    return edit ? { ...action, edit } : action;
  });
});

// ---- custom requests for the editor extension --------------------------------------------------------

interface StatisticsParams {
  uri: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

connection.onRequest('report/statistics', async (params: StatisticsParams) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  return safe('report/statistics', null, async () => {
    const model = (await analyze(doc)).model;
    const range = params.range ? { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) } : undefined;
    return { version: doc.version, ...statistics(model, range) };
  });
});

connection.onRequest('report/paidRegions', async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  return safe('report/paidRegions', null, async () => {
    const model = (await analyze(doc)).model;
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
  });
});

connection.onRequest('report/fixAll', async (params: { uri: string; rule?: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  return safe('report/fixAll', null, async () => fixAllEdit(doc, await analyze(doc), params.rule));
});

// ---- authoring: completion and the workbench requests (renumber, paid markers, blanks) ---------------

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  return safe('completion', null, async () => completions(doc, (await analyze(doc)).model, params.position, lang, params.context));
});

/** Runs a workbench request on the current analysis of an open document; null when it is not open. */
function onDocumentRequest<P extends { uri: string }, R>(method: string, fn: (doc: TextDocument, analysis: Analysis, params: P) => R): void {
  connection.onRequest(method, async (params: P) => {
    const doc = params && typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return null;
    return safe(method, null, async () => fn(doc, await analyze(doc), params));
  });
}

onDocumentRequest('report/renumber', workbench.renumber);
onDocumentRequest('report/nextHeading', workbench.nextHeading);
onDocumentRequest('report/wrapPaid', workbench.wrap);
onDocumentRequest('report/unwrapPaid', workbench.unwrap);
onDocumentRequest('report/textWithoutPaidMarkers', (_doc, analysis) => workbench.withoutPaidMarkers(analysis));
onDocumentRequest('report/nextBlank', workbench.blank);
onDocumentRequest('report/print', print);

// ---- end of authoring ------------------------------------------------------------------------------------

documents.listen(connection);
connection.listen();
