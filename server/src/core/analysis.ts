// One analysis per document version: the parse, shared by every feature, and the lint, computed on demand.

import type { ResolvedConfig } from './config';
import { lint, lintSteps } from './lint';
import type { ReportModel } from './model';
import { parse } from './parser';
import type { Problem } from './rules/types';

import { CancelledError } from './cancel';

export { CancelledError };

export interface StepControl {
  /** Whether the caller gave up; checked between rules. */
  isCancelled(): boolean;
  /** Gives way to other work (the host's event loop) when the lint has run for a while. */
  pause(): Promise<void>;
  /** Milliseconds between pauses; 10 when absent. */
  slice?: number;
}

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

  /** Whether the problems are computed already (then `problemsAsync` answers at once). */
  get linted(): boolean {
    return this._problems !== undefined;
  }

  /**
   * The problems, computed rule by rule with pauses, so that a cancellation or another request can come
   * in between. Throws `CancelledError` when `control.isCancelled()` turns true before the end.
   */
  async problemsAsync(control: StepControl): Promise<Problem[]> {
    if (this._problems) return this._problems;
    const slice = control.slice ?? 10;
    const steps = lintSteps(this.model, this.config, { onRuleError: this.onRuleError });
    let since = Date.now();
    for (;;) {
      if (control.isCancelled()) throw new CancelledError();
      const step = steps.next();
      if (step.done) {
        // Another caller may have finished first; both results are equal, keep the first.
        this._problems ??= step.value;
        return this._problems;
      }
      if (Date.now() - since >= slice) {
        await control.pause();
        if (this._problems) return this._problems;
        since = Date.now();
      }
    }
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
