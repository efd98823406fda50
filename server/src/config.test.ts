import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './config.js';

describe('KSP_TRUST_PROXY', () => {
  it('trusts no proxy unless told to', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy(' false ')).toBe(false);
  });

  it('takes what Express takes: a hop count, names, addresses and subnets', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,192.168.1.7, fd00::/8, ::1, uniquelocal')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      '::1',
      'uniquelocal',
    ]);
  });

  it('refuses true, which would believe every client, and anything that is not an address', () => {
    expect(() => parseTrustProxy('true')).toThrow(/any client about its address/);
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.1/8/1', 'fd00::/129', '-1', 'loopback,', '300.1.1.1']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/is not an address, a subnet/);
    }
  });
});
