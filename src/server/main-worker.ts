/** The same server in a browser worker (vscode.dev): messages over postMessage, no file access. */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

declare const self: unknown;

const messageReader = new BrowserMessageReader(self as never);
const messageWriter = new BrowserMessageWriter(self as never);
startServer(createConnection(messageReader, messageWriter));
