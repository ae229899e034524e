// The language server as a user feels it, against yaml-language-server validating the
// same text against our schema; both driven by the same client, on the same machine.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The V8 flags in the bin's `#!/usr/bin/env -S node …` line: run the server as `awsflow-language-server` runs (and as the VS Code client starts it). */
function binFlags(file) {
  const first = readFileSync(file, 'utf8').slice(0, 300).split('\n', 1)[0];
  return /^#!\/usr\/bin\/env -S node (.+)$/.exec(first)?.[1].split(' ') ?? [];
}

async function startServer(kind, root) {
  const command =
    kind === 'awsflow'
      ? [...binFlags(join(root, 'dist/server/main-node.js')), join(root, 'dist/server/main-node.js'), '--stdio']
      : [join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'];
  const child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const schemaUri = pathToFileURL(join(root, 'schemas/awsflow.schema.json')).href;
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    schemas: { [schemaUri]: '*.awsflow' },
    schemaStore: { enable: false },
    format: { enable: false },
  };
  connection.onRequest('workspace/configuration', (params) =>
    params.items.map((item) => (item.section === 'yaml' ? yamlSettings : item.section === 'awsflow' ? {} : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  const listeners = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const listener of [...listeners]) listener(params);
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  if (kind === 'yaml') await connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  const nextDiagnostics = (uri, version) =>
    new Promise((resolve) => {
      const listener = (params) => {
        if (params.uri !== uri) return;
        if (version !== undefined && params.version !== undefined && params.version !== version) return;
        listeners.splice(listeners.indexOf(listener), 1);
        resolve(params);
      };
      listeners.push(listener);
    });
  return {
    child,
    async open(uri, text, languageId = kind === 'yaml' ? 'yaml' : 'awsflow') {
      const waiting = nextDiagnostics(uri, 1);
      const start = performance.now();
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version: 1, text },
      });
      const result = await waiting;
      return { ms: performance.now() - start, count: result.diagnostics.length };
    },
    async change(uri, version, text) {
      const waiting = nextDiagnostics(uri, version);
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      await waiting;
      return performance.now() - start;
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      setTimeout(() => child.kill(), 2000).unref();
      connection.dispose();
    },
  };
}

/** Fresh servers started for each open figure (its median is reported). */
const OPEN_RUNS = 3;

async function benchLsp({ out, root, SIZES, median, ms, ratio, generateArchitecture, record }) {
  out('## Language server');
  out();
  out(
    `The same client sends \`didOpen\`, then 20 one-character edits (each waiting for its diagnostics), to each server. awsflow runs with its default settings (schema and every rule), started as its bin starts it (\`node ${binFlags(join(root, 'dist/server/main-node.js')).join(' ')}\`, the flags the VS Code client gives it too); yaml-language-server validates against \`schemas/awsflow.schema.json\` (schema only). Times are from sending the notification to receiving \`publishDiagnostics\`; open is the median of ${OPEN_RUNS} servers started afresh, edit the median of 20 edits on the last of them.`,
  );
  out();
  out(
    '| resources | awsflow open | yaml-ls open | open ratio | awsflow edit (median) | yaml-ls edit (median) | edit ratio | awsflow RSS | yaml-ls RSS |',
  );
  out('|---|---|---|---|---|---|---|---|---|');
  for (const size of SIZES) {
    const text = generateArchitecture(size);
    const results = {};
    for (const kind of ['awsflow', 'yaml']) {
      const uri = `file:///bench/arch-${size}-${kind}.awsflow`;
      // Open is a cold start, and a cold start varies by 10-20% from one to the next:
      // the figure is the median of OPEN_RUNS fresh servers; the last one goes on to the edits.
      const opens = [];
      let server;
      for (let run = 0; run < OPEN_RUNS; run++) {
        if (server) await server.stop();
        server = await startServer(kind, root);
        opens.push((await server.open(uri, text)).ms);
      }
      const edits = [];
      let current = text;
      for (let version = 2; version <= 21; version++) {
        current = current.replace(/memory: [12]GB/, version % 2 ? 'memory: 1GB' : 'memory: 2GB');
        edits.push(await server.change(uri, version, current));
      }
      results[kind] = { open: median(opens), opens, edit: median(edits), rss: rssMiB(server.child.pid) };
      await server.stop();
    }
    const a = results.awsflow;
    const y = results.yaml;
    out(
      `| ${size.toLocaleString('en-US')} | ${ms(a.open)} | ${ms(y.open)} | ${ratio(a.open, y.open)} | ${ms(a.edit)} | ${ms(y.edit)} | ${ratio(a.edit, y.edit)} | ${a.rss.toFixed(0)} MiB | ${y.rss.toFixed(0)} MiB |`,
    );
    record?.('lsp', size, { awsflow: a, yaml: y });
  }
  out();
  out(
    `The open times are cold starts (V8 compiles and optimises our code, and grows its heap, during the first analysis); one cold start differs from the next by 10–20%, hence the median of ${OPEN_RUNS}.`,
  );
  out();
}

