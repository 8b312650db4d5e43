// The protocol between the report extension and the report language server, beyond standard LSP: every
// custom request and notification with its parameters and result. The client imports nothing else from
// the server; the server registers its handlers with these same objects, so a method name or a result
// type cannot differ between the two sides.

import { NotificationType, RequestType, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { ReportStats as CoreReportStats, SectionStats } from './core/stats';
import type { LaidParagraph, ParagraphKind, Piece, PrintParagraph } from './export/layout';

export type { SectionStats, LaidParagraph, ParagraphKind, Piece, PrintParagraph };

/** A Word document read as report text: what the export bundle's `importDocx` gives the client (export/import.ts). */
export interface ImportResult {
  /** The report text, lines separated by `\n`, ending with one. */
  text: string;
  paragraphs: number;
  tables: number;
  /** Images dropped (each leaves IMAGE_NOTE on its own line). */
  images: number;
  /** What mammoth reported (unknown styles, unsupported elements …). */
  warnings: string[];
}

/** Statistics of a report (characters, paid share, blanks, per section), at the document version given. */
export type ReportStats = CoreReportStats & { version: number };

export interface DocumentParams {
  uri: string;
}

export interface StatisticsParams extends DocumentParams {
  /** Count only this range (the selection); the whole report when absent. */
  range?: Range;
}

export interface PositionParams extends DocumentParams {
  position: Position;
}

export interface RangeParams extends DocumentParams {
  range: Range;
}

export interface RenumberParams extends DocumentParams {
  /** Only the headings on the lines this range meets; the whole document when absent. */
  range?: Range;
}

export interface NextBlankParams extends PositionParams {
  direction?: 'next' | 'previous';
}

export interface FixAllParams extends DocumentParams {
  /** Only the problems of this rule; every fixable problem shown as error, warning or information when absent. */
  rule?: string;
}

export interface NextHeadingResult {
  /** The marker to insert (`三、`). */
  text: string;
  level: number;
}

export interface PaidRegionsResult {
  version: number;
  markers: { range: Range; type: 'begin' | 'end' | 'pagebreak'; misspelled: boolean }[];
  regions: { begin: Range; end: Range | null; content: Range; chars: number }[];
}

/** A printed paragraph as laid out on the pages, with the right indent (in characters) of a signature or date. */
export type PrintedParagraph = LaidParagraph & { rightIndent?: number };

/** The report as printed (GB/T 9704 layout): for the Word export and the page preview. */
export interface PrintResult {
  /** The document version the answer is for. */
  version: number;
  paragraphs: PrintedParagraph[];
  /** Pages, and rows of the grid on a page (22). */
  pages: number;
  linesPerPage: number;
  /** Blanks left to fill (UTF-16 offsets into the document), in document order. */
  blanks: { start: number; end: number }[];
}

export interface TrustParams {
  /** Whether the workspace is trusted: only then may its files and settings supply patterns and dictionaries. */
  trusted: boolean;
}

/** What the client may pass in `initializationOptions`. Every field is optional; other clients send none. */
export interface InitializationOptions {
  /** UI language of the editor (`zh-cn`, `en` …); the LSP `locale` wins when both are given. */
  locale?: string;
  /** The client implements the commands `report.disableRule` and `report.showRuleDocs`. */
  clientCommands?: boolean;
  /** Settings for clients that cannot answer `workspace/configuration`. */
  settings?: unknown;
  /** Whether the workspace is trusted; true when absent (editors without workspace trust). */
  trusted?: boolean;
  /**
   * Where the rule pages are, for a server that cannot find them itself (the browser worker): a folder URI
   * that holds `<rule id>.md`.
   */
  ruleDocsUri?: string;
}

export interface ReadWorkspaceFileParams {
  /** The file, inside one of the workspace folders. */
  uri: string;
}

/** The workspace files a client reads for the server on `report/readWorkspaceFile`; it refuses any other name. */
export const READABLE_WORKSPACE_FILES: readonly string[] = ['.reportrc.json'];
/** The largest workspace file read (bytes); a larger one counts as absent. */
export const MAX_WORKSPACE_FILE = 256 * 1024;

export const StatisticsRequest = new RequestType<StatisticsParams, ReportStats | null, void>('report/statistics');
export const PaidRegionsRequest = new RequestType<DocumentParams, PaidRegionsResult | null, void>('report/paidRegions');
export const FixAllRequest = new RequestType<FixAllParams, WorkspaceEdit | null, void>('report/fixAll');
export const RenumberRequest = new RequestType<RenumberParams, WorkspaceEdit | null, void>('report/renumber');
export const NextHeadingRequest = new RequestType<PositionParams, NextHeadingResult | null, void>('report/nextHeading');
export const WrapPaidRequest = new RequestType<RangeParams, WorkspaceEdit | null, void>('report/wrapPaid');
export const UnwrapPaidRequest = new RequestType<PositionParams, WorkspaceEdit | null, void>('report/unwrapPaid');
export const TextWithoutPaidMarkersRequest = new RequestType<DocumentParams, string | null, void>('report/textWithoutPaidMarkers');
export const NextBlankRequest = new RequestType<NextBlankParams, Range | null, void>('report/nextBlank');
export const PrintRequest = new RequestType<DocumentParams, PrintResult | null, void>('report/print');

/**
 * Sent by a server without a file system (the browser worker) to read a workspace file through the editor.
 * The client answers the file's text (UTF-8), or null for a file that is absent, unreadable, a link, larger
 * than MAX_WORKSPACE_FILE, outside the workspace folders, or not named in READABLE_WORKSPACE_FILES.
 */
export const ReadWorkspaceFileRequest = new RequestType<ReadWorkspaceFileParams, string | null, void>('report/readWorkspaceFile');

/** Sent by the client when the workspace's trust changes (it can only be granted while the window lives). */
export const TrustNotification = new NotificationType<TrustParams>('report/didChangeTrust');

/** The commands the server's code actions may ask the client to run. */
export const CLIENT_COMMANDS = {
  disableRule: 'report.disableRule',
  showRuleDocs: 'report.showRuleDocs',
} as const;
