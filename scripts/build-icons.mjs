// Writes webview/generated/aws-icons.json: the few AWS icons the preview draws, taken from
// @iconify-json/logos (8 MB for the whole set; the preview needs about 40 KB of it) and,
// for the two logos lacks, from aws-icons (AWS_ARCHITECTURE_ICONS). The
// names must match AWS_ICON_NAMES in src/core/diagram/icons.ts; test/webview/icons.test.ts
// checks that, and that the committed file is what this script writes.
// Run by esbuild.mjs before bundling, or on its own: `node scripts/build-icons.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The icons taken from @iconify-json/logos. */
const LOGOS_ICON_NAMES = [
  'aws-sqs',
  'aws-sns',
  'aws-lambda',
  'aws-kinesis',
  'aws-ecs',
  'aws-eks',
  'aws-fargate',
  'aws-api-gateway',
  'aws-eventbridge',
  'aws-dynamodb',
  'aws-s3',
  'aws-rds',
  'aws-elb',
  'aws-cloudfront',
  'aws-elastic-beanstalk',
  'aws-ec2',
  'aws-step-functions',
];

/**
 * Icons the logos set does not have, from `aws-icons` (AWS's own architecture icons as SVG,
 * MIT): EventBridge Scheduler and DynamoDB Streams. Added to the same pack under these names.
 */
export const AWS_ARCHITECTURE_ICONS = {
  'aws-eventbridge-scheduler': 'icons/resource/AmazonEventBridgeScheduler.svg',
  'aws-dynamodb-stream': 'icons/resource/AmazonDynamoDBStream.svg',
};

/** Every icon the preview bundles (AWS_ICON_NAMES in src/core/diagram/icons.ts names the same). */
export const AWS_ICON_NAMES = [...LOGOS_ICON_NAMES, ...Object.keys(AWS_ARCHITECTURE_ICONS)];

export const OUTPUT = 'webview/generated/aws-icons.json';

/** An SVG file as an Iconify icon: its content without the title, the size from its viewBox. */
function svgIcon(svg, name) {
  const match = /^<svg[^>]*\bviewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"[^>]*>([\s\S]*)<\/svg>\s*$/.exec(svg.trim());
  if (!match) throw new Error(`aws-icons: ${name} is not an SVG with a viewBox at 0 0`);
  const body = match[3].replace(/<title>[\s\S]*?<\/title>/g, '');
  return { body, width: Number(match[1]), height: Number(match[2]) };
}

/** The icon subset as Iconify JSON (the shape `mermaid.registerIconPacks` takes), serialized. */
export function iconSubset(root) {
  const require = createRequire(join(root, 'package.json'));
  const set = JSON.parse(readFileSync(require.resolve('@iconify-json/logos/icons.json'), 'utf8'));
  const icons = {};
  for (const name of LOGOS_ICON_NAMES) {
    // An alias would need its parent too; every name here is a real icon today, so say so loudly if that changes.
    const icon = set.icons[name];
    if (!icon) throw new Error(`@iconify-json/logos has no icon '${name}' (aliases are not copied)`);
    icons[name] = icon;
  }
  for (const [name, file] of Object.entries(AWS_ARCHITECTURE_ICONS)) {
    icons[name] = svgIcon(readFileSync(require.resolve(`aws-icons/${file}`), 'utf8'), name);
  }
  const subset = { prefix: set.prefix, width: set.width, height: set.height, icons };
  return JSON.stringify(subset, null, 1) + '\n';
}

/** Writes the subset unless the file already holds exactly it (keeps the file's mtime for watchers). */
export function buildIcons(root) {
  const text = iconSubset(root);
  const path = join(root, OUTPUT);
  let current;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIcons(join(dirname(fileURLToPath(import.meta.url)), '..'));
