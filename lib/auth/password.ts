import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { availableParallelism } from "node:os";

// scrypt from node:crypto (OWASP: N=2^17, r=8, p=1). Stored as scrypt$N$r$p$salt$hash so the
// cost can be raised later without breaking existing hashes.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** Every hashing slot is taken and the queue is full (or the wait ran out): try again shortly. */
export class PasswordHashBusyError extends Error {
  constructor() {
    super("Every password hashing slot is busy");
    this.name = "PasswordHashBusyError";
  }
}

export type HashGateLimits = { concurrency: number; queue: number; waitMs: number };

const whole = (value: string | undefined, min: number, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n >= min ? n : fallback;
};

// Each scrypt takes ~0.6 s of CPU and 128 MiB, and anyone can ask for one by trying to sign in:
// unbounded, a handful of parallel requests starve every page. Half the cores leaves room for pages.
export const HASH_LIMITS: HashGateLimits = {
  concurrency: whole(process.env.AUTH_HASH_CONCURRENCY, 1, Math.max(1, Math.floor(availableParallelism() / 2))),
  queue: whole(process.env.AUTH_HASH_QUEUE, 0, 8),
  waitMs: whole(process.env.AUTH_HASH_WAIT_MS, 0, 2000),
};

/**
 * A counting semaphore: runs at most `concurrency` tasks at once, lets at most `queue` wait (first
 * come, first served), each at most `waitMs`; anything beyond is refused with PasswordHashBusyError
 * rather than left to pile up. In-process on purpose: the CPU it protects is this process's.
 */
export function createHashGate(limits: HashGateLimits) {
  let running = 0;
  const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

  const release = () => {
    const next = waiting.shift();
    if (!next) {
      running--;
      return;
    }
    // The slot passes straight to the next waiter, so `running` stays as it is.
    clearTimeout(next.timer);
    next.start();
  };

  const acquire = (): Promise<void> => {
    if (running < limits.concurrency) {
      running++;
      return Promise.resolve();
    }
    if (waiting.length >= limits.queue) return Promise.reject(new PasswordHashBusyError());
    return new Promise((resolve, reject) => {
      const waiter = {
        start: resolve,
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new PasswordHashBusyError());
        }, limits.waitMs),
      };
      waiting.push(waiter);
    });
  };

  return async function run<T>(task: () => Promise<T>): Promise<T> {
    await acquire();
    try {
      return await task();
    } finally {
      release();
    }
  };
}

const gated = createHashGate(HASH_LIMITS);

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return gated(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

/** Throws PasswordHashBusyError when every hashing slot is taken. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Throws PasswordHashBusyError when every hashing slot is taken. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, r, p, salt, hash] = stored.split("$");
  if (algo !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// A stored value of the real format: checking against it costs one real scrypt. Its result is
// never used, so it needs no real password behind it (and costs no hashing to make).
const DUMMY_HASH = ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, randomBytes(16).toString("base64url"), randomBytes(KEY_LENGTH).toString("base64url")].join("$");

/**
 * Spends the same time as a real check, so an unknown user is not told apart by timing.
 * Throws PasswordHashBusyError when every hashing slot is taken.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(password, DUMMY_HASH);
}
