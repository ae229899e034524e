# Rewrites src/core/rules/index.ts from the rule files present (a maintainer's helper;
# the conformance test checks the result, so the registry stays a plain static list).
import os, re
root = os.path.join(os.path.dirname(__file__), '..', 'src', 'core', 'rules')
ids = []
for category in sorted(os.listdir(root)):
    folder = os.path.join(root, category)
    if not os.path.isdir(folder): continue
    for name in sorted(os.listdir(folder)):
        if name.endswith('.ts'): ids.append(f'{category}/{name[:-3]}')
ids.sort()
def ident(i): return re.sub(r'[-/](\w)', lambda m: m.group(1).upper(), i)
lines = ['/**', ' * The rule registry: one import per rule, sorted by id (a conformance test keeps it so,', ' * and keeps it equal to the files under rules/, the docs and the tests).', ' */', "import type { Rule } from './types';"]
lines += [f"import {ident(i)} from './{i}';" for i in ids]
lines += ['', 'export const rules: readonly Rule[] = [']
lines += [f'  {ident(i)},' for i in ids]
lines += ['] as Rule[];', '', 'export function ruleById(id: string): Rule | undefined {', '  return rules.find((rule) => rule.id === id);', '}', '']
open(os.path.join(root, 'index.ts'), 'w').write('\n'.join(lines))
print(len(ids), 'rules')
