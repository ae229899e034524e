import rule from '../../../../src/core/rules/flows/syntax';
import { ruleTester } from '../../../helpers/rule-tester';

const resources = 'resources:\n  a: { type: client }\n  b: { type: lambda }\n  c: { type: lambda }\nflows:\n';

ruleTester(rule, {
  valid: [resources + '  - a -> b, c\n', resources + '  - a -> b -> c\n', resources + '  - "a -> b": { label: x }\n'],
  invalid: [
    {
      name: 'no arrow',
      code: resources + '  - «a b»\n',
      errors: [{ messageId: 'syntax', message: "A flow needs an arrow: `source -> target`, got 'a b'." }],
    },
    {
      name: 'missing target',
      code: resources + '  - a ->«»\n',
      errors: [{ messageId: 'syntax', message: 'A resource id is missing here.' }],
    },
    { name: 'empty id in a list', code: resources + '  - a -> b,«» , c\n', errors: [{ messageId: 'syntax' }] },
    { name: 'bad id', code: resources + '  - a -> «b!»\n', errors: [{ messageId: 'syntax', message: /^'b!' is not a resource id/ }] },
  ],
});
