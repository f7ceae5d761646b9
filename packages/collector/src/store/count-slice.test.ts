import { describe, expect, it } from 'vitest';
import { countSlice, type CountSlice } from './count-slice.js';
import type { DimensionColumn } from './report-plan.js';

const channels: CountSlice = { from: '\u0004', to: null, value: 'channel', prefix: 0 };
const touchpoints: CountSlice = { from: '\u0001', to: '\u0002', value: 'touchpoint', prefix: 1 };
const locales: CountSlice = { from: '\u0002', to: '\u0003', value: 'locale', prefix: 1 };
const webTouchpoints: CountSlice = { from: '\u0003web\u0001', to: '\u0003web\u0002', value: 'touchpoint', prefix: 5 };
const by = (column: 'channel' | 'touchpoint' | 'locale'): DimensionColumn => ({ column });

describe('countSlice', () => {
  it.each<[string, { channel?: 'web'; touchpoint?: string }, DimensionColumn | null, CountSlice | null]>([
    ['a summary: every channel', {}, null, { keys: [''], prefix: 0 }],
    ['a summary of one channel', { channel: 'web' }, null, { keys: ['web'], prefix: 0 }],
    ['a summary of one touchpoint', { touchpoint: 'checkout' }, null, { keys: ['\u0001checkout'], prefix: 1 }],
    ['a summary of a channel and a touchpoint', { channel: 'web', touchpoint: 'checkout' }, null, { keys: ['\u0003web\u0001checkout'], prefix: 5 }],
    ['a breakdown by channel', {}, by('channel'), channels],
    ['a breakdown by channel within that channel', { channel: 'web' }, by('channel'), { keys: ['web'], prefix: 0 }],
    [
      'a breakdown by channel of one touchpoint: its key under every channel',
      { touchpoint: 'checkout' },
      by('channel'),
      { keys: ['web', 'chat', 'email', 'sms', 'app', 'other'].map((c) => `\u0003${c}\u0001checkout`), prefix: 1, suffix: 9 },
    ],
    ['a breakdown by channel of one channel and touchpoint', { channel: 'web', touchpoint: 'チェックアウト' }, by('channel'), { keys: ['\u0003web\u0001チェックアウト'], prefix: 1, suffix: 8 }],
    ['a breakdown by touchpoint', {}, by('touchpoint'), touchpoints],
    ['a breakdown by touchpoint within that touchpoint', { touchpoint: 'checkout' }, by('touchpoint'), { keys: ['\u0001checkout'], prefix: 1 }],
    ['a breakdown by touchpoint of one channel', { channel: 'web' }, by('touchpoint'), webTouchpoints],
    ['a breakdown by touchpoint of one channel and touchpoint', { channel: 'web', touchpoint: 'checkout' }, by('touchpoint'), { keys: ['\u0003web\u0001checkout'], prefix: 5 }],
    ['a breakdown by locale', {}, by('locale'), locales],
    ['a breakdown by locale of one channel: raw rows', { channel: 'web' }, by('locale'), null],
    ['a breakdown by locale of one touchpoint: raw rows', { touchpoint: 'checkout' }, by('locale'), null],
    ['a breakdown by a context key: raw rows', {}, { contextKey: 'agent' }, null],
  ])('%s', (_, filter, dimension, expected) => {
    expect(countSlice(filter, dimension)).toEqual(expected);
  });
});
