/** English messages, as their own chunk so a page downloads only its visitor's language. */
export { en as default } from '@koe/core/browser';
