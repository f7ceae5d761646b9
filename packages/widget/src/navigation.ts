/** Calls `onChange` with the new path whenever the path changes: SPA history calls and back/forward. */
export function watchNavigation(win: Window, onChange: (path: string) => void): () => void {
  const history = win.history;
  let active = true;
  let last = win.location.pathname;
  const check = () => {
    const path = win.location.pathname;
    if (active && path !== last) {
      last = path;
      onChange(path);
    }
  };
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    // Wrap whatever is there now (a router's or another tool's patch) and call through, so their code keeps
    // working; after destroy() the wrapper only calls through, since unwrapping could undo a later patcher.
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      // check() cannot throw: its callback only clears timers and starts a promise chain with its own catch.
      check();
      return result;
    };
  }
  win.addEventListener('popstate', check);
  return () => {
    active = false;
    win.removeEventListener('popstate', check);
  };
}
