/**
 * Completion: what may be typed at the cursor. The document is usually half-typed there
 * (an unfinished line is a YAML error, so the tree rarely reaches the cursor), so where
 * the cursor sits — which map, which key, which value — is read from the text by the
 * scanner shared with hover (`../cursor-context.ts`); each kind of place has its file
 * here. The model supplies what the rest of the file says: resource ids and types,
 * connections, findings.
 */
import type { Analysis } from '../../analyze';
import { isResourceType } from '../../model/properties';
import type { DocsLinks } from '../../rules/define-rule';
import type { CompletionEntry } from '../types';
import { clampOffset, cursorContext, yamlTextOf } from '../cursor-context';
import { commentCompletions } from './comments';
import { Context, KEY_WORD, SCHEMA } from './context';
import { connectionKeys, connectionValues, flowIds } from './flows';
import { volumeIds } from './resource-ids';
import { nestedKeys, propertyKeys } from './resource-keys';
import { accountKeys, accountValues, defaultsTypeKeys, ruleKeys, severities } from './sections';
import { flowSnippets, resourceSnippets } from './snippets';
import { topLevelKeys } from './top-level';
import { examples, nestedValues, propertyValues, slot, typeValues } from './values';

/** Shared with the diagram's labels and the tests. */
export { TYPE_DETAILS } from './context';
export { plainSnippet } from './snippets';

export interface CompletionOptions {
  /** The character whose typing asked for completion (the client's trigger), if any; not set when the user asked (Ctrl+Space) or typed a word. */
  readonly triggerCharacter?: string;
  /** Where the host keeps the rule pages, for links in the documentation; no links without. */
  readonly links?: DocsLinks;
}

/**
 * Completion entries at `offset`. Never throws on any text: half-typed lines, broken
 * YAML and hostile input give fewer entries, not errors.
 */
export function complete(analysis: Analysis, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  const links = options.links ?? {};
  // Completion is asked again and again on one version of a document while the user picks: its lines are read once.
  const doc = yamlTextOf(analysis);
  const where = cursorContext(doc, offset);
  if (where.kind === 'comment') return sortEntries(commentCompletions(analysis, doc, where.start, clampOffset(doc, offset), links));
  // A block scalar's text is free text: nothing to offer.
  if (where.kind === 'block-scalar') return [];
  const context = new Context(analysis, doc, where, options.triggerCharacter, links);
  return sortEntries(where.at.kind === 'key' ? keyCompletions(context) : valueCompletions(context));
}

/** In the order the editor shows them, so every client (and test) sees the same list. */
function sortEntries(entries: CompletionEntry[]): CompletionEntry[] {
  const key = (entry: CompletionEntry): string => entry.sortText ?? entry.label;
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function keyCompletions(c: Context): CompletionEntry[] {
  if (!KEY_WORD.test(c.partial)) return [];
  const where = c.where;
  switch (where.kind) {
    case 'top-level-key':
      return c.place.column === 0 ? topLevelKeys(c) : [];
    case 'section-key': {
      const [k1, k2] = where.keys;
      if (where.section === 'account') return where.keys.length === 0 ? accountKeys(c) : [];
      if (where.section === 'rules') return where.keys.length === 0 ? ruleKeys(c) : [];
      if (where.keys.length === 0) return defaultsTypeKeys(c);
      if (!isResourceType(k1)) return [];
      if (where.keys.length === 1) return propertyKeys(c, k1, false);
      if (where.keys.length === 2 && typeof k2 === 'string') return nestedKeys(c, k1, k2);
      return [];
    }
    case 'resource-id':
      // A resource id is a name the user invents: while it is being typed (or a space was
      // just typed before it) a list would only get in the way, and Enter or Tab would
      // replace the name with an entry. Asked for on an empty line (Ctrl+Space), the
      // snippets are offered.
      return c.partial === '' && c.triggerCharacter === undefined ? resourceSnippets(c) : [];
    case 'resource-key': {
      const type = c.resourceType();
      const [parent] = where.parents;
      if (where.parents.length === 0) return propertyKeys(c, type, true);
      if (where.parents.length === 1 && type && typeof parent === 'string') return nestedKeys(c, type, parent);
      return [];
    }
    case 'flow-entry':
      return flowSnippets(c, true);
    case 'connection-key':
      return connectionKeys(c, where.flow, where.parents);
    default:
      return [];
  }
}

function valueCompletions(c: Context): CompletionEntry[] {
  const where = c.where;
  switch (where.kind) {
    case 'top-level-value':
      if (where.key === 'awsflow')
        return [c.value('1', 'value', { detail: 'format version', documentation: SCHEMA.properties.awsflow?.description })];
      if (where.key === 'region') return examples(c, SCHEMA.properties.region);
      return [];
    case 'section-value': {
      const [k1, k2] = where.keys;
      if (where.section === 'account') return where.keys.length === 0 ? accountValues(c, where.name) : [];
      if (where.section === 'rules') return where.keys.length === 0 ? severities(c, where.name) : [];
      if (!isResourceType(k1)) return [];
      if (where.keys.length === 1) return propertyValues(c, slot(k1, where.name));
      if (where.keys.length === 2 && typeof k2 === 'string') return nestedValues(c, k1, k2, where.name, undefined);
      return [];
    }
    case 'resource-value': {
      const [name, nested] = where.property;
      const depth = where.property.length;
      if (depth === 1 && name === 'type') return typeValues(c);
      const type = c.resourceType();
      if (!type) return [];
      if (depth === 1) return propertyValues(c, slot(type, name));
      if (depth === 2 && name === 'volumes' && nested === null) return volumeIds(c, where.resourceId);
      if (depth === 2 && typeof nested === 'string') return nestedValues(c, type, name, nested, where.resourceId);
      return [];
    }
    case 'flow-side':
      return flowIds(c);
    case 'connection-value':
      return connectionValues(c, where.flow, where.property, where.nested);
    default:
      return [];
  }
}
