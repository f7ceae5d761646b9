import { TEXTS, greeting, replyTo } from './agent.js';

const $ = (id) => document.getElementById(id);
const transcript = $('transcript');
const AGENT = { agentId: 'aiko', team: 'orders' };

let lang = localStorage.getItem('tsumugi-lang') === 'ja' || (!localStorage.getItem('tsumugi-lang') && navigator.language.startsWith('ja')) ? 'ja' : 'en';
let conversationId = newConversationId();
let ended = false;

function newConversationId() {
  return `conv_${crypto.randomUUID().slice(0, 8)}`;
}

function t(key, values = {}) {
  return (TEXTS[lang][key] ?? TEXTS.en[key]).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** `window.koe` once /koe.js has loaded: `mount` and `headless` return promises, so they need the real thing, not the stub. */
function koeReady() {
  return new Promise((resolve, reject) => {
    if (window.koe?.loaded) return resolve(window.koe);
    const script = $('koe-script');
    script.addEventListener('load', () => (window.koe?.loaded ? resolve(window.koe) : reject(new Error('koe did not start'))));
    script.addEventListener('error', () => reject(new Error('koe.js could not be loaded')));
  });
}

function scrollDown() {
  transcript.lastElementChild?.scrollIntoView({ block: 'end', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

function time() {
  return new Date().toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

function bubble(from, ...content) {
  const item = el('li', { className: `message ${from}` }, el('div', { className: 'bubble' }, ...content), el('time', { textContent: time() }));
  transcript.append(item);
  scrollDown();
  return item.querySelector('.bubble');
}

function note(text) {
  transcript.append(el('li', { className: 'note', textContent: text }));
  scrollDown();
}

function agentSays(text, delay = 700 + Math.min(1200, text.length * 12)) {
  $('status-text').textContent = t('chat.typing');
  return new Promise((resolve) =>
    setTimeout(() => {
      $('status-text').textContent = ended ? t('chat.offline') : t('chat.online');
      resolve(bubble('agent', text));
    }, delay),
  );
}

function suggestions() {
  const row = el('li', { className: 'suggestions' });
  for (const key of ['suggest.order', 'suggest.return', 'suggest.address']) {
    const chip = el('button', { type: 'button', className: 'chip', textContent: t(key) });
    chip.addEventListener('click', () => {
      row.remove();
      customerSays(chip.textContent);
    });
    row.append(chip);
  }
  transcript.append(row);
}

async function customerSays(text) {
  transcript.querySelector('.suggestions')?.remove();
  bubble('customer', text);
  await agentSays(replyTo(text, lang));
}

// Enter sends; Shift+Enter is a new line; Enter that confirms a Japanese IME conversion never sends.
function sendOnEnter(textarea, send) {
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  });
}

async function endChat() {
  if (ended) return;
  ended = true;
  document.querySelector('.chat').classList.add('is-ended');
  $('composer').hidden = true;
  $('ended').hidden = false;
  $('end-chat').disabled = true;
  transcript.querySelector('.suggestions')?.remove();
  $('status-text').textContent = t('chat.offline');
  note(t('chat.ended'));
  // What travels with the answer: the reports API can break CSAT down by context.agentId or context.team.
  const context = { conversationId, ...AGENT };
  const mode = document.querySelector('input[name="mode"]:checked').value;
  try {
    const koe = await koeReady();
    if (mode === 'mount') {
      const target = bubble('agent survey');
      await koe.mount('post-chat-csat', target, { context });
      // The survey's height is known only once koe has drawn it; it grows again at the follow-up.
      new ResizeObserver(scrollDown).observe(target);
      // Closed (× or Esc), koe takes its survey out of the bubble: say so rather than leave an empty bubble.
      new MutationObserver((_, observer) => {
        if (target.childElementCount > 0) return;
        observer.disconnect();
        target.closest('li').remove();
        note(t('survey.closed'));
      }).observe(target, { childList: true });
    } else {
      await quickReplies(await koe.headless('post-chat-csat', { context }));
    }
  } catch {
    // koe loads the survey's UI only when one is shown, so a visitor who went offline during the chat cannot get it.
    bubble('agent', t(navigator.onLine ? 'survey.unavailable' : 'survey.offline'));
  }
}

/**
 * The headless mode: the survey's texts from koe, drawn as this chat's own quick replies. `categoryOf(score)`
 * names the score's category (`satisfied`, `neutral`…), which picks the follow-up question to ask.
 */
async function quickReplies({ survey, submit, categoryOf }) {
  const question = bubble('agent', survey.question);
  question.lang = survey.locale;
  const row = el('div', { className: 'quick', role: 'group', ariaLabel: survey.question });
  for (let value = survey.scale.min; value <= survey.scale.max; value++) {
    const button = el('button', { type: 'button', className: 'chip score', textContent: String(value) });
    if (value === survey.scale.min) button.title = survey.scale.low;
    if (value === survey.scale.max) button.title = survey.scale.high;
    button.addEventListener('click', () => chosen(value));
    row.append(button);
  }
  const legend = el('div', { className: 'quick-legend' }, el('span', { textContent: `${survey.scale.min} · ${survey.scale.low}` }), el('span', { textContent: `${survey.scale.max} · ${survey.scale.high}` }));
  question.append(row, legend);
  scrollDown();

  const chosen = async (score) => {
    for (const button of row.querySelectorAll('button')) {
      button.disabled = true;
      button.setAttribute('aria-pressed', String(button.textContent === String(score)));
    }
    bubble('customer', String(score));
    const followUp = await agentSays(survey.followUp[categoryOf(score)] ?? '', 500);
    const textarea = el('textarea', { rows: 2, placeholder: t('survey.comment'), ariaLabel: t('survey.comment'), maxLength: 2000 });
    const send = el('button', { type: 'button', className: 'chip primary', textContent: t('survey.send') });
    const skip = el('button', { type: 'button', className: 'chip', textContent: t('survey.skip') });
    const form = el('div', { className: 'comment' }, textarea, el('div', { className: 'comment-actions' }, skip, send));
    followUp.append(form);
    textarea.focus();
    scrollDown();
    const finish = async (comment) => {
      form.remove();
      if (comment) bubble('customer', comment);
      // Goes through koe's outbox: saved on the device first, sent with retries, stored once.
      const delivery = await submit(score, comment || undefined);
      await agentSays(delivery === 'queued' ? `${t('survey.thanks')} ${t('survey.queued')}` : t('survey.thanks'), 400);
    };
    send.addEventListener('click', () => finish(textarea.value.trim()));
    skip.addEventListener('click', () => finish(''));
    sendOnEnter(textarea, () => finish(textarea.value.trim()));
  };
}

function setLanguage(next) {
  lang = next;
  localStorage.setItem('tsumugi-lang', lang);
  document.documentElement.lang = lang;
  document.title = lang === 'ja' ? 'Tsumugi サポート · チャット' : 'Tsumugi Support · chat';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  if (ended) $('status-text').textContent = t('chat.offline');
  window.koe('locale', lang);
}

function start() {
  ended = false;
  document.querySelector('.chat').classList.remove('is-ended');
  conversationId = newConversationId();
  $('conversation-id').textContent = conversationId;
  transcript.replaceChildren();
  $('composer').hidden = false;
  $('ended').hidden = true;
  $('end-chat').disabled = false;
  $('status-text').textContent = t('chat.online');
  agentSays(greeting(lang), 300).then(suggestions);
}

$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('message').value.trim();
  if (!text || ended) return;
  $('message').value = '';
  customerSays(text);
});
sendOnEnter($('message'), () => $('composer').requestSubmit());
$('end-chat').addEventListener('click', endChat);
$('restart').addEventListener('click', start);
document.querySelectorAll('[data-lang]').forEach((button) => button.addEventListener('click', () => setLanguage(button.dataset.lang)));
// Ids are time-ordered (UUID v7): their first digits are the time, the last ones tell answers apart.
window.koe('on', 'sent', ({ id }) => note(t('note.sent', { id: id.slice(-8) })));

setLanguage(lang);
start();
