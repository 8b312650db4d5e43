// The rule pages (docs/rules/<rule id>.md) travel inside the client's bundle (the module `report-rule-pages`,
// made by esbuild.mjs from docs/rules/) and open as read-only documents `report-rule:/<rule id>.md`: one
// compressed bundle instead of a file per rule in the package, the same on the desktop and in the browser,
// offline. The server links each diagnostic to its page there (`ruleDocsUri` in the initialization options).

import * as vscode from 'vscode';
import { rulePages } from 'report-rule-pages';

export const RULE_DOC_SCHEME = 'report-rule';

/** The base of the rule pages' URIs, for the server: `<base>/<rule id>.md`. */
export const RULE_DOCS_URI = `${RULE_DOC_SCHEME}:/`;

/** The page of a rule, or undefined for an unknown rule. */
export function ruleDocUri(ruleId: string): vscode.Uri | undefined {
  return /^[a-z0-9-]+$/.test(ruleId) && Object.hasOwn(rulePages(), ruleId) ? vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${ruleId}.md` }) : undefined;
}

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, {
      provideTextDocumentContent(uri) {
        const id = /^\/([a-z0-9-]+)\.md$/.exec(uri.path)?.[1];
        const pages = rulePages();
        return id !== undefined && Object.hasOwn(pages, id) ? pages[id] : undefined;
      },
    }),
  );
}
