// The globals that every host of the shared code has (Node, browsers, web workers), declared here because
// the shared layers are type-checked without Node's or the DOM's declarations (server/tsconfig.shared.json).
// Keep this list short: anything else must come from the host.

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare const performance: { now(): number };
