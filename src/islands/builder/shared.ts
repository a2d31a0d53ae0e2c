/** Small things the builder's components share: prop types and labels. */
import type { Action } from '../../lib/builder/model.ts';

export type { ServiceSummary } from '../../lib/builder/checker.ts';
export type Dispatch = (action: Action) => void;

export const severityLabels = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
