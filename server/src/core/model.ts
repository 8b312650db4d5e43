// The document model: what the parser finds in a report. Offsets are UTF-16 offsets into the text.

import type { DerivedIndex } from './derived';
import type { LineIndex } from './text';

export interface Span {
  start: number;
  end: number;
}

/** The numbered heading levels of GB/T 9704: 1 = 一、 2 = （一） 3 = 1. 4 = （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

/**
 * A heading. `rank` orders headings for nesting: Markdown `#` headings without a number rank -6 … -1
 * (by the number of #), unnumbered part titles 0, numbered headings their level 1 … 4.
 */
export interface Heading {
  kind: 'numbered' | 'part' | 'markdown';
  rank: number;
  /** 1 … 4 for numbered headings, 0 otherwise. */
  level: 0 | HeadingLevel;
  /** Index of the block that holds the heading. */
  block: number;
  /** The number's value (三 → 3, （十四） → 14), 0 for unnumbered headings. */
  value: number;
  /** The marker as written (`一、`, `(1)`, `１．`), empty for unnumbered headings. */
  marker: Span;
  markerText: string;
  /** The marker in the standard form for its level and value (`一、`, `（一）`, `1.`, `（1）`). */
  canonicalMarker: string;
  /** The heading sentence after the marker, without its final punctuation. */
  text: Span;
  /** The punctuation that ends the heading sentence (`。`, `：`, …) or '' when there is none. */
  terminator: string;
  /** Offset of the terminator, -1 when there is none. */
  terminatorAt: number;
  /** True when body text follows the heading sentence in the same block. */
  runIn: boolean;
  /** The heading as the outline shows it: marker + heading sentence. */
  name: string;
  /** Start of the heading (the marker, or the text for unnumbered headings). */
  start: number;
  /** End of the heading sentence including its terminator. */
  end: number;
}

export type BlockKind =
  | 'title'
  | 'salutation'
  | 'heading'
  | 'paragraph'
  | 'marker' // a line that holds only paid markers
  | 'date'
  | 'signature'
  | 'closing'
  | 'rule'; // Markdown rules, TOC comments and similar non-prose lines

/** A logical block: a non-blank line, or a segment of a very long line that holds a whole document. */
export interface Block {
  kind: BlockKind;
  /** First non-blank character. */
  start: number;
  /** Just past the last non-blank character. */
  end: number;
  /** Start of the prose after Markdown prefixes (`## `, `- `, `> `, `**`). */
  contentStart: number;
  /** End of the prose before a closing `**`. */
  contentEnd: number;
  /** Physical line of the block's start. */
  line: number;
  /** Index into ReportModel.headings when kind is 'heading', else -1. */
  heading: number;
  /** Non-blank characters in the block, paid markers excluded. */
  chars: number;
  /** Whether the block is inside a paid region. */
  paid: boolean;
}

export type PaidMarkerType = 'begin' | 'end' | 'pagebreak';

export interface PaidMarker extends Span {
  type: PaidMarkerType;
  /** `##` or `$$`: the family of the marker (from its spelling). */
  family: '##' | '$$';
  /** The marker as written. */
  raw: string;
  /** The accepted spelling this marker stands for. */
  canonical: string;
  /** True when the marker is not written in an accepted spelling. */
  misspelled: boolean;
  /** True when the marker is alone on its line (apart from blanks). */
  ownLine: boolean;
}

export interface PaidRegion {
  begin: PaidMarker;
  /** Absent when the region runs to the end of the document. */
  end?: PaidMarker;
  /** The paid content: from after the begin marker to the end marker (or the document's end). */
  content: Span;
  /** Non-blank characters of paid content. */
  chars: number;
}

/** Why a paid marker breaks the pairing. */
export type PaidIssue =
  | { kind: 'unclosed'; begin: PaidMarker }
  | { kind: 'stray-end'; end: PaidMarker }
  | { kind: 'repeated-begin'; begin: PaidMarker; open: PaidMarker }
  | { kind: 'empty'; region: PaidRegion }
  | { kind: 'mixed-family'; region: PaidRegion };

export type PlaceholderKind =
  | 'percent'
  | 'rank'
  | 'quantity'
  | 'years'
  | 'year'
  | 'date'
  | 'place'
  | 'person'
  | 'text';

export interface Placeholder extends Span {
  kind: PlaceholderKind;
  raw: string;
}

export interface Section {
  heading: Heading;
  /** From the heading's start to the end of the section's last non-blank block. */
  start: number;
  end: number;
  /** Index of the section's last block. */
  lastBlock: number;
  /** Non-blank characters in the section (paid markers excluded). */
  chars: number;
  children: Section[];
}

export interface ReportModel {
  text: string;
  lines: LineIndex;
  blocks: Block[];
  /** Block indexes of the title block (title, subtitle, speaker, date), in order. */
  title: number[];
  headings: Heading[];
  /** The heading tree. */
  sections: Section[];
  paidMarkers: PaidMarker[];
  paidRegions: PaidRegion[];
  paidIssues: PaidIssue[];
  placeholders: Placeholder[];
  redactions: Span[];
  /** Non-blank characters of the whole report, paid markers excluded. */
  chars: number;
  /** Whether the document was one very long line split into blocks. */
  oneLine: boolean;
  /** Data derived from the model on demand (indexes, numbering …), computed once per model: see derived.ts. */
  readonly derived: DerivedIndex;
}
