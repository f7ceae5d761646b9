import { createKoe, type AnsweredEvent, type Koe, type KoeEventName } from '@koe/widget';
import { TEXTS, type Lang, type TextKey } from './texts.js';

// One typed instance for the app. In your code the endpoint is your collector, e.g.
// https://feedback.example.com; this demo is served by the collector itself.
const koe: Koe = createKoe({
  site: 'demo',
  endpoint: window.location.origin,
  locale: document.documentElement.lang,
  // This page has no dark theme, so the survey stays light too (the default, 'auto', follows the OS).
  theme: { accent: '#2b4c7e', position: 'bottom-right', colorScheme: 'light' },
  // Lets this demo ask after every return; keep the default (7 days between surveys) in production.
  cooldownDays: 0,
});
// The signed-in customer: answers carry the user id, and the traits as context.
koe.identify('cus_104233', { plan: 'member' });

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let lang: Lang = localStorage.getItem('tsumugi-lang') === 'ja' ? 'ja' : 'en';
let returnOrder = '';

const t = (key: TextKey) => TEXTS[lang][key];

function setLanguage(next: Lang): void {
  lang = next;
  localStorage.setItem('tsumugi-lang', lang);
  document.documentElement.lang = lang;
  document.title = lang === 'ja' ? 'Tsumugi · マイアカウント' : 'Tsumugi · My account';
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as TextKey);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel as TextKey));
  for (const button of document.querySelectorAll<HTMLElement>('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  koe.locale(lang);
}

/** The return flow: two questions, then a confirmation; finishing it is the support-ces survey's trigger. */
function startReturn(orderId: string): void {
  returnOrder = orderId;
  $('return-order').textContent = orderId;
  $<HTMLFormElement>('return-form').reset();
  $('return-done').hidden = true;
  $('return-form').hidden = false;
  $('return').hidden = false;
  $('return').scrollIntoView({ block: 'nearest' });
}

function finishReturn(event: SubmitEvent): void {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const rma = `RMA-${Math.floor(1000 + Math.random() * 9000)}`;
  $('return-form').hidden = true;
  $('return-rma').textContent = rma;
  $('return-done').hidden = false;
  // Context values are strings; they travel with the answer and can be broken down in reports.
  koe.track('support_resolved', { flow: 'return', orderId: returnOrder, reason: String(form.get('reason')), resolution: String(form.get('resolution')) });
}

const LABEL: Record<AnsweredEvent['kind'], string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

function logEvent(name: KoeEventName, text: string): void {
  const item = document.createElement('li');
  const badge = Object.assign(document.createElement('span'), { className: `tag ${name}`, textContent: name });
  item.append(badge, ` ${text}`);
  $('events').prepend(item);
  $('events-empty').hidden = true;
}

// Every listener is typed by its event name: `answered` gets an AnsweredEvent, `error` an ErrorEvent…
koe.on('shown', ({ survey, mode }) => logEvent('shown', `${survey} (${mode})`));
koe.on('answered', (answer: AnsweredEvent) => {
  const comment = answer.comment ? ` “${answer.comment}”` : '';
  logEvent('answered', `${LABEL[answer.kind]} ${answer.score} · ${answer.category}${comment}`);
});
koe.on('sent', ({ id }) => logEvent('sent', `${id.slice(0, 8)}… stored by the collector`));
koe.on('dismissed', ({ survey }) => logEvent('dismissed', survey));
koe.on('error', ({ code, message }) => logEvent('error', `${code}: ${message}`));

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-return]')) {
  button.addEventListener('click', () => startReturn(button.dataset.return!));
}
$<HTMLFormElement>('return-form').addEventListener('submit', finishReturn);
$('return-cancel').addEventListener('click', () => ($('return').hidden = true));
$('return-close').addEventListener('click', () => ($('return').hidden = true));
// `show` asks now; `force` skips throttling, right for a button the customer pressed themselves.
// The visitor asked for it: keyboard focus moves into the survey.
$('rate').addEventListener('click', () => koe.show('website-nps', { force: true, focus: true, context: { page: 'account' } }));
for (const button of document.querySelectorAll<HTMLElement>('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang as Lang));
}
setLanguage(lang);
