import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { useLoad, type Loaded } from './use-load.js';

it('forgets the last result when the key changes, and drops an answer for an earlier key', async () => {
  const seen: Loaded<string>[] = [];
  const pending = new Map<string, (value: string) => void>();
  function Probe({ k }: { k: string }) {
    seen.push(useLoad(() => new Promise<string>((resolve) => pending.set(k, resolve)), k));
    return null;
  }
  const root = document.createElement('div');
  const resolve = (key: string, value: string) =>
    act(async () => {
      pending.get(key)!(value);
      await new Promise((r) => setTimeout(r, 0));
    });
  await act(() => render(<Probe k="30" />, root));
  await resolve('30', 'thirty');
  expect(seen.at(-1)).toMatchObject({ data: 'thirty', loading: false });
  await act(() => render(<Probe k="365" />, root));
  expect(seen.at(-1)).toMatchObject({ data: undefined, loading: true });
  await act(() => render(<Probe k="7" />, root));
  await resolve('365', 'late');
  expect(seen.at(-1)).toMatchObject({ data: undefined, loading: true });
  await resolve('7', 'seven');
  expect(seen.at(-1)).toMatchObject({ data: 'seven', loading: false });
});