/**
 * A CloudFormation template edited in the editor (issue 15): the same one-value edit, 20
 * times, on a template opened as YAML (import, analysis of the import on the document's
 * Analyzer, findings moved onto the template) against an .awsflow file of as many
 * resources, on the same awsflow server.
 */
async function benchTemplateEdit({ out, root, median, ms, ratio, generateArchitecture, record, quick }) {
  const { generateTemplate } = await import('./import.mjs');
  out('## Template edit → diagnostics');
  out();
  out(
    "A CloudFormation template (`bench/import.mjs`) opened as YAML and an `.awsflow` file of as many resources, on the same awsflow server; medians of 20 edits after 10 not counted, each waiting for its diagnostics. The value edit changes a function's memory in both (`MemorySize: 1024` ↔ `2048` in the template, `memory: 1GB` ↔ `2GB` in the `.awsflow` file); the new line is an empty line typed before a resource in the middle of the template, then taken away. CloudFormation takes at most 500 resources in one template, so the 5,000 row is ten times the largest template it deploys.",
  );
  out();
  out('| resources | template: value edit | template: new line | .awsflow: value edit | ratio (value edits) |');
  out('|---|---|---|---|---|');
  for (const size of quick ? [100, 1000] : [100, 1000, 5000]) {
    const server = await startServer('awsflow', root);
    const template = generateTemplate(size);
    const architecture = generateArchitecture(size);
    await server.open('file:///bench/template.yaml', template, 'yaml');
    await server.open('file:///bench/arch.awsflow', architecture);
    const valueEdits = [];
    const lineEdits = [];
    const awsflowEdits = [];
    let currentTemplate = template;
    let currentArchitecture = architecture;
    let version = 1;
    const middle = template.indexOf('\n  Jobs', Math.floor(template.length / 2)) + 1;
    // The first 10 edits of each kind are not counted: V8 is still compiling the code they
    // run (they take up to twice as long), and someone typing is past them in seconds.
    for (let i = 0; i < 30; i++) {
      currentTemplate = currentTemplate.replace(/MemorySize: (?:1024|2048)/, i % 2 ? 'MemorySize: 1024' : 'MemorySize: 2048');
      const value = await server.change('file:///bench/template.yaml', ++version, currentTemplate);
      currentArchitecture = currentArchitecture.replace(/memory: [12]GB/, i % 2 ? 'memory: 1GB' : 'memory: 2GB');
      const awsflow = await server.change('file:///bench/arch.awsflow', version, currentArchitecture);
      if (i < 10) continue;
      valueEdits.push(value);
      awsflowEdits.push(awsflow);
    }
    for (let i = 0; i < 30; i++) {
      const text = i % 2 ? currentTemplate : currentTemplate.slice(0, middle) + '\n' + currentTemplate.slice(middle);
      const line = await server.change('file:///bench/template.yaml', ++version, text);
      if (i >= 10) lineEdits.push(line);
    }
    await server.stop();
    const value = median(valueEdits);
    const line = median(lineEdits);
    const a = median(awsflowEdits);
    out(`| ${size.toLocaleString('en-US')} | ${ms(value)} | ${ms(line)} | ${ms(a)} | ${ratio(value, a)} |`);
    record?.('template-edit', size, { value, line, awsflow: a });
  }
  out();
}

export const benches = [benchLsp, benchTemplateEdit];
