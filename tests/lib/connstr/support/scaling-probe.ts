/**
 * Child-process entry of the linear-time test: `node --expose-gc scaling-probe.ts <service.json>` measures every
 * case of scaling.ts and prints them as one JSON array. Node runs it with type stripping (the engine's imports
 * carry their .ts extensions).
 */
import { readFileSync } from 'node:fs';
import type { ResolvedService } from '../../../../src/lib/providers/catalog.ts';
import { measureAll } from './scaling.ts';

const service = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ResolvedService;
process.stdout.write(JSON.stringify(measureAll(service)));
