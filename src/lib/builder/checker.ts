/**
 * The builder's checker: the seam between the island (the page's main thread) and the engine, which runs in a
 * worker (../../islands/builder/checker.worker.ts) so a megabyte of pasted text never freezes the page. The island
 * sends `CheckRequest`s and gets `CheckAnswer`s; `createChecker` is the one function that answers them (the worker
 * only carries messages), so the protocol is tested without a worker. The payload files are checked against their
 * schemas here, before the engine uses them. DOM-free.
 */
import type { Problem } from '../connstr/index.ts';
import { readCommonPayload, readServicePayload, type BuilderService } from './payload.ts';
import { joinService, payloadKey } from './service.ts';
import { buildProblems, fixPasted, fromConnectionString, validateView, type LoadedString, type ValidateView } from './validation.ts';

/**
 * A service in the picker (its page title's name) and for recognising a pasted Profile; `builds`: the driver builds
 * it documents, newest first (the builder's build picker lists them when there are several).
 */
export type ServiceSummary = { id: string; label: string; profileFile: string; builds?: readonly string[] };

/** What the island asks. Jobs carry an `id` their answer repeats; `services` and `payload` set up and get no answer unless they fail. */
export type CheckRequest =
  /** Every service, for recognising the service a pasted Profile names (sent first). */
  | { kind: 'services'; services: readonly ServiceSummary[] }
  /**
   * A service's two files as the page has them (its own part and the shared general properties), checked here.
   * `build`: an older driver build's files (absent: the newest build's); every job names the build it checks against.
   */
  | { kind: 'payload'; serviceId: string; build?: string; part: unknown; common: unknown }
  /** The Validate tab's view of a pasted text (`fixed`: on a service page, where the service is not read from the Profile). */
  | { kind: 'validate'; id: number; serviceId: string; build?: string; text: string; serviceBy?: 'user' | 'profile'; fixed: boolean }
  /** The problems of the string the form built. */
  | { kind: 'build'; id: number; serviceId: string; build?: string; text: string; methodId?: string }
  /** "Fix all safe problems" on a pasted text. */
  | { kind: 'fix-all'; id: number; serviceId: string; build?: string; text: string }
  /** "Load into the builder": what a pasted text puts into the form. */
  | { kind: 'load'; id: number; serviceId: string; build?: string; text: string };

export type CheckJob = Extract<CheckRequest, { id: number }>;

/** The answers, one per job (`error` also for a payload that fails its check: `id` absent then). */
export type CheckAnswer =
  | { kind: 'validate'; id: number; view: ValidateView }
  | { kind: 'build'; id: number; problems: Problem[] }
  | { kind: 'fix-all'; id: number; text: string }
  | { kind: 'load'; id: number; loaded: LoadedString }
  | { kind: 'error'; id?: number; serviceId?: string; message: string };

export type Checker = { answer(request: CheckRequest): CheckAnswer | undefined };

/**
 * A checker with no service yet: it keeps the services list and each service build's checked payload (or why it
 * failed), keyed as the island keys them (`payloadKey`).
 */
export function createChecker(): Checker {
  let services: readonly ServiceSummary[] = [];
  const payloads = new Map<string, BuilderService | Error>();
  const serviceOf = (id: string, build: string | undefined): BuilderService => {
    const payload = payloads.get(payloadKey(id, build));
    if (payload instanceof Error) throw payload;
    if (!payload) throw new Error(build === undefined ? `the builder has no settings for the service "${id}"` : `the builder has no settings for build ${build} of the service "${id}"`);
    return payload;
  };
  return {
    answer(request) {
      if (request.kind === 'services') {
        services = request.services;
        return undefined;
      }
      if (request.kind === 'payload') {
        try {
          payloads.set(payloadKey(request.serviceId, request.build), joinService(readServicePayload(request.part), readCommonPayload(request.common)));
          return undefined;
        } catch (error) {
          const failed = error instanceof Error ? error : new Error(String(error));
          payloads.set(payloadKey(request.serviceId, request.build), failed);
          return { kind: 'error', serviceId: request.serviceId, message: failed.message };
        }
      }
      const { id } = request;
      try {
        const service = serviceOf(request.serviceId, request.build);
        switch (request.kind) {
          case 'validate':
            return { kind: 'validate', id, view: validateView({ pasted: request.text, serviceBy: request.serviceBy }, service, services, request.fixed) };
          case 'build':
            return { kind: 'build', id, problems: request.text ? buildProblems(service, request.text, request.methodId) : [] };
          case 'fix-all':
            return { kind: 'fix-all', id, text: fixPasted(service, request.text) };
          case 'load':
            return { kind: 'load', id, loaded: fromConnectionString(request.text, service) };
        }
      } catch (error) {
        return { kind: 'error', id, serviceId: request.serviceId, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
