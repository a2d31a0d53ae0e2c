/** Runs a command (no shell), timing it and keeping the tail of its output for error messages. */
import { spawn } from 'node:child_process';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string,string|undefined>, echo?: boolean }} [options]
 * @returns {Promise<{ ms: number, code: number|null, output: string }>}
 */
export function run(command, args, { cwd, env, echo = false } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk) => {
      output += chunk;
      if (echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, output }));
  });
}

/** The last `n` lines of a command's output. */
export const tail = (text, n = 30) => text.trimEnd().split('\n').slice(-n).join('\n');
