/**
 * A monthly cost estimate from the capacity model and a dated price table. Estimates
 * only: us-east-1 list prices, 30-day months, free tiers applied per resource as if it
 * were the account's only use of the service.
 */
import type { Model, Resource } from './model';
import { capacityOf } from './capacity';

export const PRICES = {
  asOf: '2026-11',
  region: 'us-east-1',
  lambda: {
    perMillionRequests: 0.2,
    perGbSecond: 0.0000166667,
    freeRequests: 1_000_000,
    freeGbSeconds: 400_000,
    source: 'https://aws.amazon.com/lambda/pricing/',
  },
  sqs: {
    perMillionStandard: 0.4,
    perMillionFifo: 0.5,
    freeRequests: 1_000_000,
    /** A request is billed per 64 KB chunk of payload. */
    chunkBytes: 64 * 1024,
    source: 'https://aws.amazon.com/sqs/pricing/',
  },
  sns: {
    perMillionPublishes: 0.5,
    freePublishes: 1_000_000,
    chunkBytes: 64 * 1024,
    source: 'https://aws.amazon.com/sns/pricing/',
  },
} as const;

const SECONDS_PER_MONTH = 30 * 24 * 3600;

export interface CostEstimate {
  /** US dollars per month. */
  readonly monthly: number;
  /** How it was worked out, one line. */
  readonly basis: string;
  readonly source: string;
}

export function estimateCost(model: Model, resource: Resource): CostEstimate | undefined {
  const load = capacityOf(model).resource(resource);
  const inbound = load.inbound;
  if (!inbound) return undefined;
  const chunks = (bytesPerMessage: number, chunk: number) => Math.max(1, Math.ceil(bytesPerMessage / chunk));
  const averageSize = inbound.sized && inbound.rate > 0 ? inbound.bytes / inbound.rate : 0;
  switch (resource.type) {
    case 'lambda': {
      if (load.invocations === undefined) return undefined;
      const requests = load.invocations * SECONDS_PER_MONTH;
      const duration = resource.props.get('duration')?.value;
      const memory = resource.props.get('memory')?.value;
      const memoryGb = (typeof memory === 'number' ? memory : 128) / 1024;
      const gbSeconds = typeof duration === 'number' ? requests * duration * memoryGb : 0;
      const price = PRICES.lambda;
      const monthly =
        (Math.max(0, requests - price.freeRequests) / 1e6) * price.perMillionRequests +
        Math.max(0, gbSeconds - price.freeGbSeconds) * price.perGbSecond;
      const basis =
        `${Math.round(requests).toLocaleString('en-US')} requests` +
        (typeof duration === 'number'
          ? ` and ${Math.round(gbSeconds).toLocaleString('en-US')} GB-s`
          : ' (set `duration` to count GB-seconds)') +
        ' a month, free tier deducted';
      return { monthly, basis, source: price.source };
    }
    case 'sqs': {
      // Each message is sent, received and deleted: three requests, each per 64 KB chunk.
      const requests = inbound.rate * SECONDS_PER_MONTH * 3 * chunks(averageSize, PRICES.sqs.chunkBytes);
      const perMillion = resource.fifo ? PRICES.sqs.perMillionFifo : PRICES.sqs.perMillionStandard;
      const monthly = (Math.max(0, requests - PRICES.sqs.freeRequests) / 1e6) * perMillion;
      return {
        monthly,
        basis: `${Math.round(requests).toLocaleString('en-US')} requests a month (send, receive, delete per message; 64 KB chunks), free tier deducted`,
        source: PRICES.sqs.source,
      };
    }
    case 'sns': {
      const publishes = inbound.rate * SECONDS_PER_MONTH * chunks(averageSize, PRICES.sns.chunkBytes);
      const monthly = (Math.max(0, publishes - PRICES.sns.freePublishes) / 1e6) * PRICES.sns.perMillionPublishes;
      return {
        monthly,
        basis: `${Math.round(publishes).toLocaleString('en-US')} publish requests a month (64 KB chunks; deliveries to SQS and Lambda are free), free tier deducted`,
        source: PRICES.sns.source,
      };
    }
    default:
      return undefined;
  }
}
