import { describe, expect, it } from 'vitest';
import { countSlice, type CountSlice } from './count-slice.js';
import type { DimensionColumn } from './report-plan.js';

const channels: CountSlice = { from: '\u0003', to: null, value: 'channel' };
const touchpoints: CountSlice = { from: '\u0001', to: '\u0002', value: 'touchpoint' };
const locales: CountSlice = { from: '\u0002', to: '\u0003', value: 'locale' };
const by = (column: 'channel' | 'touchpoint' | 'locale'): DimensionColumn => ({ column });

describe('countSlice', () => {
  it.each<[string, { channel?: 'web'; touchpoint?: string }, DimensionColumn | null, CountSlice | null]>([
    ['a summary: every channel', {}, null, { one: '' }],
    ['a summary of one channel', { channel: 'web' }, null, { one: 'web' }],
    ['a summary of one touchpoint', { touchpoint: 'checkout' }, null, { one: '\u0001checkout' }],
    ['a summary of a channel and a touchpoint: raw rows', { channel: 'web', touchpoint: 'checkout' }, null, null],
    ['a breakdown by channel', {}, by('channel'), channels],
    ['a breakdown by channel within that channel', { channel: 'web' }, by('channel'), { one: 'web' }],
    ['a breakdown by channel of one touchpoint: raw rows', { touchpoint: 'checkout' }, by('channel'), null],
    ['a breakdown by touchpoint', {}, by('touchpoint'), touchpoints],
    ['a breakdown by touchpoint within that touchpoint', { touchpoint: 'checkout' }, by('touchpoint'), { one: '\u0001checkout' }],
    ['a breakdown by touchpoint of one channel: raw rows', { channel: 'web' }, by('touchpoint'), null],
    ['a breakdown by locale', {}, by('locale'), locales],
    ['a breakdown by locale of one channel: raw rows', { channel: 'web' }, by('locale'), null],
    ['a breakdown by locale of one touchpoint: raw rows', { touchpoint: 'checkout' }, by('locale'), null],
    ['a breakdown by a context key: raw rows', {}, { contextKey: 'agent' }, null],
  ])('%s', (_, filter, dimension, expected) => {
    expect(countSlice(filter, dimension)).toEqual(expected);
  });
});
