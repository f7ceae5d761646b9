import { useEffect, useRef, useState } from 'preact/hooks';
import type { Texts } from '../i18n/index.js';

/** Props of SignIn. */
export interface SignInProps {
  texts: Texts;
  error: string | undefined;
  busy: boolean;
  onSubmit(token: string): void;
}

/** The token form: the dashboard calls the admin API with what is typed here. */
export function SignIn({ texts, error, busy, onSubmit }: SignInProps) {
  const [token, setToken] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // The form's one field takes focus whenever the form appears: first visit, sign-out, a refused token.
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      class="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim() !== '') onSubmit(token.trim());
      }}
    >
      <h1>{texts.title}</h1>
      {/* Password managers expect a user name beside a password; the admin token has none. */}
      <input type="text" name="username" autocomplete="username" value="koe-admin" hidden readOnly />
      <label for="koe-token">{texts.tokenLabel}</label>
      <input ref={field} id="koe-token" type="password" autocomplete="current-password" value={token} onInput={(e) => setToken(e.currentTarget.value)} aria-describedby="koe-token-help" required />
      <p id="koe-token-help" class="help">{texts.tokenHelp}</p>
      {error ? <p role="alert" class="error">{error}</p> : null}
      <button type="submit" disabled={busy}>{busy ? texts.loading : texts.signIn}</button>
    </form>
  );
}
