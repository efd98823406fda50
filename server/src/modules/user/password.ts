import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (memory-hard). */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);
