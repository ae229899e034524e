/**
 * The settings awsflow reads, declared once: the server reads them per resource
 * (`workspace/configuration`, section `awsflow`), and a test checks them against the
 * extension manifest's `contributes.configuration` once the extension lands.
 */
export type SeveritySetting = 'error' | 'warning' | 'info' | 'off';

export interface AwsflowSettings {
  /** Per-rule severity for every file; a file's own `rules:` section wins. */
  rules: Record<string, SeveritySetting>;
  validate: {
    /** Milliseconds to wait after an edit before checking again (the first check of a file is at once). */
    delay: number;
  };
  trace: {
    server: 'off' | 'messages' | 'verbose';
  };
  templates: {
    /** awsflow's findings on CloudFormation and SAM templates (YAML and JSON files detected as such). */
    diagnostics: boolean;
  };
}

export const DEFAULT_SETTINGS: AwsflowSettings = {
  rules: {},
  validate: { delay: 150 },
  trace: { server: 'off' },
  templates: { diagnostics: true },
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Whatever the client sent, made into settings: unknown or ill-typed values fall back to defaults. */
export function normaliseSettings(raw: unknown): AwsflowSettings {
  const value = (raw ?? {}) as {
    rules?: unknown;
    validate?: { delay?: unknown };
    trace?: { server?: unknown };
    templates?: { diagnostics?: unknown };
  };
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const delay = value.validate?.delay;
  const trace = value.trace?.server;
  return {
    rules,
    validate: { delay: typeof delay === 'number' && delay >= 0 && delay <= 10_000 ? delay : DEFAULT_SETTINGS.validate.delay },
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
    templates: { diagnostics: typeof value.templates?.diagnostics === 'boolean' ? value.templates.diagnostics : true },
  };
}
