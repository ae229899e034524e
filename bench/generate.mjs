// A realistic generated architecture: a mix of producers, topics, queues with DLQs,
// streams and consumers, about two flows per resource. Deterministic for a given size.
export function generateArchitecture(resources) {
  const lines = [
    'awsflow: 1',
    `name: generated-${resources}`,
    'region: us-east-1',
    '',
    'defaults:',
    '  sqs: { encryption: sqs-managed, receiveWait: 20s, visibilityTimeout: 3m }',
    '  lambda: { runtime: nodejs22.x, memory: 512MB, timeout: 30s }',
    '',
    'resources:',
  ];
  const flows = ['flows:'];
  let count = 0;
  let unit = 0;
  while (count < resources) {
    const u = unit++;
    // One unit: api -> topic -> 2 queues (each with dlq) -> 2 lambdas -> table; a stream -> lambda; = 11 resources
    lines.push(
      `  api-${u}:`,
      '    type: api-gateway',
      `    label: API ${u}`,
      `  events-${u}:`,
      '    type: sns',
      '    encryption: { kms: alias/events }',
      `  billing-${u}:`,
      '    type: sqs',
      `    deadLetter: { target: billing-${u}-dlq, maxReceiveCount: 5 }`,
      `  billing-${u}-dlq:`,
      '    type: sqs',
      '    retention: 14d',
      `  shipping-${u}:`,
      '    type: sqs',
      `    deadLetter: { target: shipping-${u}-dlq, maxReceiveCount: 5 }`,
      `  shipping-${u}-dlq:`,
      '    type: sqs',
      '    retention: 14d',
      `  charge-${u}:`,
      '    type: lambda',
      '    duration: 200ms # average run time',
      `  ship-${u}:`,
      '    type: lambda',
      '    memory: 1GB',
      `  table-${u}:`,
      '    type: dynamodb',
      `  clicks-${u}:`,
      '    type: kinesis',
      '    shards: 2',
      '    encryption: kms',
      `  sessionize-${u}:`,
      '    type: lambda',
      '    timeout: 1m',
    );
    flows.push(
      `  - api-${u} -> events-${u}: { rate: 20/s, size: 2KB }`,
      `  - events-${u} -> billing-${u}, shipping-${u}`,
      `  - billing-${u} -> charge-${u}: { batchSize: 5 }`,
      `  - shipping-${u} -> ship-${u}`,
      `  - charge-${u}, ship-${u} -> table-${u}`,
      `  - api-${u} -> clicks-${u}: { rate: 100/s, size: 1KB }`,
      `  - clicks-${u} -> sessionize-${u}`,
      `  - sessionize-${u} -> table-${u}`,
    );
    count += 11;
  }
  return lines.join('\n') + '\n\n' + flows.join('\n') + '\n';
}
