// The code needed only once there is an answer to take or deliver: built to dist/koe-answer.js and loaded
// by the runtime when a survey is about to show, or when the outbox holds answers from an earlier page.
// Core's scale helpers live here too: dist/koe.js, on every page, carries no scale table.
export { headless, render, start } from './answering.js';
export { localizeSurvey } from '@koe/core/browser';
