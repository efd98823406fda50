import os from 'node:os';
import pLimit from 'p-limit';
import { hash, verify } from '@node-rs/argon2';

/**
 * Hashes at most one fewer at a time than the machine has cores. Argon2 is memory-hard CPU work on
 * libuv's threads: when a wave of managers signs in at once (results day), four threads hashing
 * took both cores of a 2-core server, and every request the event loop had in hand waited behind
 * them (bench/RESULTS.md). A sign-in in the queue waits a little longer; everything else keeps a core.
 */
const hashing = pLimit(Math.max(1, os.availableParallelism() - 1));

/** Argon2id with the library's defaults (memory-hard). */
export const hashPassword = (password: string) => hashing(() => hash(password));
export const verifyPassword = (stored: string, password: string) => hashing(() => verify(stored, password)).catch(() => false);
