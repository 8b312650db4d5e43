// Helpers for rule tests: run one rule on a text, apply a fix.

import { resolveConfig, type ReportSettings } from '../../server/src/core/config';
import { applyEdits } from '../../server/src/core/fix';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import type { Problem } from '../../server/src/core/rules/types';

/** The problems one rule finds in text (the rule is enabled at its default severity, or `warning` if off by default). */
export function check(text: string, ruleId: string, settings: ReportSettings = {}): Problem[] {
  const config = resolveConfig({ rules: { [ruleId]: 'warning' } }, settings);
  return lint(parse(text, config.parse), config, { only: new Set([ruleId]) });
}

/** The text each problem covers. */
export function spans(text: string, problems: Problem[]): string[] {
  return problems.map((p) => text.slice(p.start, p.end));
}

/** The text after applying the first fix of a problem. */
export function applyFix(text: string, problem: Problem, index = 0): string {
  const fix = problem.fixes[index];
  if (!fix) throw new Error(`problem "${problem.message.en}" has no fix ${index}`);
  return applyEdits(text, fix.edits);
}

/** The text after applying the first fix of every problem the rule finds, in rounds until none is left. */
export { fixAll } from '../../server/src/core/fix';
