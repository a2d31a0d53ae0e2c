/**
 * Child-process entry of the linear-time test: `node --expose-gc scaling-probe.ts <rules.json>` measures every
 * case of scaling.ts and prints them as one JSON array. Node runs it with type stripping (the engine's imports
 * carry their .ts extensions).
 */
import { readFileSync } from 'node:fs';
import type { ServiceRules } from '../../../../src/lib/connstr/index.ts';
import { measureAll } from './scaling.ts';

const service = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ServiceRules;
process.stdout.write(JSON.stringify(measureAll(service)));
