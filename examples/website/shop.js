import { PRODUCTS, TEXTS } from './texts.js';

// `koe` is the snippet's stub until /koe.js loads, then the real thing; calls made in between are
// queued and replayed in order, so the page never has to wait for it.
const koe = (...args) => window.koe(...args);
const $ = (id) => document.getElementById(id);

const FREE_SHIPPING_FROM = 5000;
const SHIPPING = 600;
const cart = new Map();
let lang = initialLanguage();

function initialLanguage() {
  const saved = localStorage.getItem('tsumugi-lang');
  if (saved === 'en' || saved === 'ja') return saved;
  return navigator.languages?.some((tag) => tag.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

function t(key, values = {}) {
  const text = TEXTS[lang][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

function yen(amount) {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { style: 'currency', currency: 'JPY' }).format(amount);
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function setLanguage(next) {
  lang = next;
  localStorage.setItem('tsumugi-lang', lang);
  document.documentElement.lang = lang;
  document.title = lang === 'ja' ? 'Tsumugi（紡）· 日本の暮らしの道具' : 'Tsumugi · Japanese homeware';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  renderProducts();
  renderCart();
  renderDone();
  // A survey already on screen is redrawn in the new language without losing the visitor's answer.
  koe('locale', lang);
}

function renderProducts() {
  const items = PRODUCTS.map((product) => {
    const add = el('button', { type: 'button', className: 'button small', textContent: t('shop.add') });
    add.addEventListener('click', () => {
      cart.set(product.id, (cart.get(product.id) ?? 0) + 1);
      renderCart();
      add.textContent = t('shop.added');
      setTimeout(() => (add.textContent = t('shop.add')), 1200);
    });
    return el(
      'li',
      { className: 'card' },
      el('img', { src: product.image, alt: '', width: 240, height: 180 }),
      el('div', { className: 'card-body' },
        el('h3', { textContent: product.name[lang] }),
        el('p', { className: 'note', textContent: product.note[lang] }),
        el('div', { className: 'row between' }, el('span', { className: 'price', textContent: yen(product.price) }), add),
      ),
    );
  });
  $('product-grid').replaceChildren(...items);
}

function totals() {
  let subtotal = 0;
  for (const [id, quantity] of cart) subtotal += PRODUCTS.find((p) => p.id === id).price * quantity;
  const shipping = subtotal === 0 || subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING;
  return { subtotal, shipping, total: subtotal + shipping };
}

function renderCart() {
  const count = [...cart.values()].reduce((sum, n) => sum + n, 0);
  $('cart-count').textContent = String(count);
  const body = $('cart-body');
  if (count === 0) {
    body.replaceChildren(el('p', { className: 'empty', textContent: t('cart.empty') }));
    return;
  }
  const lines = [...cart].map(([id, quantity]) => {
    const product = PRODUCTS.find((p) => p.id === id);
    const remove = el('button', { type: 'button', className: 'link', textContent: t('cart.remove') });
    remove.addEventListener('click', () => {
      cart.delete(id);
      renderCart();
    });
    return el('li', {},
      el('img', { src: product.image, alt: '', width: 64, height: 48 }),
      el('div', {}, el('strong', { textContent: product.name[lang] }), el('span', { className: 'note', textContent: `× ${quantity}` }), remove),
      el('span', { className: 'price', textContent: yen(product.price * quantity) }),
    );
  });
  const { subtotal, shipping, total } = totals();
  const summary = el('dl', { className: 'sum' },
    el('dt', { textContent: t('cart.subtotal') }), el('dd', { textContent: yen(subtotal) }),
    el('dt', { textContent: t('cart.shipping') }), el('dd', { textContent: shipping ? yen(shipping) : t('cart.free') }),
    el('dt', { className: 'total', textContent: t('cart.total') }), el('dd', { className: 'total', textContent: yen(total) }),
  );
  const checkout = el('button', { type: 'button', className: 'button wide', id: 'checkout-open', textContent: t('cart.checkout') });
  checkout.addEventListener('click', openCheckout);
  body.replaceChildren(el('ul', { className: 'lines' }, ...lines), summary, checkout);
}

function toggleCart(open) {
  $('cart').hidden = !open;
  $('cart-open').setAttribute('aria-expanded', String(open));
  if (open) $('cart-close').focus();
}

function openCheckout() {
  toggleCart(false);
  $('checkout-total').textContent = yen(totals().total);
  $('checkout').showModal();
}

// What the page last told the visitor, kept so a language switch can say it again in the new language.
let lastOrder;
let lastStatus;
let lastResolved;

/** The confirmation, order status and support outcome on screen, in the current language. */
function renderDone() {
  if (lastOrder) $('confirmation-text').textContent = t('done.text', { order: lastOrder });
  if (lastStatus) {
    const date = lastStatus.arrival.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-US', { weekday: 'long', month: 'long', day: 'numeric' });
    $('track-status').textContent = t('help.status', { order: lastStatus.order, date });
  }
  if (lastResolved === undefined) return;
  const done = $('resolve-done');
  if (lastResolved) done.textContent = t('help.thanks');
  else done.replaceChildren(t('help.contact'), ' ', el('a', { href: '../chat/', textContent: lang === 'ja' ? 'チャットを開く' : 'Open the chat' }));
}

function placeOrder() {
  const orderId = `TSU-${String(Math.floor(10000 + Math.random() * 90000))}`;
  const items = [...cart.values()].reduce((sum, n) => sum + n, 0);
  cart.clear();
  renderCart();
  lastOrder = orderId;
  renderDone();
  $('confirmation').hidden = false;
  // The website-nps survey's trigger: it shows a second later (delaySeconds in the config).
  koe('track', 'purchase_completed', { orderId, items: String(items) });
}

function checkStatus(event) {
  event.preventDefault();
  lastStatus = { order: $('order-number').value.trim().toUpperCase(), arrival: new Date(Date.now() + 2 * 86_400_000) };
  lastResolved = undefined;
  renderDone();
  $('track-result').hidden = false;
  $('resolve').hidden = false;
  $('resolve-done').hidden = true;
}

function resolved(solved) {
  $('resolve').hidden = true;
  $('resolve-done').hidden = false;
  lastResolved = solved;
  renderDone();
  // The support-ces survey's trigger: "the company made it easy to handle my issue".
  if (solved) koe('track', 'support_resolved', { flow: 'order-status' });
}

function logKoeEvents() {
  const log = $('koe-log');
  const write = (name, detail) => {
    const time = new Date().toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-GB');
    log.prepend(el('li', {}, el('time', { textContent: time }), ` ${name} `, el('code', { textContent: JSON.stringify(detail) })));
  };
  for (const name of ['shown', 'answered', 'dismissed', 'sent', 'error']) koe('on', name, (detail) => write(name, detail));
}

document.querySelectorAll('[data-lang]').forEach((button) => button.addEventListener('click', () => setLanguage(button.dataset.lang)));
$('cart-open').addEventListener('click', () => toggleCart($('cart').hidden));
$('cart-close').addEventListener('click', () => toggleCart(false));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !$('cart').hidden) toggleCart(false);
});
$('checkout-cancel').addEventListener('click', () => {
  $('checkout').close();
  toggleCart(true);
});
$('checkout-form').addEventListener('submit', placeOrder);
$('continue').addEventListener('click', () => ($('confirmation').hidden = true));
$('track-form').addEventListener('submit', checkStatus);
$('resolved-yes').addEventListener('click', () => resolved(true));
$('resolved-no').addEventListener('click', () => resolved(false));

logKoeEvents();
setLanguage(lang);
