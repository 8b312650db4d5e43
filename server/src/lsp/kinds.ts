// Constants the server announces in its capabilities: apart from the features, so that answering
// `initialize` loads nothing of the analysis.

import { CodeActionKind } from 'vscode-languageserver-protocol';

/** The code action kind of "fix all report problems". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.report`;
