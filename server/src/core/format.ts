// The document formatter: the safe fixes, standard heading markers and one paragraph indentation, as
// the smallest edits on the original text. Formatting a formatted report changes nothing.

import type { ResolvedConfig } from './config';
import { applyEdits, composeEdits, fixAll, notHint } from './fix';
import type { ReportModel } from './model';
import { parse } from './parser';
import type { Edit, Problem } from './rules/types';

/** The indentation a formatted paragraph starts with: none, or two ideographic spaces (空两字). */
export const FULLWIDTH_INDENT = '\u3000\u3000';

export interface FormatResult {
  /** Edits on the original text, non-overlapping, sorted, each covering only what changes. */
  edits: Edit[];
  /** The formatted text. */
  text: string;
}

/** Only these characters are taken for indentation; a line led by anything else (odd spaces, a BOM) is left alone. */
const INDENT_CHARS = /^[ \t\u3000]*$/u;

/** How a paragraph that ends a sentence ends (closing quotes and brackets after the mark included). */
const SENTENCE_END = /[。！？；：…!?;:.][”’」』）》)\]]*$/u;

/** A first-line indent is at most two characters wide; a wider lead centres or right-aligns a line (a signature). */
const MAX_INDENT = 4;

/** The width of a lead in half-width columns: U+3000 two, a tab four, a space one. */
function width(lead: string): number {
  let w = 0;
  for (const c of lead) w += c === '\u3000' ? 2 : c === '\t' ? 4 : 1;
  return w;
}

/**
 * The edits that give every body paragraph and numbered heading the report's own first-line indentation:
 * two ideographic spaces when at least half of them are indented (by up to four spaces, a tab, or one
 * or two U+3000), none otherwise. Wider leads after the last ordinary line align a signature or date and
 * stay, as do the leads of titles, salutations, signatures, dates and marker lines; a wider lead before
 * it nests lines by indentation, and the report is left alone. Reports in Markdown (where leading
 * spaces are structure), hard-wrapped reports (an indented line that does not end a sentence followed by
 * a flush one: the indentation marks the paragraphs) and reports arrived as one long line are left alone.
 */
export function indentationEdits(model: ReportModel): Edit[] {
  const { text, lines, blocks, headings } = model;
  if (model.oneLine) return [];
  if (headings.some((h) => h.kind === 'markdown') || blocks.some((b) => b.contentStart > b.start)) return [];
  const leads: { start: number; end: number; lead: string; k: number }[] = [];
  const wide: number[] = [];
  let previous: { line: number; indented: boolean; open: boolean; paragraph: boolean } | undefined;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    // Hard-wrapped text (an indented first line, flush continuation lines): indentation carries the
    // paragraph breaks there, and normalising it would lose them.
    const here = { line: b.line, indented: b.start > (lines.starts[b.line] ?? b.start), open: !SENTENCE_END.test(text.slice(b.start, b.end)), paragraph: b.kind === 'paragraph' };
    if (previous && previous.paragraph && here.paragraph && previous.indented && previous.open && !here.indented && here.line === previous.line + 1) return [];
    previous = here;
    const body = b.kind === 'paragraph' || (b.kind === 'heading' && headings[b.heading]?.kind === 'numbered');
    if (!body) continue;
    const lineStart = lines.starts[b.line];
    if (lineStart === undefined || lineStart > b.start) continue;
    const lead = text.slice(lineStart, b.start);
    if (!INDENT_CHARS.test(lead)) continue;
    if (width(lead) > MAX_INDENT) wide.push(k);
    else leads.push({ start: lineStart, end: b.start, lead, k });
  }
  // Wide leads after the last ordinary line push a signature or date to the right; before it they nest
  // lines under the one above (an outline by indentation), which the formatter must not flatten.
  const lastOrdinary = leads.length ? leads[leads.length - 1].k : -1;
  if (wide.some((k) => k < lastOrdinary)) return [];
  if (!leads.length) return [];
  const indented = leads.filter((l) => l.lead !== '').length;
  const target = indented * 2 >= leads.length ? FULLWIDTH_INDENT : '';
  return leads.filter((l) => l.lead !== target).map((l) => ({ start: l.start, end: l.end, text: target }));
}

/** The configuration the formatter lints with: the user's, with heading-marker-style at least shown as information. */
function formattingConfig(config: ResolvedConfig): ResolvedConfig {
  const sev = config.rules.get('heading-marker-style');
  if (sev !== 'off' && sev !== 'hint') return config;
  const rules = new Map(config.rules);
  rules.set('heading-marker-style', 'info');
  return { ...config, rules };
}

/**
 * Formats a report: applies the fixes that fix-all applies (every error, warning and information with an
 * automatic fix — hints stay suggestions), writes heading markers in their standard form (`1、` → `1.`,
 * `(一)` → `（一）`, even when that rule is switched off) and normalises paragraph indentation, in rounds
 * until nothing changes (at most `maxRounds`).
 */
export function formatReport(text: string, config: ResolvedConfig, maxRounds = 6): FormatResult {
  const cfg = formattingConfig(config);
  const filter = (p: Problem) => notHint(p);
  let edits: Edit[] = [];
  let current = text;
  for (let round = 0; round < maxRounds; round++) {
    const before = current;
    const fixed = fixAll(current, cfg, filter);
    if (fixed.edits.length) {
      edits = composeEdits(text, edits, fixed.edits, current);
      current = fixed.text;
    }
    const indent = indentationEdits(parse(current, cfg.parse));
    if (indent.length) {
      const after = applyEdits(current, indent);
      edits = composeEdits(text, edits, indent, current);
      current = after;
    }
    if (current === before) break;
  }
  return { edits, text: current };
}
