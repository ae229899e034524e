import { defineRule } from '../define-rule';
import { writeMegabytes } from '../../edit/write-values';
import { FARGATE } from '../../limits/aws';
import type { Edits, TextEdit } from '../../edit/edits';
import type { Prop, Resource } from '../../model/model';
import { formatNumber } from '../../parse/values';

const CPUS = [...FARGATE.sizes.keys()];

export default defineRule({
  id: 'ecs/fargate-size',
  defaultSeverity: 'error',
  summary: 'ECS service on Fargate whose cpu/memory pair Fargate does not offer, or that lacks one of them',
  sources: [FARGATE.source, FARGATE.taskSizeRequired],
  fixable: true,
  hasSuggestions: true,
  messages: {
    badMemory:
      'ECS service {id} on Fargate: cpu {cpu} ({vcpu}) allows {allowed} of memory, not {given} ({mib}); ECS rejects the task definition.',
    badCpu: 'ECS service {id} on Fargate: cpu {given} ({units}) is not a size Fargate offers ({sizes}); ECS rejects the task definition.',
    missing:
      'ECS service {id} on Fargate sets no {missing}: Fargate needs both cpu and memory at task level, as one of the pairs it offers; ECS rejects the task definition.',
    set: 'Set {change}',
    add: 'Add {change}',
  },
  check(context) {
    for (const svc of context.model.ofType('ecs')) {
      if (svc.props.get('launchType')?.value !== 'fargate' || !svc.node) continue;
      const cpu = svc.props.get('cpu');
      const memory = svc.props.get('memory');
      // A value that cannot be read is the schema's finding; guessing a size from it would mislead.
      if ((cpu && typeof cpu.value !== 'number') || (memory && typeof memory.value !== 'number')) continue;
      const units = cpu?.value as number | undefined;
      const mib = memory?.value as number | undefined;

      if (units === undefined || mib === undefined) {
        const missing = units === undefined && mib === undefined ? 'cpu and memory' : units === undefined ? 'cpu' : 'memory';
        const pair = smallestPair(units, mib);
        const changes: [string, string][] = [];
        if (pair && units === undefined) changes.push(['cpu', String(pair.cpu)]);
        if (pair && mib === undefined) changes.push(['memory', writeMegabytes(pair.memory, undefined)]);
        context.report({
          at: svc.key,
          messageId: 'missing',
          data: { id: svc.id, missing },
          suggest: changes.length
            ? [{ messageId: 'add', data: { change: describe(changes, ': ') }, build: (edits) => insertAll(edits, svc, changes) }]
            : [],
        });
        continue;
      }

      const allowed = FARGATE.sizes.get(units);
      if (!allowed) {
        const fitting = CPUS.filter((c) => FARGATE.sizes.get(c)!.includes(mib));
        const newCpu = closest(fitting.length ? fitting : CPUS, units);
        const newMemory = fitting.length ? mib : closest(FARGATE.sizes.get(newCpu)!, mib);
        const changes: [Prop, string][] = [[cpu!, writeCpu(newCpu, cpu!.raw)]];
        if (newMemory !== mib) changes.push([memory!, writeMegabytes(newMemory, memory!.raw)]);
        context.report({
          at: cpu!.node!,
          messageId: 'badCpu',
          data: {
            id: svc.id,
            given: String(cpu!.raw),
            units: `${formatNumber(units)} units`,
            sizes: `${CPUS.join(', ')} units, that is ${CPUS.map((c) => c / 1024).join(', ')} vCPU`,
          },
          fix: {
            messageId: 'set',
            data: { change: describe(changes.map(([p, v]) => [p.name, v])) },
            build: (edits) => changes.map(([p, v]) => setValue(edits, svc, p, v)),
          },
        });
        continue;
      }

      if (allowed.includes(mib)) continue;
      const value = writeMegabytes(closest(allowed, mib), memory!.raw);
      context.report({
        at: memory!.node!,
        messageId: 'badMemory',
        data: {
          id: svc.id,
          cpu: String(cpu!.raw),
          vcpu: `${units / 1024} vCPU`,
          allowed: describeMemory(allowed),
          given: String(memory!.raw),
          mib: `${formatNumber(mib)} MiB`,
        },
        fix: { messageId: 'set', data: { change: `memory to ${value}` }, build: (edits) => setValue(edits, svc, memory!, value) },
      });
    }
  },
});

/**
 * The smallest Fargate size that keeps what the service does set: the smallest memory for
 * its cpu, or the smallest cpu that allows its memory; 0.25 vCPU with 512 MiB for neither.
 */
function smallestPair(units: number | undefined, mib: number | undefined): { cpu: number; memory: number } | undefined {
  if (units !== undefined) {
    const sizes = FARGATE.sizes.get(units);
    return sizes ? { cpu: units, memory: sizes[0]! } : undefined;
  }
  if (mib !== undefined) {
    const cpu = CPUS.find((c) => FARGATE.sizes.get(c)!.includes(mib));
    return cpu === undefined ? undefined : { cpu, memory: mib };
  }
  return { cpu: CPUS[0]!, memory: FARGATE.sizes.get(CPUS[0]!)![0]! };
}

/** Add properties at the end of the service's map, in this order, as one edit. */
function insertAll(edits: Edits, svc: Resource, changes: readonly (readonly [string, string])[]): TextEdit {
  const inserts = changes.map(([key, value]) => edits.insertProperty(svc.node!, key, value));
  return { start: inserts[0]!.start, end: inserts[0]!.end, newText: inserts.map((edit) => edit.newText).join('') };
}

/** Replace the value where it is written; a value inherited from `defaults` gets an override on this service only. */
function setValue(edits: Edits, svc: Resource, prop: Prop, value: string): TextEdit {
  return prop.fromDefaults || !prop.node ? edits.setProperty(svc.node!, prop.name, value) : edits.replace(prop.node, value);
}

/** The nearest value; between two equally near, the larger (more room is the safer guess). */
function closest(values: readonly number[], target: number): number {
  let best = values[0]!;
  for (const value of values) {
    const distance = Math.abs(value - target);
    const bestDistance = Math.abs(best - target);
    if (distance < bestDistance || (distance === bestDistance && value > best)) best = value;
  }
  return best;
}

function describe(changes: readonly (readonly [string, string])[], between = ' to '): string {
  return changes.map(([key, value]) => `${key}${between}${value}`).join(' and ');
}

/** `512 MiB, 1 GB or 2 GB`; a long list as `2 GB – 8 GB in 1 GB steps`. */
function describeMemory(sizes: readonly number[]): string {
  const text = (mib: number) => (mib % 1024 === 0 ? `${mib / 1024} GB` : `${mib} MiB`);
  if (sizes.length <= 4) return `${sizes.slice(0, -1).map(text).join(', ')} or ${text(sizes[sizes.length - 1]!)}`;
  return `${text(sizes[0]!)} – ${text(sizes[sizes.length - 1]!)} in ${text(sizes[1]! - sizes[0]!)} steps`;
}

/** CPU written the way the user wrote it: `0.5 vCPU` stays in vCPU, a number stays in units. */
function writeCpu(units: number, raw: unknown): string {
  const match = typeof raw === 'string' ? /^\s*\d+(?:\.\d+)?(\s*)(vcpu)\s*$/i.exec(raw) : null;
  return match ? `${units / 1024}${match[1] ?? ''}${match[2]}` : String(units);
}
