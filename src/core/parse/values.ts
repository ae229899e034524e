/**
 * Quantities as users write them -> the units AWS counts in. The schema's patterns
 * (schemas/awsflow.schema.json, `$defs/duration`, `size`, `rate`) accept exactly what
 * these functions parse; a test keeps the two in step.
 */

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/** `30s`, `6m`, `2h`, `4d`, `250ms`, `1h30m`; a bare number is seconds. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let position = 0;
  DURATION_PART.lastIndex = 0;
  while (position < text.length) {
    DURATION_PART.lastIndex = position;
    const match = DURATION_PART.exec(text);
    if (!match) return undefined;
    total += Number(match[1]) * DURATION_UNITS[match[2]!]!;
    position = DURATION_PART.lastIndex;
  }
  return total;
}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};
const SIZE = /^(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)$/i;

/** `2KB`, `1MB`, `10GB`, `KiB`/`MiB`/`GiB` (KB = 1,024 bytes, as AWS counts); a bare number is `bareUnit`. */
export function parseSize(value: unknown, bareUnit: 'bytes' | 'MB' = 'bytes'): number | undefined {
  const bareFactor = bareUnit === 'MB' ? 1024 ** 2 : 1;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * bareFactor : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * bareFactor;
  const match = SIZE.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * SIZE_UNITS[match[2]!.toLowerCase()]!;
}

/** A size in MB (MiB, as Lambda counts), for `memory` and `ephemeralStorage`: a bare number is MB. */
export function parseMegabytes(value: unknown): number | undefined {
  const bytes = parseSize(value, 'MB');
  return bytes === undefined ? undefined : bytes / 1024 ** 2;
}

const RATE_UNITS: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
  day: 86400,
  d: 86400,
};
const RATE = /^(\d+(?:\.\d+)?)\s*\/\s*(s|sec|second|min|minute|h|hour|d|day)$/;

/** `20/s`, `1200/min`, `5/h`, `100000/day` -> per second. */
export function parseRate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = RATE.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) / RATE_UNITS[match[2]!]!;
}

/** Human text for seconds: 1200 -> "20 min", 900 -> "15 min", 90 -> "1 min 30 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${round(seconds * 1000)} ms`;
  const parts: string[] = [];
  let rest = seconds;
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
  ];
  for (const [size, name] of units) {
    if (rest >= size) {
      const whole = Math.floor(rest / size);
      parts.push(`${whole} ${name}`);
      rest -= whole * size;
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${round(rest)} s`);
  return parts.join(' ');
}

/** Human text for bytes in 1,024 steps: 1048576 -> "1 MiB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${round(value)} ${units[unit]}`;
}

export function formatMegabytes(megabytes: number): string {
  return megabytes >= 1024 && megabytes % 1024 === 0
    ? `${megabytes / 1024} GB (${formatNumber(megabytes)} MB)`
    : `${formatNumber(megabytes)} MB`;
}

const RATE_STEPS: readonly [number, string][] = [
  [1, 's'],
  [60, 'min'],
  [3600, 'h'],
  [86400, 'day'],
];

/**
 * A rate in the first unit that makes it at least 1, as people write rates: 20 -> "20/s",
 * 0.2 -> "12/min", 1/3600 -> "1/h", 1/86400 -> "1/day" (not "0.04/h"). `exact` is false
 * when the text is rounded (1/7 per day -> "0.14/day").
 */
export function describeRate(perSecond: number): { text: string; exact: boolean } {
  let [factor, unit] = RATE_STEPS[RATE_STEPS.length - 1]!;
  if (perSecond === 0 || perSecond >= 1) [factor, unit] = RATE_STEPS[0]!;
  else {
    for (const step of RATE_STEPS) {
      if (perSecond * step[0] >= 1 - 1e-9) {
        [factor, unit] = step;
        break;
      }
    }
  }
  const value = perSecond * factor;
  // Whole numbers read as such (1/day, not 1.00000001/day); otherwise two decimals, or two significant digits below 0.01.
  const nearest = Math.round(value);
  const shown =
    Math.abs(value - nearest) < 1e-9 * Math.max(1, value) ? nearest : value >= 0.01 ? round(value) : Number(value.toPrecision(2));
  return {
    text: `${shown.toLocaleString('en-US', { maximumFractionDigits: 20 })}/${unit}`,
    exact: Math.abs(shown - value) < 1e-9 * Math.max(1, value),
  };
}

export function formatRate(perSecond: number): string {
  return describeRate(perSecond).text;
}

/** 1200 -> "1,200". */
export function formatNumber(value: number): string {
  return round(value).toLocaleString('en-US');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
