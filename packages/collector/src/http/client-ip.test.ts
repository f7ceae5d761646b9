import { describe, expect, it } from 'vitest';
import { rateLimitKeyOf } from './client-ip.js';

describe('rateLimitKeyOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:db8:1:2:3::1.2.3.4', '2001:db8:1:2::/64'],
    ['1::2:3:4:5:1.2.3.4', '1:0:2:3::/64'],
    ['0:0:0:0:0:ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['::1.2.3.4', '0:0:0:0::/64'],
    ['203.0.113.7:5678', '203.0.113.7'],
    ['[2001:db8:1:2::9]:443', '2001:db8:1:2::/64'],
    ['[::ffff:203.0.113.7]:443', '203.0.113.7'],
    ['unknown', 'unknown'],
  ])('%s → %s', (ip, key) => {
    expect(rateLimitKeyOf(ip)).toBe(key);
  });

  it('puts every address of one /64 under one key, and neighbouring /64s under others', () => {
    expect(rateLimitKeyOf('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(rateLimitKeyOf('2001:db8:1:2::1'));
    expect(rateLimitKeyOf('2001:db8:1:3::1')).not.toBe(rateLimitKeyOf('2001:db8:1:2::1'));
  });
});
