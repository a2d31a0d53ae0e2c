/** Small things the builder's components share: prop types and labels. */
import type { Action } from '../../lib/builder/model.ts';

/** A service in the picker (its page title's name) and for recognising a pasted Profile. */
export type ServiceSummary = { id: string; label: string; profileFile: string };
export type Dispatch = (action: Action) => void;

export const severityLabels = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
