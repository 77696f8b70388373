/**
 * "Maybe-async" control flow (DESIGN.md, cooperative execution): an evaluation step returns its value, or a Promise
 * only when something really waited (a yield to the event loop, a sleep, a job). The fast path allocates no promise
 * and no closure; these helpers keep the slow path in order — each step starts only after the previous one finished.
 */
/**
 * A value, or a promise of it when something had to wait.
 *
 * @example
 * ```ts
 * import type { CommandContext, Maybe } from "rsh";
 * const step = (ctx: CommandContext): Maybe<void> => ctx.emit("one");
 * ```
 */
export type Maybe<T> = T | Promise<T>;

/** Continues with `next` once `value` is there (synchronously when it already is). */
export function then<T, U>(value: Maybe<T>, next: (value: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Calls `step` for each item in order, waiting for each one that returns a promise before the next starts. */
export function eachInOrder<T>(items: readonly T[], step: (item: T, index: number) => Maybe<unknown>, start = 0): Maybe<void> {
  for (let i = start; i < items.length; i++) {
    const result = step(items[i], i);
    if (result instanceof Promise) return result.then(() => eachInOrder(items, step, i + 1));
  }
}

/** Maps items in order (each mapping starts after the previous one finished). */
export function mapInOrder<T, U>(items: readonly T[], map: (item: T) => Maybe<U>, out: U[] = [], start = 0): Maybe<U[]> {
  for (let i = start; i < items.length; i++) {
    const result = map(items[i]);
    if (result instanceof Promise) {
      return result.then((value) => {
        out.push(value);
        return mapInOrder(items, map, out, i + 1);
      });
    }
    out.push(result);
  }
  return out;
}

/** `try { body() } catch (e) { onError(e) }` for a body that may finish later. */
export function tryCatch<T>(body: () => Maybe<T>, onError: (error: unknown) => Maybe<T>): Maybe<T> {
  let result: Maybe<T>;
  try {
    result = body();
  } catch (error) {
    return onError(error);
  }
  return result instanceof Promise ? result.catch(onError) : result;
}

/** `try { body() } finally { cleanup() }` for a body (and a cleanup) that may finish later. */
export function tryFinally<T>(body: () => Maybe<T>, cleanup: () => Maybe<unknown>): Maybe<T> {
  let result: Maybe<T>;
  try {
    result = body();
  } catch (error) {
    return then(cleanup(), () => {
      throw error;
    });
  }
  if (result instanceof Promise) {
    return result.then(
      (value) => then(cleanup(), () => value),
      (error) => then(cleanup(), () => Promise.reject(error)),
    );
  }
  return then(cleanup(), () => result);
}
