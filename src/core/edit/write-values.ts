/** Values written back into the user's file, in the user's own notation. */

/**
 * Megabytes written the way the user wrote memory: `4GB` -> `2GB`, `4096` -> `2048`,
 * `3 GiB` -> `2 GiB`; a size that is not whole gigabytes falls back to MB (`512MB`).
 */
export function writeMegabytes(megabytes: number, raw: unknown): string {
  if (typeof raw === 'number') return String(megabytes);
  const match = typeof raw === 'string' ? /^\s*\d+(?:\.\d+)?(\s*)([KMGT]i?B|B)?\s*$/i.exec(raw) : null;
  if (!match) return megabytes % 1024 === 0 ? `${megabytes / 1024}GB` : `${megabytes}MB`;
  const space = match[1] ?? '';
  const unit = match[2];
  if (!unit) return String(megabytes);
  if (/^g/i.test(unit) && megabytes % 1024 === 0) return `${megabytes / 1024}${space}${unit}`;
  // Keep the user's spelling of the unit (MB, MiB, mb) by swapping only its first letter.
  const megaUnit = /^[kgt]/i.test(unit)
    ? (unit[0] === unit[0]!.toLowerCase() ? 'm' : 'M') + unit.slice(1)
    : /^b$/i.test(unit)
      ? 'MB'
      : unit;
  return `${megabytes}${space}${megaUnit}`;
}

export const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
  ['ms', 0.001],
];

/** Seconds as the shortest duration text: 7200 -> `2h`, 270 -> `4m30s`, 0.05 -> `50ms`. */
export function compactDuration(seconds: number): string {
  if (seconds <= 0) return '0s';
  let rest = Math.round(seconds * 1000);
  let text = '';
  for (const [name, factor] of DURATION_UNITS) {
    const millis = Math.round(factor * 1000);
    const count = Math.floor(rest / millis);
    if (count > 0) {
      text += `${count}${name}`;
      rest -= count * millis;
    }
  }
  return text;
}
