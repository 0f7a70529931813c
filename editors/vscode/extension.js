// Starts `scalepol lsp` for .policy files; highlighting comes from the TextMate grammar alone,
// so it works without the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('scalepol');
  const command = config.get('server.path') || 'scalepol';
  const args = [];
  for (const root of config.get('server.importRoots') || []) args.push('--import-root', root);
  args.push('lsp');
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ language: 'scalepol' }],
  };
  client = new LanguageClient('scalepol', 'scalepol', serverOptions, clientOptions);
  client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `scalepol: cannot start \`${command} lsp\` (${error.message}); set scalepol.server.path`);
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
