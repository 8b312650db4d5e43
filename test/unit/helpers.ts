// Helpers for rule tests: run one rule on a text, apply a fix.

import { resolveConfig, type ReportSettings } from '../../server/src/core/config';
import { applyEdits } from '../../server/src/core/fix';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import type { Problem } from '../../server/src/core/rules/types';

/** Raised by `check` when a rule throws: lint() itself skips a failing rule, which would hide it from tests. */
export class RuleFailure extends Error {
  constructor(
    readonly ruleId: string,
    readonly error: unknown,
  ) {
    super(`rule ${ruleId} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

/** An `onRuleError` for tests: a rule that throws fails the test. */
export function rethrow(ruleId: string, error: unknown): never {
  throw new RuleFailure(ruleId, error);
}

/**
 * The problems one rule finds in text (the rule is enabled at `warning`). Throws a RuleFailure when the
 * rule throws.
 */
export function check(text: string, ruleId: string, settings: ReportSettings = {}): Problem[] {
  const config = resolveConfig({ rules: { [ruleId]: 'warning' } }, settings);
  return lint(parse(text, config.parse), config, { only: new Set([ruleId]), onRuleError: rethrow });
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
