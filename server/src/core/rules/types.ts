// The rule mechanism: what a rule declares about itself and what it reports.

import type { ReportModel } from '../model';
import type { ResolvedConfig } from '../config';
import type { OptionSpecs, RuleOptions } from '../options';

/** A text in both of the languages the product speaks. */
export interface Msg {
  zh: string;
  en: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Replace text[start, end) with `text`. Offsets are UTF-16 offsets into the document. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: Msg;
  edits: Edit[];
  /**
   * A fix that the editor carries out instead of an edit (`edits` is then empty): the client command
   * with these arguments after the document's URI. Offered only to clients that run the commands.
   */
  command?: { id: string; arguments: (string | number)[] };
}

export type RuleCategory = 'encoding' | 'headings' | 'paid' | 'blanks' | 'punctuation' | 'numbers' | 'words';

export interface RuleMeta {
  /** Stable kebab-case id, used in settings, diagnostics' `code` and the documentation. */
  id: string;
  category: RuleCategory;
  title: Msg;
  description: Msg;
  defaultSeverity: SeveritySetting;
  /** Whether the rule offers an automatic fix that `fix all` may apply. */
  fixable: boolean;
  /** Runs before the others; when it reports anything, the other rules are not run (their problems would be noise). */
  exclusive?: boolean;
  /**
   * A group of rules whose fixes assume each other: renumbering a run (each fix continues from the ones
   * before), pairing paid markers (removing one marker changes which others pair). Fix-all normally fixes
   * only problems found in the original text; for a group that had some, it goes on fixing the group's
   * problems until none is left, so that a round that applied only some of the fixes can finish the job.
   */
  linkedFixes?: string;
  /**
   * The options the rule takes (`report.rules.<id>: [severity, {options}]`), each with its type, bounds,
   * default and description. The rule reads them, validated and with defaults filled in, from `ctx.options`.
   */
  options?: OptionSpecs;
  /**
   * `block`: what the rule reports in a block depends only on that block — its text, kind, content span,
   * paid flag and heading marker — and on the configuration; it reports only inside the block, reads no other
   * block and no document-wide data (habits, numbering, sections). After an edit, the analysis then runs the
   * rule only on the blocks the edit touched and keeps its problems in the others (see core/incremental.ts;
   * a property test compares every such result with a fresh analysis). Absent: the rule reads the document.
   */
  scope?: 'block';
}

export interface Problem {
  rule: string;
  start: number;
  end: number;
  message: Msg;
  severity: Severity;
  /** Fixes, best first. `fix all` applies the first one. */
  fixes: Fix[];
  /** Marks text that is unnecessary (shown faded), e.g. a stray marker. */
  unnecessary?: boolean;
  /** Other places that explain the problem (the open begin marker of a repeated begin, …). */
  related?: { start: number; end: number; message: Msg }[];
}

export type Report = Omit<Problem, 'rule' | 'severity' | 'fixes'> & { fixes?: Fix[] };

export interface RuleContext {
  readonly model: ReportModel;
  readonly text: string;
  readonly config: ResolvedConfig;
  /** The rule's options: the user's valid values over the defaults its meta declares. */
  readonly options: RuleOptions;
  report(problem: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}
