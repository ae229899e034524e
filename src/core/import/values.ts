/** awsflow value texts with their units, from the numbers templates hold. */

/** Seconds as a duration: `30s`, `6m`, `2h`, `4d` (the largest unit that divides it exactly). */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return String(seconds);
  if (seconds === 0) return '0s';
  if (!Number.isInteger(seconds)) return `${seconds}s`;
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** Bytes as a size: `256KB`, `1MB`, or bytes (KB = 1024 bytes, as AWS counts). */
export function sizeText(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes <= 0) return String(bytes);
  if (bytes % (1024 * 1024 * 1024) === 0) return `${bytes / (1024 * 1024 * 1024)}GB`;
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024}KB`;
  return String(bytes);
}

/** Megabytes as written for `memory`/`ephemeralStorage`: `512MB`, `2GB`. */
export function megabytesText(megabytes: number): string {
  if (!Number.isInteger(megabytes) || megabytes <= 0) return String(megabytes);
  return megabytes % 1024 === 0 ? `${megabytes / 1024}GB` : `${megabytes}MB`;
}

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./:@-]*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function stringText(value: string): string {
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  return JSON.stringify(value);
}

/** Any JSON value as YAML flow text (JSON is YAML). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
