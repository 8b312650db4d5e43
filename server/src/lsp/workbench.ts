// The custom requests behind the editor's authoring commands: renumber headings, the next heading,
// wrap and unwrap paid markers, the text without paid markers, the next blank. Every edit is versioned.

import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analysis';
import { nextHeadings } from '../core/completion';
import { nextBlank } from '../core/navigation';
import { textWithoutPaidMarkers, unwrapPaid, wrapPaid } from '../core/paidEdit';
import { renumberEdits } from '../core/renumber';
import type { Edit } from '../core/rules/types';
import { toRange, toTextEdit } from './convert';

export interface RenumberParams {
  uri: string;
  /** Only the headings on the lines this range meets; the whole document when absent. */
  range?: Range;
}

export interface PositionParams {
  uri: string;
  position: Position;
}

export interface RangeParams {
  uri: string;
  range: Range;
}

export interface NextBlankParams extends PositionParams {
  direction?: 'next' | 'previous';
}

export interface NextHeadingResult {
  /** The marker to insert (`三、`). */
  text: string;
  level: number;
}

export function versionedEdit(doc: TextDocument, edits: readonly Edit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => toTextEdit(doc, e)) }] };
}

function offsets(doc: TextDocument, range: Range): { start: number; end: number } {
  const a = doc.offsetAt(range.start);
  const b = doc.offsetAt(range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

/** Renumbers the headings; the edit is empty when they are already in order. */
export function renumber(doc: TextDocument, analysis: Analysis, params: RenumberParams): WorkspaceEdit {
  return versionedEdit(doc, renumberEdits(analysis.model, params.range ? offsets(doc, params.range) : undefined));
}

/** The marker of the next heading at the cursor's level (the sibling after the innermost heading). */
export function nextHeading(doc: TextDocument, analysis: Analysis, params: PositionParams): NextHeadingResult {
  const [first] = nextHeadings(analysis.model, doc.offsetAt(params.position));
  return first ? { text: first.marker, level: first.level } : { text: '一、', level: 1 };
}

export function wrap(doc: TextDocument, analysis: Analysis, params: RangeParams): WorkspaceEdit | null {
  const { start, end } = offsets(doc, params.range);
  const r = wrapPaid(analysis.model, start, end, analysis.config.parse.paidMarkers);
  return r.ok ? versionedEdit(doc, r.edits) : null;
}

export function unwrap(doc: TextDocument, analysis: Analysis, params: PositionParams): WorkspaceEdit | null {
  const edits = unwrapPaid(analysis.model, doc.offsetAt(params.position));
  return edits ? versionedEdit(doc, edits) : null;
}

export function withoutPaidMarkers(analysis: Analysis): string {
  return textWithoutPaidMarkers(analysis.model);
}

export function blank(doc: TextDocument, analysis: Analysis, params: NextBlankParams): Range | null {
  const hit = nextBlank(analysis.model, doc.offsetAt(params.position), params.direction === 'previous' ? 'previous' : 'next');
  return hit ? toRange(doc, hit.blank.start, hit.blank.end) : null;
}
