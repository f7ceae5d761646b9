/** Japanese messages, as their own chunk so a page downloads only its visitor's language. */
export { ja as default } from '@koe/core/browser';
