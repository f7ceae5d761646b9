import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiFailure, createApi, type Api, type Role, type SiteListing } from '../api.js';
import { DashboardContext, failureText, type Dashboard } from '../context.js';
import { TEXTS, type Lang } from '../i18n/index.js';
import { browserTimeZone, rangeOf } from '../period.js';
import { scopeOf } from '../scope.js';
import { loadLang, loadToken, saveLang, saveToken } from '../session.js';
import { useView, useViewFragment } from '../use-view.js';
import { SignIn } from './sign-in.js';
import { SummaryCard } from './summary-card.js';
import { SurveyDetail } from './survey-detail.js';
import { FilterBar } from './filter-bar.js';
import { Toolbar } from './toolbar.js';

/** Props of App; tests inject the API and the clock. */
export interface AppProps {
  makeApi?: (token: string) => Api;
  now?: () => Date;
}

/** The dashboard: sign in with the admin token, then each survey's score, trend, breakdown and cases. */
export function App({ makeApi = (token) => createApi({ token }), now = () => new Date() }: AppProps) {
  const [lang, setLang] = useState<Lang>(() => loadLang(typeof navigator === 'undefined' ? [] : navigator.languages));
  const [token, setToken] = useState<string | undefined>(() => loadToken());
  const [sites, setSites] = useState<SiteListing[] | undefined>(undefined);
  const [role, setRole] = useState<Role>('admin');
  const [signInError, setSignInError] = useState<string | undefined>(undefined);
  const { siteKey, selected, days, filter, setSiteKey, setSelected, setDays, setFilter } = useView();
  const [refreshed, setRefreshed] = useState(0);
  const [caseVersion, setCaseVersion] = useState(0);
  // A failure other than a refused token (the collector restarting, a 429): the token is kept, and retried.
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);
  const texts = TEXTS[lang];
  const api = useMemo(() => (token ? makeApi(token) : undefined), [token]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = texts.title;
  }, [lang]);

  const signOut = (message?: string) => {
    saveToken(undefined);
    setToken(undefined);
    setSites(undefined);
    setSignInError(message);
  };

  useEffect(() => {
    if (!api) return;
    let current = true;
    api.sites().then(
      ({ sites: list, role: given }) => {
        if (!current) return;
        saveToken(token);
        setLoadError(undefined);
        setRole(given);
        setSites(list);
        setSiteKey((key) => (key && list.some((s) => s.key === key) ? key : list[0]?.key));
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiFailure && error.status === 401) return signOut(failureText(error, lang));
        // Not refused, only unanswered (a restart, a 429): kept, so a reload meanwhile does not ask again.
        saveToken(token);
        setLoadError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [api, refreshed, attempt]);

  // Keyboard and screen-reader users land on the page's heading once signed in (or told the collector did
  // not answer), not on the page's body.
  const signedIn = !!sites;
  const failed = loadError !== undefined;
  useEffect(() => {
    if (signedIn || failed) document.getElementById('koe-title')?.focus();
  }, [signedIn, failed]);


  const site = sites?.find((s) => s.key === siteKey);
  const survey = site?.surveys.find((s) => s.id === selected) ?? site?.surveys[0];
  useViewFragment(site?.key, survey?.id, days, filter);

  // The period is fixed when it is chosen (or refreshed), so every panel reports over the same instants.
  const period = useMemo(() => rangeOf(days, now()), [days, siteKey, refreshed]);
  const range = useMemo(() => scopeOf(period, filter), [period, filter?.key, filter?.value]);

  if (api && !sites && loadError !== undefined) {
    return (
      <div class="sign-in" role="alert">
        <h1 id="koe-title" tabIndex={-1}>
          {texts.title}
        </h1>
        <p class="error">{failureText(loadError, lang)}</p>
        <button type="button" onClick={() => (setLoadError(undefined), setAttempt((n) => n + 1))}>
          {texts.retry}
        </button>
        <button type="button" class="link" onClick={() => signOut()}>
          {texts.signOut}
        </button>
      </div>
    );
  }
  if (!api || !sites) {
    return <SignIn texts={texts} error={signInError} busy={!!api} onSubmit={(value) => (setSignInError(undefined), setToken(value))} />;
  }
  const dashboard: Dashboard = {
    api,
    lang,
    texts,
    timeZone: browserTimeZone(),
    canEdit: role === 'admin',
    caseVersion,
    onCaseChange: () => setCaseVersion((n) => n + 1),
    onFailure: (error) => {
      if (error instanceof ApiFailure && error.status === 401) signOut(texts.tokenRejected);
    },
  };
  return (
    <DashboardContext.Provider value={dashboard}>
      <Toolbar
        texts={texts}
        sites={sites}
        site={siteKey ?? ''}
        days={days}
        lang={lang}
        onSite={(key) => (setSiteKey(key), setSelected(undefined), setFilter(undefined))}
        onDays={setDays}
        onLang={(value) => (saveLang(value), setLang(value))}
        onRefresh={() => setRefreshed((n) => n + 1)}
        onSignOut={() => signOut()}
      />
      <main>
        {!site ? <p class="muted">{texts.noSites}</p> : site.surveys.length === 0 ? <p class="muted">{texts.noSurveys}</p> : null}
        {filter ? <FilterBar filter={filter} onClear={() => setFilter(undefined)} /> : null}
        {site && survey ? (
          <>
            <div class="cards">
              {site.surveys.map((s) => (
                <SummaryCard key={s.id} site={site.key} survey={s} range={range} days={days} selected={s.id === survey.id} onSelect={() => setSelected(s.id)} />
              ))}
            </div>
            <SurveyDetail key={`${site.key}|${survey.id}`} site={site.key} survey={survey} range={range} days={days} onFilter={setFilter} />
          </>
        ) : null}
      </main>
    </DashboardContext.Provider>
  );
}
