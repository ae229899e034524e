/**
 * Every link and image in the Markdown the .vsix ships (README.md, which is the
 * extension's page, the docs pages it links, the rule pages and the walkthrough)
 * resolves to a file in the package (as `vsce ls` lists it) or to a web page of the
 * sources awsflow cites; none points at a web address that pretends to be awsflow's
 * (it has none). `npm run package` keeps relative links as written
 * (`--no-rewrite-relative-links`): otherwise vsce rewrites them to the `repository` URL.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { rules } from '../../src/core/index';
import { docsPath } from '../../src/core/rules/define-rule';

const root = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Hosts of the pages awsflow cites: AWS's documentation and the standards the format rests on. */
const CITED_HOSTS = new Set(['docs.aws.amazon.com', 'aws.amazon.com', 'yaml.org', 'json-schema.org', 'marketplace.visualstudio.com']);

interface MarkdownLink {
  image: boolean;
  target: string;
  line: number;
}

/** Links and images outside code blocks and code spans. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) return;
    const prose = text.replace(/`[^`]*`/g, '``');
    for (const match of prose.matchAll(/(!?)\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^()\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ image: match[1] === '!', target: match[2]!, line: index + 1 });
    }
    for (const match of prose.matchAll(/<img\s[^>]*src=["']([^"']+)["']/g)) links.push({ image: true, target: match[1]!, line: index + 1 });
  });
  return links;
}

describe('markdownLinks', () => {
  test('finds links and images with their lines, not those in code', () => {
    const markdown =
      'a [x](docs/a.md#b) and ![i](img/p.png "t")\n```\n[no](c.md)\n```\n`[no](d.md)` [y](https://e.org/f)\n<img src="g.png">';
    assert.deepEqual(markdownLinks(markdown), [
      { image: false, target: 'docs/a.md#b', line: 1 },
      { image: true, target: 'img/p.png', line: 1 },
      { image: false, target: 'https://e.org/f', line: 5 },
      { image: true, target: 'g.png', line: 6 },
    ]);
  });
});

/** What is wrong with a link from `file` (a path in the package), or undefined when it resolves. */
export function linkProblem(file: string, link: MarkdownLink, packaged: ReadonlySet<string>): string | undefined {
  const { target } = link;
  if (target.startsWith('#')) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const path = posix.normalize(posix.join(posix.dirname(file), decodeURI(target.split('#')[0]!)));
    return packaged.has(path) ? undefined : `${target} -> ${path} is not in the package`;
  }
  if (link.image) return `the image ${target} is not in the package`;
  if (scheme !== 'https') return `${target} is not https`;
  const url = new URL(target);
  return CITED_HOSTS.has(url.hostname) ? undefined : `${target}: ${url.hostname} is not a cited source`;
}

describe('linkProblem', () => {
  const packaged = new Set(['README.md', 'docs/a.md', 'docs/images/p.png', 'docs/rules/sqs/range.md']);
  const problem = (file: string, target: string, image = false) => linkProblem(file, { image, target, line: 1 }, packaged);
  test('relative links resolve against the linking file', () => {
    assert.equal(problem('README.md', 'docs/a.md#x'), undefined);
    assert.equal(problem('README.md', 'docs/images/p.png', true), undefined);
    assert.equal(problem('docs/rules/sqs/range.md', '../../a.md'), undefined);
    assert.equal(problem('README.md', '#rules'), undefined);
    assert.equal(problem('README.md', 'docs/b.md'), 'docs/b.md -> docs/b.md is not in the package');
    assert.equal(problem('docs/a.md', '../src/x.ts'), '../src/x.ts -> src/x.ts is not in the package');
  });
  test('web links only to cited sources, over https; images only from the package', () => {
    assert.equal(problem('README.md', 'https://docs.aws.amazon.com/lambda/'), undefined);
    assert.equal(
      problem('README.md', 'https://github.com/awsflow/awsflow/blob/main/docs/rules/sqs/range.md'),
      'https://github.com/awsflow/awsflow/blob/main/docs/rules/sqs/range.md: github.com is not a cited source',
    );
    assert.equal(problem('README.md', 'http://docs.aws.amazon.com/'), 'http://docs.aws.amazon.com/ is not https');
    assert.equal(
      problem('README.md', 'https://docs.aws.amazon.com/x.png', true),
      'the image https://docs.aws.amazon.com/x.png is not in the package',
    );
  });
});

const built = existsSync(join(root, 'dist/client/extension.js'));

describe('the package: links and images', { skip: built ? false : 'build first' }, () => {
  const listing = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const packaged = new Set(
    listing.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );

  test('vsce lists the package', () => {
    assert.equal(listing.status, 0, listing.stderr);
    assert.ok(packaged.has('README.md'));
  });

  test('every rule page ships, so rule links open offline', () => {
    for (const rule of rules) assert.ok(packaged.has(docsPath(rule.id)), `${docsPath(rule.id)} is not in the package`);
  });

  test('the README has images, and every link and image in the shipped Markdown resolves', () => {
    const readmeImages = markdownLinks(readFileSync(join(root, 'README.md'), 'utf8')).filter((link) => link.image);
    assert.ok(readmeImages.length >= 1, 'the README shows a screenshot');
    const problems: string[] = [];
    const shipped = [...packaged].filter((file) => file.endsWith('.md'));
    assert.ok(shipped.length > rules.length);
    for (const file of shipped) {
      for (const link of markdownLinks(readFileSync(join(root, file), 'utf8'))) {
        const problem = linkProblem(file, link, packaged);
        if (problem) problems.push(`${file}:${link.line}: ${problem}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('packaging keeps relative links as written (vsce would rewrite them to the repository URL)', () => {
    assert.match(manifest.scripts.package, /vsce package [^&]*--no-rewrite-relative-links/);
  });
});
