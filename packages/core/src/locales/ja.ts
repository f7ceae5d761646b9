import type { Messages } from './messages.js';

/** Japanese messages, written to read naturally rather than translated word for word. */
export const ja: Messages = {
  title: 'アンケート',
  question: {
    nps: '友人や同僚にすすめる可能性はどのくらいありますか？',
    csat: '今回のご利用にどの程度満足されましたか？',
    // CES 2.0 is a statement rated from disagree to agree (the scale's labels), not a yes/no question.
    ces: '今回のお問い合わせは、簡単に解決できるよう対応してもらえた。',
  },
  scale: {
    nps: { low: 'まったくすすめない', high: 'ぜひすすめたい' },
    csat: { low: 'とても不満', high: 'とても満足' },
    ces: { low: 'まったくそう思わない', high: 'とてもそう思う' },
  },
  followUp: {
    nps: {
      promoter: 'ありがとうございます！特に気に入っている点を教えてください。',
      passive: 'ありがとうございます。どのような点を改善すればよいでしょうか？',
      detractor: 'ご期待に沿えず申し訳ありません。どのような点にご不満がありましたか？',
    },
    csat: {
      satisfied: 'ありがとうございます！特によかった点を教えてください。',
      neutral: 'ありがとうございます。どうすればもっとよくなったと思われますか？',
      dissatisfied: 'ご不便をおかけし申し訳ありません。何があったか教えていただけますか？',
    },
    ces: {
      easy: 'ありがとうございます。スムーズだと感じた点を教えてください。',
      neutral: 'ありがとうございます。どのような点がもっと簡単になるとよいでしょうか？',
      difficult: 'お手数をおかけしました。どのような点でお困りになりましたか？',
    },
  },
  commentLabel: 'コメント（任意）',
  commentPlaceholder: 'ご自由にお書きください…',
  send: '送信',
  skip: 'スキップ',
  close: '閉じる',
  thanks: 'ご回答ありがとうございました。',
  savedOffline: '回答を保存しました。オンラインに戻ったら送信します。',
};
