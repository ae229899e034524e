/**
 * The architecture as a plain Mermaid flowchart, for pasting where our preview is not:
 * a GitHub Markdown file, Mermaid Live, any Mermaid. Only standard flowchart syntax: no
 * icon shapes (`@{ icon: … }` needs our icon pack), no HTML in labels, no class that
 * needs our stylesheet and no finding marks (a document outlives today's findings). What
 * stays is what the architecture is: each resource in its type's shape, labelled with its
 * label and type, the groups, the connections with their rates, dead-letter paths dotted.
 *
 * Node ids are the resource ids, made safe: a person editing the pasted text reads `jobs`
 * where the preview's text says `n3`. Every label is escaped with Mermaid's entity codes.
 */
import type { Analysis } from '../analyze';
import type { Resource } from '../model/model';
import { architectureName, edgesToDraw, labelOf } from './graph';
import { SHAPES, TYPE_TITLES } from './mermaid';

/**
 * Words the flowchart grammar reads as syntax where a node id stands (`end` closes a
 * subgraph, `style` starts a style statement, …). Compared case-insensitively, which
 * covers more than the grammar needs and costs nothing.
 */
const KEYWORDS = new Set([
  'end',
  'graph',
  'flowchart',
  'flowchart-elk',
  'subgraph',
  'direction',
  'style',
  'linkstyle',
  'classdef',
  'class',
  'click',
  'call',
  'href',
  'callback',
  'default',
  'interpolate',
  'acctitle',
  'accdescr',
  'title',
  'td',
  'tb',
  'bt',
  'rl',
  'lr',
]);

/**
 * Text inside a double-quoted Mermaid label. Entity codes (`#quot;`, `#35;`) are standard
 * flowchart syntax; they stand for the characters that would end the string (`"`), start
 * an entity (`#`), be read as HTML (`<`, `>`, `&`), start a Markdown string (a backtick)
 * or a `%%{init}%%` directive (`%`). Line breaks and control characters become spaces:
 * a label is one line of the source.
 */
export function plainLabel(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/["#&<>`%\ufeff]/g, (char) => (char === '"' ? '#quot;' : `#${char.charCodeAt(0)};`))
      .slice(0, 2000)
  );
}

/** Hands out node and subgraph ids: readable, unique, never a keyword. */
class IdAllocator {
  private readonly used = new Set<string>();

  allocate(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_]/g, '_');
    // A keyword, an id that starts with a digit (read as a number in places) or nothing at all.
    if (base === '' || /^\d/.test(base) || KEYWORDS.has(base.toLowerCase())) base = `id_${base}`;
    let id = base;
    for (let n = 2; this.used.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    this.used.add(id.toLowerCase());
    return id;
  }
}

/** The plain flowchart's text (see the file comment), with the architecture's name as its title. */
export function plainFlowchart(analysis: Analysis): string {
  const { model } = analysis;
  const lines: string[] = [];
  const title = architectureName(model);
  // YAML front matter: a JSON string is a valid YAML double-quoted scalar.
  if (title !== undefined) lines.push('---', `title: ${JSON.stringify(title)}`, '---');
  lines.push('flowchart LR');

  const ids = new IdAllocator();
  const idOf = new Map<Resource, string>();
  for (const resource of model.resources) idOf.set(resource, ids.allocate(resource.id));

  const groups = new Map<string, Resource[]>();
  const ungrouped: Resource[] = [];
  for (const resource of model.resources) {
    const group = resource.props.get('group')?.value;
    if (typeof group === 'string' && group !== '') groups.set(group, [...(groups.get(group) ?? []), resource]);
    else ungrouped.push(resource);
  }
  const nodeLine = (resource: Resource, indent: string) => {
    const [open, close] = (resource.type && SHAPES[resource.type]) ?? ['["', '"]'];
    const type = resource.type ? TYPE_TITLES[resource.type] : 'unknown type';
    lines.push(`${indent}${idOf.get(resource)!}${open}${plainLabel(`${labelOf(resource)} (${type})`)}${close}`);
  };
  for (const [group, members] of groups) {
    lines.push(`  subgraph ${ids.allocate(`group_${group}`)}["${plainLabel(group)}"]`);
    for (const resource of members) nodeLine(resource, '    ');
    lines.push('  end');
  }
  for (const resource of ungrouped) nodeLine(resource, '  ');

  // The same edges as the preview draws, in the same order.
  for (const { from, to, label, arrow } of edgesToDraw(model, idOf)) {
    // Spaces around the arrow: `a-->ops` would read as a circle-ended edge to `ps`.
    lines.push(`  ${from} ${arrow}${label ? `|"${plainLabel(label)}"|` : ''} ${to}`);
  }

  // Dead-letter queues dashed, in a style every Mermaid theme draws (no fill: it must read on dark pages too).
  const deadLetters = model.resources.filter((resource) => model.deadLetterIds.has(resource.id)).map((resource) => idOf.get(resource)!);
  if (deadLetters.length > 0) {
    lines.push('  classDef deadletter stroke-dasharray:4 3');
    lines.push(`  class ${deadLetters.join(',')} deadletter`);
  }
  return lines.join('\n') + '\n';
}
