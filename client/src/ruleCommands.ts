// Commands behind the rule quick fixes: disable a rule, show a rule's documentation.

import * as vscode from 'vscode';
import { ruleDocUri } from './ruleDocs';

export function registerRuleCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('report.disableRule', async (ruleId: unknown) => {
      if (typeof ruleId !== 'string' || !/^[a-z0-9-]+$/.test(ruleId)) return;
      const config = vscode.workspace.getConfiguration('report');
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update(`rules.${ruleId}`, 'off', target);
      void vscode.window.showInformationMessage(vscode.l10n.t('Rule {0} is now off. Set "report.rules.{0}" to turn it back on.', ruleId));
    }),
    vscode.commands.registerCommand('report.showRuleDocs', async (ruleId: unknown) => {
      const uri = typeof ruleId === 'string' ? ruleDocUri(ruleId) : undefined;
      if (!uri) return;
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        await vscode.window.showTextDocument(uri, { preview: true });
      }
    }),
  );
}
