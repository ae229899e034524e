/** The keys of the document's root map, and the skeleton of a whole file when it is empty. */
import type { CompletionEntry } from '../types';
import type { Context } from './context';
import { followedByColon, ID_WORD, pad, SCHEMA } from './context';
import { plainSnippet, skeleton, yamlBlock } from './snippets';

const TOP_LEVEL_KEYS = ['awsflow', 'name', 'description', 'region', 'account', 'defaults', 'rules', 'resources', 'flows'] as const;

export function topLevelKeys(c: Context): CompletionEntry[] {
  const present = c.place.entries();
  const u = c.unit;
  const eol = c.doc.eol;
  const inserts: Record<(typeof TOP_LEVEL_KEYS)[number], { text: string; snippet?: boolean; detail: string }> = {
    awsflow: { text: 'awsflow: 1', detail: 'format version (required)' },
    name: { text: 'name: ', detail: 'title shown on the diagram' },
    description: { text: 'description: ', detail: 'what the architecture does' },
    region: { text: 'region: ', detail: 'AWS Region (Regional quotas)' },
    account: { text: `account:${eol}${u}lambdaConcurrency: \${1:1000}`, snippet: true, detail: 'account quotas' },
    defaults: { text: `defaults:${eol}${u}`, detail: 'per-type property defaults' },
    rules: { text: `rules:${eol}${u}`, detail: 'rule severities for this file' },
    resources: { text: `resources:${eol}${u}`, detail: 'resources by id (required)' },
    flows: { text: `flows:${eol}${u}- `, detail: 'connections between resources' },
  };
  const keyOnly = c.place.quoted || followedByColon(c);
  const entries: CompletionEntry[] = [];
  TOP_LEVEL_KEYS.forEach((key, index) => {
    if (present.has(key)) return;
    const insert = inserts[key];
    entries.push(
      c.entry(key, 'keyword', keyOnly ? key : insert.text, {
        detail: insert.detail,
        documentation: SCHEMA.properties[key]?.description,
        sortText: `0${pad(index)}`,
        ...(insert.snippet && !keyOnly ? { snippet: true } : {}),
      }),
    );
  });
  if (isEmptyDocument(c) && !keyOnly) {
    const body = skeleton(c.unit, eol);
    entries.push(
      c.entry('awsflow skeleton', 'snippet', body, {
        snippet: true,
        detail: 'a whole file: an API, a queue with its DLQ, a worker',
        documentation: yamlBlock(plainSnippet(body)),
        filterText: 'awsflow skeleton',
        sortText: '0000a',
      }),
    );
  }
  return entries;
}

function isEmptyDocument(c: Context): boolean {
  const cursorLine = c.doc.lineAt(c.end);
  for (let line = 0; line < c.doc.lineCount; line++) {
    if (line === cursorLine) continue;
    if (!c.doc.shape(line).blank) return false;
  }
  const lineText = c.text.slice(c.doc.starts[cursorLine], c.doc.ends[cursorLine]);
  return lineText.trim() === c.partial.trim() && ID_WORD.test(lineText.trim());
}
