// Runs the enabled rules over a parsed report.

import type { ResolvedConfig } from './config';
import { blockAt, blockView, carriedProblems, changeBetween, mapBlocks, type BlockMapping, type TextChange } from './incremental';
import { defaultOptions, type RuleOptions } from './options';
import type { ReportModel } from './model';
import { RULES } from './rules';
import type { Problem, Report, Rule, Severity, SeveritySetting } from './rules/types';

export function severityOf(rule: Rule, config: ResolvedConfig): SeveritySetting {
  return config.rules.get(rule.meta.id) ?? rule.meta.defaultSeverity;
}

/** The options a rule runs with under a configuration. */
export function optionsOf(rule: Rule, config: ResolvedConfig): RuleOptions {
  return config.ruleOptions.get(rule.meta.id) ?? defaultOptions(rule.meta.options);
}

export interface LintOptions {
  /** Only these rules (ids); all enabled rules when absent. */
  only?: ReadonlySet<string>;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Checked before each rule: when it returns true, lint stops and returns what it found so far. */
  isCancelled?: () => boolean;
  /**
   * The previous lint of the same document under the same configuration: the block rules run only on the
   * blocks that changed since and carry their other problems over (see incremental.ts).
   */
  previous?: PreviousLint;
  /** Filled with each rule's problems (the rules that ran to the end), for the next lint's `previous`. */
  byRule?: Map<string, Problem[]>;
  /** Filled with what the incremental lint did, when it had a `previous`. */
  stats?: IncrementalStats;
}

/** A finished lint, kept to make the next one incremental. */
export interface PreviousLint {
  model: ReportModel;
  byRule: ReadonlyMap<string, Problem[]>;
  /** The edit from the previous model's text to this one's, when known (else found by comparing them). */
  change?: TextChange;
}

export interface IncrementalStats {
  /** Blocks whose block-rule problems were carried over. */
  reusedBlocks: number;
  /** Blocks the block rules ran on. */
  dirtyBlocks: number;
  /** Block rules that ran on the changed blocks only. */
  incrementalRules: number;
}

/** The state of one incremental lint: the block mapping and the view of the changed blocks, made on first use. */
class Increment {
  private mapping: BlockMapping | undefined;
  private view: ReportModel | undefined;

  constructor(
    readonly prev: PreviousLint,
    readonly next: ReportModel,
    private readonly stats: IncrementalStats | undefined,
  ) {}

  get blockMapping(): BlockMapping {
    if (!this.mapping) {
      this.mapping = mapBlocks(this.prev.model, this.next, this.prev.change ?? changeBetween(this.prev.model.text, this.next.text));
      if (this.stats) {
        this.stats.dirtyBlocks = this.mapping.dirty.length;
        this.stats.reusedBlocks = this.next.blocks.length - this.mapping.dirty.length;
      }
    }
    return this.mapping;
  }

  get changedView(): ReportModel {
    this.view ??= blockView(this.next, this.blockMapping.dirty);
    return this.view;
  }

  counted(): void {
    if (this.stats) this.stats.incrementalRules++;
  }
}

/**
 * The lint as steps: it yields after each rule, so that a host can give way to other work (a cancellation
 * arriving, another request) between rules, and returns the problems in document order. `lint` runs it
 * straight through. A rule that throws is skipped, never the whole lint. Exclusive rules (the encoding
 * check) run first: when one reports, its problems are the only ones.
 */
export function* lintSteps(model: ReportModel, config: ResolvedConfig, options: LintOptions = {}): Generator<string, Problem[], void> {
  const problems: Problem[] = [];
  if (options.stats) Object.assign(options.stats, { reusedBlocks: 0, dirtyBlocks: 0, incrementalRules: 0 });
  const inc = options.previous ? new Increment(options.previous, model, options.stats) : undefined;
  for (const rule of EXCLUSIVE) runRule(rule, model, config, options, problems, inc);
  if (problems.length) return problems;
  for (const rule of RULES) {
    if (rule.meta.exclusive) continue;
    if (options.isCancelled?.()) break;
    if (runRule(rule, model, config, options, problems, inc)) yield rule.meta.id;
  }
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return problems;
}

/** The problems of a report, in document order. */
export function lint(model: ReportModel, config: ResolvedConfig, options: LintOptions = {}): Problem[] {
  const steps = lintSteps(model, config, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const EXCLUSIVE = RULES.filter((r) => r.meta.exclusive);

/** Runs one rule, adding its problems; false when it did not run (off, not selected, or it threw). */
function runRule(rule: Rule, model: ReportModel, config: ResolvedConfig, options: LintOptions, problems: Problem[], inc?: Increment): boolean {
  if (options.only && !options.only.has(rule.meta.id)) return false;
  const sev = severityOf(rule, config);
  if (sev === 'off') return false;
  const severity: Severity = sev;
  const found: Problem[] = [];
  const id = rule.meta.id;
  // A block rule after an edit: its problems in unchanged blocks carry over, it runs on the changed ones.
  const before = inc && rule.meta.scope === 'block' ? inc.prev.byRule.get(id) : undefined;
  const carried = before && inc ? carriedProblems(inc.prev.model, model, inc.blockMapping, before) : undefined;
  const seen = carried && inc ? inc.changedView : model;
  try {
    rule.check({
      model: seen,
      text: model.text,
      config,
      options: optionsOf(rule, config),
      report(p: Report) {
        if (!(p.start >= 0 && p.end >= p.start && p.end <= model.text.length)) return;
        if (seen !== model && blockAt(seen.blocks, p.start) < 0) return;
        // Built field by field: copying the report with a spread costs more than the rule's own work.
        const problem: Problem = { rule: id, severity, start: p.start, end: p.end, message: p.message, fixes: p.fixes ?? [] };
        if (p.unnecessary !== undefined) problem.unnecessary = p.unnecessary;
        if (p.related !== undefined) problem.related = p.related;
        found.push(problem);
      },
    });
  } catch (e) {
    options.onRuleError?.(rule.meta.id, e);
    return false;
  }
  let all = found;
  if (carried) {
    inc!.counted();
    all = carried.concat(found);
    all.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  options.byRule?.set(id, all);
  for (const p of all) problems.push(p);
  return true;
}
