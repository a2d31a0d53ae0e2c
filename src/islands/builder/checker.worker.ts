/**
 * The builder's checker as a module worker: the engine runs here, off the page's main thread, and answers what the
 * island asks (src/lib/builder/checker.ts holds the protocol and the answers; this file only carries messages).
 * Loaded by checker-client.ts when the builder first needs the engine.
 */
import { createChecker, type CheckRequest } from '../../lib/builder/checker.ts';

const checker = createChecker();
/** The worker's global scope (the project's TypeScript library is the DOM's, whose `self` is a window). */
const scope = self as unknown as { postMessage(message: unknown): void; addEventListener(type: 'message', listener: (event: MessageEvent<CheckRequest>) => void): void };

scope.addEventListener('message', (event) => {
  const answer = checker.answer(event.data);
  if (answer) scope.postMessage(answer);
});
