import { defineRule } from '../define-rule';
import { SNS } from '../../limits/aws';
import { classifyConnection } from '../../model/connections';
import { isMap, isScalar, isSeq, keyText, type YMap, type YNode } from '../../parse/ast';
import { formatNumber } from '../../parse/values';

const KEYS_MAX = SNS.filterPolicyKeysMax;
const COMBINATIONS_MAX = SNS.filterPolicyCombinationsMax;
const SIZE_MAX = SNS.filterPolicySizeMax;

/**
 * A subscription filter policy (`filter` on `sns -> x`) over what SNS accepts: more than 5
 * keys, more than 150 combinations of values, or more than 256 KB of JSON. SNS refuses the
 * policy, so Subscribe / SetSubscriptionAttributes fails.
 */
export default defineRule({
  id: 'sns/filter-policy',
  defaultSeverity: 'error',
  summary: 'SNS subscription filter policy over what SNS accepts: more than 5 keys, 150 combinations of values or 256 KB',
  facts: [KEYS_MAX, COMBINATIONS_MAX, SIZE_MAX],
  fixable: false,
  hasSuggestions: false,
  messages: {
    tooManyKeys:
      'The filter policy has {count} keys ({keys}), over the SNS maximum of {max}: SNS rejects the subscription. Split the subscriber, or filter on fewer attributes.',
    tooManyCombinations:
      'The filter policy has {count} combinations of values ({factors}), over the SNS maximum of {max}: SNS rejects the subscription. Use fewer values, or a prefix or anything-but match instead of a long list.',
    tooLarge: 'The filter policy is {size} bytes of JSON, over the SNS maximum of {max} ({maxBytes} bytes): SNS rejects the subscription.',
  },
  check(context) {
    for (const entry of context.model.flows) {
      const filter = entry.props.get('filter');
      if (!filter || !isMap(filter.node)) continue;
      const subscribes = entry.connections.some(
        (c) => c.from?.type === 'sns' && c.to?.type !== undefined && classifyConnection('sns', c.to.type).kind === 'subscription',
      );
      if (!subscribes) continue;
      const policy = filter.node;

      // `$or` builds alternatives whose keys and combinations SNS counts branch by branch:
      // awsflow does not model that, so such a policy is checked for size only.
      if (!containsOr(policy)) {
        // Attribute policies have only top-level keys; body policies count only their top-level keys too.
        const keys = policy.items.map((pair) => keyText(pair.key));
        if (keys.length > KEYS_MAX.value) {
          context.report({
            at: policy,
            messageId: 'tooManyKeys',
            data: { count: keys.length, keys: keys.join(', '), max: KEYS_MAX.value },
          });
        }
        const factors = valueCounts(policy);
        const combinations = factors.reduce((product, count) => product * count, 1);
        if (combinations > COMBINATIONS_MAX.value) {
          context.report({
            at: policy,
            messageId: 'tooManyCombinations',
            data: { count: formatNumber(combinations), factors: factors.join(' × '), max: COMBINATIONS_MAX.value },
          });
        }
      }
      const size = utf8Length(JSON.stringify(toJson(policy)));
      if (size > SIZE_MAX.value) {
        context.report({
          at: policy,
          messageId: 'tooLarge',
          data: { size: formatNumber(size), max: SIZE_MAX.text, maxBytes: formatNumber(SIZE_MAX.value) },
        });
      }
    }
  },
});

function containsOr(node: YNode | null): boolean {
  if (isMap(node)) return node.items.some((pair) => keyText(pair.key) === '$or' || containsOr(pair.value));
  if (isSeq(node)) return node.items.some(containsOr);
  return false;
}

/**
 * The number of values of each key that holds values, in order: an array counts its items
 * (an operator such as `{ prefix: img- }` is one value), a single value counts 1, and a
 * nested object (a message-body policy) counts through to its own keys.
 */
function valueCounts(map: YMap): number[] {
  const counts: number[] = [];
  for (const pair of map.items) {
    if (isMap(pair.value)) counts.push(...valueCounts(pair.value));
    else if (isSeq(pair.value)) counts.push(pair.value.items.length);
    else counts.push(1);
  }
  return counts;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The policy as the JSON SNS receives (compact, as SDKs and CloudFormation send it). */
function toJson(node: YNode | null): Json {
  if (isMap(node)) {
    const object: { [key: string]: Json } = {};
    for (const pair of node.items) object[keyText(pair.key)] = toJson(pair.value);
    return object;
  }
  if (isSeq(node)) return node.items.map(toJson);
  if (isScalar(node)) return node.value;
  return null;
}

function utf8Length(value: string): number {
  let bytes = 0;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
