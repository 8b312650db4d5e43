// What the service's bundle (dist/server-service.js, see esbuild.mjs) gets for `vscode-languageserver-protocol`:
// the constants of the LSP's types, and the few protocol constants the features use, without the JSON-RPC
// machinery that the server's own bundle holds already. The build fails when a feature imports anything else.

export * from 'vscode-languageserver-types';

/** As vscode-languageserver-protocol defines it (checked by test/unit/service-bundle.test.ts). */
export const CompletionTriggerKind = { Invoked: 1, TriggerCharacter: 2, TriggerForIncompleteCompletions: 3 } as const;
