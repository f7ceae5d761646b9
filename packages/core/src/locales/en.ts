import type { Messages } from './messages.js';

/** English messages. */
export const en: Messages = {
  title: 'Feedback',
  question: {
    nps: 'How likely are you to recommend us to a friend or colleague?',
    csat: 'How satisfied were you with your experience?',
    ces: 'The company made it easy for me to handle my issue.',
  },
  scale: {
    nps: { low: 'Not at all likely', high: 'Extremely likely' },
    csat: { low: 'Very dissatisfied', high: 'Very satisfied' },
    ces: { low: 'Strongly disagree', high: 'Strongly agree' },
  },
  followUp: {
    nps: {
      promoter: 'Great to hear! What do you like most?',
      passive: 'Thanks! What could we do better?',
      detractor: 'We are sorry to hear that. What disappointed you?',
    },
    csat: {
      satisfied: 'Glad to hear it! What went well?',
      neutral: 'Thanks. What would have made it better?',
      dissatisfied: 'We are sorry. What went wrong?',
    },
    ces: {
      easy: 'Good to hear. What made it easy?',
      neutral: 'Thanks. What could have been easier?',
      difficult: 'Sorry it was hard. What got in your way?',
    },
  },
  commentLabel: 'Your comment (optional)',
  commentPlaceholder: 'Tell us more…',
  send: 'Send',
  skip: 'Skip',
  close: 'Close',
  thanks: 'Thank you for your feedback!',
  savedOffline: 'Saved. It will be sent when you are back online.',
};
