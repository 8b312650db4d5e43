// Runs the enabled rules over a parsed report.

import type { ResolvedConfig } from './config';
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
}

/**
 * The lint as steps: it yields after each rule, so that a host can give way to other work (a cancellation
 * arriving, another request) between rules, and returns the problems in document order. `lint` runs it
 * straight through. A rule that throws is skipped, never the whole lint. Exclusive rules (the encoding
 * check) run first: when one reports, its problems are the only ones.
 */
export function* lintSteps(model: ReportModel, config: ResolvedConfig, options: LintOptions = {}): Generator<string, Problem[], void> {
  const problems: Problem[] = [];
  for (const rule of EXCLUSIVE) runRule(rule, model, config, options, problems);
  if (problems.length) return problems;
  for (const rule of RULES) {
    if (rule.meta.exclusive) continue;
    if (options.isCancelled?.()) break;
    if (runRule(rule, model, config, options, problems)) yield rule.meta.id;
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
function runRule(rule: Rule, model: ReportModel, config: ResolvedConfig, options: LintOptions, problems: Problem[]): boolean {
  if (options.only && !options.only.has(rule.meta.id)) return false;
  const sev = severityOf(rule, config);
  if (sev === 'off') return false;
  const severity: Severity = sev;
  const found: Problem[] = [];
  const id = rule.meta.id;
  try {
    rule.check({
      model,
      text: model.text,
      config,
      options: optionsOf(rule, config),
      report(p: Report) {
        if (!(p.start >= 0 && p.end >= p.start && p.end <= model.text.length)) return;
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
  for (const p of found) problems.push(p);
  return true;
}
