/** Whether a path matches a page-view pattern (omitted: every page): `*` matches any characters, the rest literally. */
export function matchesPath(pattern: string | undefined, path: string): boolean {
  return !pattern || new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(path);
}
