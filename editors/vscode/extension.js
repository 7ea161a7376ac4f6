// The charterlint extension: starts `charterlint server` and connects VS Code to it.
// The server does the work (diagnostics, hover, completion, definitions, quick fixes); this
// only says which files it serves and how to start it.
"use strict";

const path = require("path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverCommand() {
  const settings = vscode.workspace.getConfiguration("charterlint");
  let command = settings.get("path", "charterlint");
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && command.includes("/") && !path.isAbsolute(command)) {
    command = path.join(folder.uri.fsPath, command); // a virtual environment in the workspace
  }
  return { command, args: [...settings.get("args", []), "server"], transport: TransportKind.stdio };
}

async function activate(context) {
  const pattern = "**/*.charter.{yaml,yml,json,md}";
  client = new LanguageClient("charterlint", "charterlint", serverCommand(), {
    documentSelector: [{ scheme: "file", pattern }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{.charterlint.yaml,pyproject.toml}") },
  });
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `charterlint: the language server did not start (${error.message}): install it with ` +
        "pip install 'charterlint[server]', or set charterlint.path");
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
