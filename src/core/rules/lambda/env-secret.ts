import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import { isMap, isScalar, keyText, type YNode } from '../../parse/ast';

/** Names that say the value is a secret: `DB_PASSWORD`, `JWT_SECRET`, `GITHUB_TOKEN`, `API_KEY`, `stripeApiKey`… */
const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_KEY|SECRET_KEY|ACCESS_KEY|CREDENTIALS?)$/;

/** Values that only refer to a secret kept elsewhere: an ARN, a dynamic reference, an unexpanded variable. */
const REFERENCE = /^arn:|\{\{resolve:|\$\{/;

/** An SSM parameter name (`/prod/db/password`), unless the "path" is itself random-looking. */
const PARAMETER_NAME = /^\/[\w.-]+(?:\/[\w.-]+)*$/;

/** Values that are clearly no secret yet: empty, a placeholder. */
const PLACEHOLDER = /^(?:|none|null|nil|undefined|unset|disabled|false|true|todo|tbd|xxx+|\*+|-|n\/a)$/i;

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Random-looking tokens: long, base64 or URL-safe alphabet, mixed case; words and hex digests stay below. */
const TOKEN_ALPHABET = /^[A-Za-z0-9+/=_-]{32,}$/;
const ENTROPY_MIN = 4.3;

export default defineRule({
  id: 'lambda/env-secret',
  defaultSeverity: 'info',
  summary:
    'A Lambda environment variable that looks like a secret (secret-like name, AWS access key id, private key, long random string); keep it in Secrets Manager or Parameter Store',
  sources: [LAMBDA.environmentSecrets],
  fixable: false,
  hasSuggestions: false,
  messages: {
    secret:
      "Environment variable {name} {why}: anyone who can read the function's configuration sees it, and it sits in this file and its history. Keep it in AWS Secrets Manager or SSM Parameter Store (SecureString) and read it at run time, or pass a reference (an ARN, `{{resolve:…}}`).",
  },
  check(context) {
    // A map inherited from `defaults` is one node shared by several functions: report it once.
    const seen = new Set<YNode>();
    for (const fn of context.model.ofType('lambda')) {
      const env = fn.props.get('env');
      if (!env || !isMap(env.node) || seen.has(env.node)) continue;
      seen.add(env.node);
      for (const pair of env.node.items) {
        const value = pair.value;
        // Numbers and booleans are settings, not secrets; maps and lists are the schema's business.
        if (!isScalar(value) || typeof value.value !== 'string') continue;
        const why = secretReason(keyText(pair.key), value.value.trim());
        if (why) context.report({ at: value, messageId: 'secret', data: { name: keyText(pair.key), why } });
      }
    }
  },
});

function secretReason(name: string, value: string): string | undefined {
  if (PLACEHOLDER.test(value) || REFERENCE.test(value)) return undefined;
  if (PARAMETER_NAME.test(value) && !randomLooking(value)) return undefined;
  if (ACCESS_KEY_ID.test(value)) return 'holds what looks like an AWS access key id';
  if (PRIVATE_KEY.test(value)) return 'holds a private key';
  if (SECRET_NAME.test(snakeCase(name)) && value.length >= 6) return "has a secret's name and a literal value";
  if (randomLooking(value)) return 'holds a long random-looking string, like a key or token';
  return undefined;
}

function randomLooking(value: string): boolean {
  return TOKEN_ALPHABET.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9+/]/.test(value) && entropy(value) >= ENTROPY_MIN;
}

/** `stripeApiKey` -> `STRIPE_API_KEY`; `db-password` -> `DB_PASSWORD`. */
function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
