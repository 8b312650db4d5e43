// One analysis per document version: the parse, shared by every feature, and the lint, computed on demand.

import type { ResolvedConfig } from './config';
import { lint } from './lint';
import type { ReportModel } from './model';
import { parse } from './parser';
import type { Problem } from './rules/types';

export class Analysis {
  readonly model: ReportModel;
  private _problems: Problem[] | undefined;

  constructor(
    readonly text: string,
    readonly config: ResolvedConfig,
    private readonly onRuleError?: (ruleId: string, error: unknown) => void,
  ) {
    this.model = parse(text, config.parse);
  }

  get problems(): Problem[] {
    if (!this._problems) this._problems = lint(this.model, this.config, { onRuleError: this.onRuleError });
    return this._problems;
  }

  /**
   * The problems, or undefined when `isCancelled` turned true while the rules ran (checked between rules);
   * a cancelled lint is not kept, the next call starts over.
   */
  problemsUnlessCancelled(isCancelled: () => boolean): Problem[] | undefined {
    if (this._problems) return this._problems;
    const found = lint(this.model, this.config, { onRuleError: this.onRuleError, isCancelled });
    if (isCancelled()) return undefined;
    this._problems = found;
    return found;
  }
}
