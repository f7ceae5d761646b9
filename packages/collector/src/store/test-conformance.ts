import { afterEach, describe } from 'vitest';
import type { Store } from './store.js';
import { caseConformance } from './test-conformance-cases.js';
import { commentConformance } from './test-conformance-comments.js';
import type { StoreHarness } from './test-conformance-helpers.js';
import { reportConformance } from './test-conformance-reports.js';
import { responsesConformance } from './test-conformance-responses.js';
import { writeConformance } from './test-conformance-writes.js';

export type { StoreHarness } from './test-conformance-helpers.js';

/** Registers the Store conformance tests for one implementation; `harness` null skips them (service not configured). */
export function storeConformance(name: string, harness: StoreHarness | null): void {
  describe.skipIf(harness === null)(`${name} conformance`, () => {
    const open: Store[] = [];
    const create = async () => {
      const store = await harness!.create();
      open.push(store);
      return store;
    };
    const reopen = async (store: Store) => {
      const again = await harness!.reopen(store);
      open.push(again);
      return again;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });
    writeConformance({ create, reopen });
    reportConformance({ create, reopen });
    responsesConformance({ create, reopen });
    caseConformance({ create, reopen });
    commentConformance({ create, reopen });
  });
}
