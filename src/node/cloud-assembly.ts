/**
 * Reading a CDK cloud assembly (`cdk.out`): `manifest.json` lists the stacks
 * (`aws:cloudformation:stack` artifacts, each with its `templateFile`) and nested
 * assemblies of stages (`aws:cdk:cloud-assembly`, with their `directoryName`).
 * The templates are read with readSourceFile, so a FIFO or a huge file is refused like
 * any source file.
 */
import { join, relative, resolve, isAbsolute } from 'node:path';
import { readSourceFile } from './source-files';

export interface AssemblyStack {
  /** The template file, relative to the assembly folder named on the command line. */
  readonly file: string;
  readonly stackName: string;
  readonly text: string;
}

export type AssemblyRead =
  { readonly kind: 'stacks'; readonly stacks: readonly AssemblyStack[] } | { readonly kind: 'refused'; readonly reason: string };

/** Nested assemblies deeper than this are not followed (stages in stages are rare; a loop is not followed forever). */
const MAX_NESTING = 5;

export async function readCloudAssembly(folder: string): Promise<AssemblyRead> {
  const stacks: AssemblyStack[] = [];
  const failure = await readAssembly(folder, folder, stacks, 0);
  if (failure) return { kind: 'refused', reason: failure };
  if (stacks.length === 0) return { kind: 'refused', reason: 'its manifest.json lists no CloudFormation stack' };
  return { kind: 'stacks', stacks };
}

async function readAssembly(root: string, folder: string, stacks: AssemblyStack[], depth: number): Promise<string | undefined> {
  const manifestPath = join(folder, 'manifest.json');
  const read = await readSourceFile(manifestPath);
  if (read.kind !== 'text') return `cannot read '${manifestPath}': ${read.kind === 'refused' ? read.reason : 'it is too large'}`;
  let manifest: unknown;
  try {
    manifest = JSON.parse(read.text);
  } catch (error) {
    return `'${manifestPath}' is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const artifacts = isRecord(manifest) && isRecord(manifest['artifacts']) ? manifest['artifacts'] : undefined;
  if (!artifacts) return `'${manifestPath}' has no artifacts: is this a CDK cloud assembly (cdk.out)?`;
  for (const [name, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact)) continue;
    const properties = isRecord(artifact['properties']) ? artifact['properties'] : {};
    if (artifact['type'] === 'aws:cloudformation:stack' && typeof properties['templateFile'] === 'string') {
      const path = inside(folder, properties['templateFile']);
      if (!path) return `stack '${name}' names a template outside the assembly folder: '${properties['templateFile']}'`;
      const template = await readSourceFile(path);
      if (template.kind !== 'text') return `cannot read '${path}': ${template.kind === 'refused' ? template.reason : 'it is too large'}`;
      const stackName =
        typeof properties['stackName'] === 'string'
          ? properties['stackName']
          : typeof artifact['displayName'] === 'string'
            ? artifact['displayName']
            : name;
      stacks.push({ file: relative(root, path) || path, stackName, text: template.text });
    } else if (artifact['type'] === 'aws:cdk:cloud-assembly' && typeof properties['directoryName'] === 'string' && depth < MAX_NESTING) {
      const nested = inside(folder, properties['directoryName']);
      if (!nested) continue;
      const failure = await readAssembly(root, nested, stacks, depth + 1);
      if (failure) return failure;
    }
  }
  return undefined;
}

/** A path named in the manifest, if it stays inside the assembly folder. */
function inside(folder: string, name: string): string | undefined {
  const path = resolve(folder, name);
  const rel = relative(resolve(folder), path);
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
