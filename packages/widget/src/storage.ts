/** The slice of the Web Storage API the widget uses (localStorage, or a test double). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** An in-memory storage: the fallback when localStorage is missing or throws (sandboxed frames, quotas). */
export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

/** Wraps a storage so that no call ever throws: a failing one is replaced by memory from then on. */
export function safeStorage(get: () => KeyValueStorage | null | undefined): KeyValueStorage {
  let inner: KeyValueStorage | undefined;
  const memory = memoryStorage();
  const use = <T>(run: (s: KeyValueStorage) => T): T => {
    try {
      // Merely reading window.localStorage throws a SecurityError when storage is blocked.
      return run((inner ??= get() || memory));
    } catch {
      inner = memory;
      return run(memory);
    }
  };
  return { getItem: (k) => use((s) => s.getItem(k)), setItem: (k, v) => use((s) => s.setItem(k, v)) };
}

/** Parses JSON stored under `key`: null when absent (JSON.parse reads null as "null"), undefined when corrupt. */
export function readJson<T>(storage: KeyValueStorage, key: string): T | null | undefined {
  try {
    return JSON.parse(storage.getItem(key)!);
  } catch {
    return undefined;
  }
}
