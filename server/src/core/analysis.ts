// One analysis per document version: the parse, shared by every feature, and the lint, computed on demand.

import type { ResolvedConfig } from './config';
import { lint, lintSteps, type IncrementalStats, type LintOptions, type PreviousLint } from './lint';
import type { ReportModel } from './model';
import { changeBetween } from './incremental';
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
  /** This analysis's lint, rule by rule, once finished: what the next analysis of the document builds on. */
  private finished: PreviousLint | undefined;
  /** The last finished lint of an earlier version, until this one is linted. */
  private base: PreviousLint | undefined;
  /** What the incremental lint did (undefined when the lint ran from scratch). */
  readonly incremental: IncrementalStats | undefined;

  /**
   * Parses `text`. With `previous`, an earlier analysis of the same document, the lint is incremental: the
   * rules that look at one block at a time run only where the text changed (nothing when the configuration
   * differs). Only the last finished lint is kept: a chain of analyses never holds more than two models.
   */
  constructor(
    readonly text: string,
    readonly config: ResolvedConfig,
    private readonly onRuleError?: (ruleId: string, error: unknown) => void,
    previous?: Analysis,
  ) {
    const earlier = previous && previous.config === config ? previous : undefined;
    if (earlier) {
      // The parse builds on the previous version, the lint on the last one linted (often the same).
      const change = changeBetween(earlier.text, text);
      this.model = parse(text, config.parse, { model: earlier.model, change });
      const lintBase = earlier.finished ?? earlier.base;
      if (lintBase) this.base = lintBase.model === earlier.model ? { ...lintBase, change } : lintBase;
    } else this.model = parse(text, config.parse);
    this.incremental = this.base ? { reusedBlocks: 0, dirtyBlocks: 0, incrementalRules: 0 } : undefined;
  }

  /** Options of a lint of this analysis: incremental over the base, recording each rule's problems. */
  private lintOptions(isCancelled?: () => boolean): LintOptions & { byRule: Map<string, Problem[]> } {
    return { onRuleError: this.onRuleError, isCancelled, previous: this.base, byRule: new Map(), stats: this.incremental };
  }

  /** Keeps a finished lint (and lets go of the base it was built on). */
  private finish(problems: Problem[], byRule: Map<string, Problem[]>): Problem[] {
    this._problems = problems;
    this.finished = { model: this.model, byRule };
    this.base = undefined;
    return problems;
  }

  get problems(): Problem[] {
    if (!this._problems) {
      const options = this.lintOptions();
      this.finish(lint(this.model, this.config, options), options.byRule);
    }
    return this._problems!;
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
    const options = this.lintOptions();
    const steps = lintSteps(this.model, this.config, options);
    let since = Date.now();
    for (;;) {
      if (control.isCancelled()) throw new CancelledError();
      const step = steps.next();
      if (step.done) {
        // Another caller may have finished first; both results are equal, keep the first.
        return this._problems ?? this.finish(step.value, options.byRule);
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
    const options = this.lintOptions(isCancelled);
    const found = lint(this.model, this.config, options);
    if (isCancelled()) return undefined;
    return this.finish(found, options.byRule);
  }
}
