import rule from '../../../../src/core/rules/graph/cycle';
import { ruleTester } from '../../../helpers/rule-tester';

const R = 'resources:\n  a: { type: lambda }\n  b: { type: sqs }\n  c: { type: lambda }\n  d: { type: sns }\n';

function longLoop(count: number): string {
  const resources = Array.from({ length: count }, (_, i) => `  r${i}: { type: lambda }`).join('\n');
  const flows = Array.from({ length: count - 1 }, (_, i) => `  - r${i} -> r${i + 1}`).join('\n');
  return `resources:\n${resources}\nflows:\n${flows}\n  - r${count - 1} -> «r0»\n`;
}

ruleTester(rule, {
  valid: [
    { name: 'a pipeline', code: `${R}flows:\n  - a -> b -> c -> d` },
    { name: 'a diamond', code: `${R}flows:\n  - a -> b, d\n  - b -> c\n  - d -> c` },
    {
      name: 'a dead-letter queue is not a flow',
      code: 'resources:\n  q: { type: sqs, deadLetter: { target: dlq, maxReceiveCount: 5 } }\n  dlq: { type: sqs }\n  f: { type: lambda }\n  redrive: { type: lambda }\nflows:\n  - q -> f\n  - dlq -> redrive\n  - redrive -> q',
    },
    {
      name: "a resource connected to itself is flows/invalid-connection's finding",
      code: `${R}flows:\n  - a -> a`,
      ruleSeverities: { 'flows/invalid-connection': 'off' },
    },
    {
      name: 'half-typed: unknown ids and an empty entry',
      code: `${R}flows:\n  - a -> x\n  - x -> a\n  -\n  - b ->`,
      ruleSeverities: { 'flows/unknown-resource': 'off', 'flows/syntax': 'off', 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'three entries; the last one closes the loop',
      code: `${R}flows:\n  - a -> b\n  - b -> c\n  - c -> «a»   # back to the start\n`,
      errors: [
        {
          messageId: 'cycle',
          severity: 'warning',
          message: 'Flows form a cycle: a -> b -> c -> a. A message can go round it forever unless something ends the loop.',
        },
      ],
    },
    {
      name: 'the entry written last closes the loop, wherever the loop starts',
      code: `${R}flows:\n  - c -> a: { rate: 1/s }\n  - a -> b\n  - b -> «c»\n`,
      errors: [{ messageId: 'cycle', message: /cycle: c -> a -> b -> c\./ }],
    },
    {
      name: 'closing entry in block style: the range stops before the comment',
      code: `${R}flows:\n  - a -> b\n  - b -> c\n  - c -> «a»:\n      rate: 1/s   # slow\n  - c -> d\n`,
      errors: [{ messageId: 'cycle', message: /a -> b -> c -> a\./ }],
    },
    {
      name: 'one chain entry',
      code: `${R}flows:\n  - a -> b -> «a»`,
      errors: [{ messageId: 'cycle', message: /cycle: a -> b -> a\./ }],
    },
    {
      name: 'two separate loops',
      code: `${R}flows:\n  - a -> b\n  - b -> «a»\n  - c -> d\n  - d -> «c»`,
      errors: [
        { messageId: 'cycle', message: /a -> b -> a\./ },
        { messageId: 'cycle', message: /c -> d -> c\./ },
      ],
    },
    {
      name: 'a knot of several loops: one finding, naming the shortest loop through the first resource',
      code: `${R}flows:\n  - a -> b -> c\n  - c -> d\n  - d -> a, b\n  - c -> «a»`,
      errors: [
        {
          messageId: 'cycleInGroup',
          message:
            "Flows form a cycle: a -> b -> c -> a. A message can go round it forever unless something ends the loop; 4 resources loop into one another here: 'a', 'b', 'c', 'd'.",
        },
      ],
    },
    {
      name: '5,000 resources in one loop',
      code: longLoop(5000),
      errors: [
        {
          messageId: 'cycle',
          message: /^Flows form a cycle: r0 -> r1 -> r2 -> r3 -> r4 -> … \(4991 more\) -> r4996 -> r4997 -> r4998 -> r4999 -> r0\./,
        },
      ],
    },
  ],
});
