// The error long work throws when its caller gave up. Apart from the analysis, so that a host can recognise
// it without loading the analysis.

/** Thrown by `Analysis.problemsAsync` when the caller gave up: nothing partial is kept. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Whether an error is a cancellation. Also by name: a host that loads the service from a bundle of its own
 * (dist/server-service.js) meets that bundle's copy of the class.
 */
export function isCancelled(e: unknown): boolean {
  return e instanceof CancelledError || (e instanceof Error && e.name === 'CancelledError');
}
