// schemas/awsflow.schema.json -> src/core/schema/generated/validators.js: ajv standalone
// code, so the core validates without `new Function` (strict CSPs, workers, fast start).
// Two validators: `validateRoot` checks everything but the resources' contents (their
// values are left open), `validateResource` checks one resource. The core validates
// resource by resource and caches per resource text, so an edit re-checks one resource.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export function compileSchema(root) {
  const schemaPath = join(root, 'schemas/awsflow.schema.json');
  const outDir = join(root, 'src/core/schema/generated');
  const outFile = join(outDir, 'validators.js');
  const source = readFileSync(schemaPath, 'utf8');
  const stamp = `// generated from schemas/awsflow.schema.json (${hash(source)}); do not edit\n`;
  if (existsSync(outFile) && readFileSync(outFile, 'utf8').startsWith(stamp)) return;

  const schema = JSON.parse(source);
  const shallow = structuredClone(schema);
  shallow.$id = schema.$id.replace(/\.json$/, '') + '-shallow.json';
  shallow.properties.resources = { ...shallow.properties.resources, additionalProperties: true };
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    verbose: true,
    code: { source: true, esm: true, lines: false },
  });
  ajv.addSchema(schema);
  ajv.addSchema(shallow);
  const code = standaloneCode(ajv, {
    validateRoot: shallow.$id,
    validateResource: schema.$id + '#/$defs/resource',
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outFile, stamp + code);
  writeFileSync(
    join(outDir, 'validators.d.ts'),
    stamp +
      `import type { ValidatorFunction } from '../validator-types';\n` +
      `export declare const validateRoot: ValidatorFunction;\nexport declare const validateResource: ValidatorFunction;\n`,
  );
}

function hash(text) {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33 + text.charCodeAt(i)) >>> 0;
  return h.toString(16);
}
