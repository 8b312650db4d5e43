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
}
