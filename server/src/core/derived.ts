// Data derived from a parsed report (character indexes, prose spans, numbering, sibling groups …), kept in
// one index owned by the model: computed on first use, at most once per model, and dropped with it.
// Every per-document cache of the core lives here, under a typed key, instead of in module-level WeakMaps.

import type { ReportModel } from './model';

/** A kind of derived data: a name (for debugging) and how to compute it from a model. */
export interface DerivedKey<T> {
  readonly name: string;
  readonly compute: (model: ReportModel) => T;
}

/** Declares a kind of derived data. Keys are compared by identity: declare each once, at module level. */
export function derivedKey<T>(name: string, compute: (model: ReportModel) => T): DerivedKey<T> {
  return { name, compute };
}

/** The derived data of one model. */
export class DerivedIndex {
  // A private field: not part of the model's enumerable shape (models compare equal whatever was derived).
  readonly #values = new Map<DerivedKey<unknown>, unknown>();

  /** The value for `key`, computed from `model` on first use. */
  get<T>(model: ReportModel, key: DerivedKey<T>): T {
    if (this.#values.has(key)) return this.#values.get(key) as T;
    const value = key.compute(model);
    this.#values.set(key, value);
    return value;
  }

  /** Records a value computed elsewhere (the parser builds the character index as it goes). */
  set<T>(key: DerivedKey<T>, value: T): void {
    this.#values.set(key, value);
  }

  has(key: DerivedKey<unknown>): boolean {
    return this.#values.has(key);
  }

  /** The names of the data derived so far (for tests and diagnostics). */
  names(): string[] {
    return [...this.#values.keys()].map((k) => k.name);
  }
}

/** The value of `key` for `model`, computed once per model. */
export function derive<T>(model: ReportModel, key: DerivedKey<T>): T {
  return model.derived.get(model, key);
}
