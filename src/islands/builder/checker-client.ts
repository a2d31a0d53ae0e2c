/**
 * The page's side of the builder's checker (src/lib/builder/checker.ts): starts the worker the first time the
 * builder needs the engine, sends it jobs one at a time, and keeps the page's view current rather than complete:
 * a newer job of the Validate tab or of the form replaces one still waiting, and a job the user has moved past is
 * dropped (its answer never reaches the page); one that keeps the worker busy for long (a megabyte of text read
 * again for a keystroke) is cut short by restarting the worker. The user's actions (Fix all, Load into the
 * builder) run unless the pasted text changes under them. Nothing here reads or writes the DOM.
 */
import type { CheckAnswer, CheckJob, CheckRequest } from '../../lib/builder/checker.ts';
import { payloadKey } from '../../lib/builder/service.ts';
import checkerUrl from './checker.worker.ts?worker&url';

/** Kinds of job where only the newest matters: the text changed, the old answer is of no use. */
const LATEST_ONLY: ReadonlySet<CheckJob['kind']> = new Set(['validate', 'build']);
/** The user's actions on the pasted text: they run unless the text changes under them. */
const ACTIONS: ReadonlySet<CheckJob['kind']> = new Set(['fix-all', 'load']);
/** A superseded job still running after this long is cut short (the worker restarts, which takes a few ms). */
const CUT_SHORT_AFTER_MS = 150;

type Job = { job: CheckJob; done: (answer: CheckAnswer | undefined) => void };
/** A job as the caller writes it: the client numbers it. */
export type JobRequest = CheckJob extends infer J ? (J extends CheckJob ? Omit<J, 'id'> : never) : never;

export class CheckerClient {
  private worker: Worker | undefined;
  private running: (Job & { since: number; superseded: boolean }) | undefined;
  private waiting: Job[] = [];
  /** The set-up messages so far (services, each service's files), sent again to a restarted worker. */
  private setup = new Map<string, CheckRequest>();
  private lastId = 0;
  private cutTimer: ReturnType<typeof setTimeout> | undefined;

  /** @param onError a payload that fails its check, or a worker that cannot run: the island shows the message. */
  constructor(private readonly onError: (message: string, serviceId?: string) => void) {}

  /** Sets up a message the worker keeps (`services`, or one service's `payload`), now and after a restart. */
  send(request: Extract<CheckRequest, { kind: 'services' | 'payload' }>): void {
    const key = request.kind === 'payload' ? `payload:${payloadKey(request.serviceId, request.build)}` : request.kind;
    this.setup.set(key, request);
    this.worker?.postMessage(request);
  }

  /** Runs a job; the answer, or undefined when a newer job of the same kind made it moot. */
  ask(request: JobRequest): Promise<CheckAnswer | undefined> {
    const job = { ...request, id: ++this.lastId } as CheckJob;
    return new Promise((done) => {
      if (LATEST_ONLY.has(job.kind)) {
        // A newer text makes the older one's check moot, and an action asked for the older text too (its answer
        // would be dropped: the island applies it only to the text it was asked for).
        const moot = (kind: CheckJob['kind']) => kind === job.kind || (job.kind === 'validate' && ACTIONS.has(kind));
        for (const waiting of this.waiting.filter((w) => moot(w.job.kind))) waiting.done(undefined);
        this.waiting = this.waiting.filter((w) => !moot(w.job.kind));
        if (this.running && moot(this.running.job.kind)) {
          this.running.superseded = true;
          this.cutShortLater();
        }
      }
      this.waiting.push({ job, done });
      this.next();
    });
  }

  /** Starts the worker ahead of its first job (the Validate tab opened: a paste is coming). */
  warm(): void {
    if (!this.worker) this.start();
  }

  /** Stops the worker (the island is gone). */
  stop(): void {
    clearTimeout(this.cutTimer);
    this.worker?.terminate();
    this.worker = undefined;
    this.running?.done(undefined);
    this.running = undefined;
    for (const waiting of this.waiting) waiting.done(undefined);
    this.waiting = [];
  }

  private start(): Worker {
    const worker = new Worker(checkerUrl, { type: 'module', name: 'connection-string-checker' });
    worker.addEventListener('message', (event: MessageEvent<CheckAnswer>) => this.answered(worker, event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (worker !== this.worker) return;
      this.onError(`The checker could not run${event.message ? ` (${event.message})` : ''}. Reload the page to try again.`);
      this.stop();
    });
    for (const request of this.setup.values()) worker.postMessage(request);
    this.worker = worker;
    return worker;
  }

  private next(): void {
    if (this.running) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.running = { ...next, since: performance.now(), superseded: false };
    (this.worker ?? this.start()).postMessage(next.job);
  }

  private answered(worker: Worker, answer: CheckAnswer): void {
    if (worker !== this.worker) return;
    if (answer.kind === 'error' && answer.id === undefined) {
      this.onError(answer.message, answer.serviceId);
      return;
    }
    const running = this.running;
    if (!running || running.job.id !== answer.id) return;
    this.running = undefined;
    running.done(running.superseded ? undefined : answer);
    this.next();
  }

  /** Restarts the worker if the job it runs is superseded and still running after `CUT_SHORT_AFTER_MS`. */
  private cutShortLater(): void {
    clearTimeout(this.cutTimer);
    const running = this.running;
    if (!running) return;
    const wait = Math.max(0, CUT_SHORT_AFTER_MS - (performance.now() - running.since));
    this.cutTimer = setTimeout(() => {
      if (this.running !== running || !running.superseded) return;
      this.worker?.terminate();
      this.worker = undefined;
      this.running = undefined;
      running.done(undefined);
      this.next();
    }, wait);
  }
}
