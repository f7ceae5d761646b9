// Aiko, a scripted support agent: keyword rules in both languages, so the demo needs no outside service.

/** The page's own texts (koe's survey texts come from the collector's config). */
export const TEXTS = {
  en: {
    'about.eyebrow': 'koe example',
    'about.title': 'A post-chat survey inside the transcript',
    'about.lede': 'Chat with Aiko, a scripted support agent (no outside service). When you end the chat, the CSAT survey appears as the last message, and your answer carries the conversation and agent ids.',
    'mode.legend': 'How the survey is drawn',
    'mode.mount': 'koe renders its own survey inside a chat bubble',
    'mode.headless': 'this page draws quick-reply buttons and calls submit()',
    'facts.conversation': 'Conversation',
    'facts.agent': 'Agent',
    'links.website': '← The shop (script tag)',
    'links.npm': 'The npm example →',
    'chat.title': 'Tsumugi Support',
    'chat.online': 'Aiko · Orders team · online',
    'chat.typing': 'Aiko is typing…',
    'chat.offline': 'Chat ended',
    'chat.end': 'End chat',
    'chat.label': 'Message',
    'chat.placeholder': 'Write a message…',
    'chat.send': 'Send',
    'chat.restart': 'Start a new chat',
    'chat.ended': 'The chat has ended. Thanks for contacting Tsumugi.',
    'chat.you': 'You',
    'suggest.order': 'Where is my order?',
    'suggest.return': 'My bowl arrived cracked',
    'suggest.address': 'Can I change my address?',
    'survey.comment': 'Anything to add? (optional)',
    'survey.send': 'Send',
    'survey.skip': 'Skip',
    'survey.thanks': 'Thank you for your feedback!',
    'survey.queued': 'Saved on this device; it will be sent when you are back online.',
    'survey.unavailable': 'The survey could not be loaded (is the collector running?).',
    'survey.offline': 'You are offline, so the survey could not be loaded. Thank you all the same!',
    'survey.closed': 'Survey closed.',
    'a11y.language': 'Language',
    'a11y.messages': 'Messages',
    'note.sent': 'koe: answer …{id} delivered to the collector',
  },
  ja: {
    'about.eyebrow': 'koe のサンプル',
    'about.title': 'チャットの流れの中で聞く、終了後アンケート',
    'about.lede': 'スクリプトで動くサポート担当の Aiko とチャットできます（外部サービスは不要です）。チャットを終了すると、最後のメッセージとして満足度アンケートが表示され、回答には会話 ID と担当者 ID が添えられます。',
    'mode.legend': 'アンケートの表示方法',
    'mode.mount': 'koe がチャットの吹き出しの中にアンケートを描画します',
    'mode.headless': 'このページがクイック返信ボタンを描画し、submit() を呼びます',
    'facts.conversation': '会話 ID',
    'facts.agent': '担当者',
    'links.website': '← ショップ（スクリプトタグ）',
    'links.npm': 'npm のサンプル →',
    'chat.title': 'Tsumugi サポート',
    'chat.online': 'Aiko・注文担当・対応中',
    'chat.typing': 'Aiko が入力中…',
    'chat.offline': 'チャット終了',
    'chat.end': 'チャットを終了',
    'chat.label': 'メッセージ',
    'chat.placeholder': 'メッセージを入力…',
    'chat.send': '送信',
    'chat.restart': '新しいチャットを始める',
    'chat.ended': 'チャットを終了しました。Tsumugi へのお問い合わせありがとうございました。',
    'chat.you': 'あなた',
    'suggest.order': '注文した商品はいつ届きますか？',
    'suggest.return': '届いた器が割れていました',
    'suggest.address': 'お届け先を変更できますか？',
    'survey.comment': 'ご意見があればお聞かせください（任意）',
    'survey.send': '送信',
    'survey.skip': 'スキップ',
    'survey.thanks': 'ご回答ありがとうございました。',
    'survey.queued': 'この端末に保存しました。オンラインに戻ったら送信します。',
    'survey.unavailable': 'アンケートを読み込めませんでした（コレクターは起動していますか？）。',
    'survey.offline': 'オフラインのため、アンケートを読み込めませんでした。ご利用ありがとうございました。',
    'survey.closed': 'アンケートを閉じました。',
    'a11y.language': '言語',
    'a11y.messages': 'メッセージ',
    'note.sent': 'koe: 回答 …{id} をコレクターに送信しました',
  },
};

const GREETING = {
  en: 'Hi, I’m Aiko from Tsumugi. How can I help you today?',
  ja: 'こんにちは、Tsumugi サポートの Aiko です。本日はどのようなご用件でしょうか？',
};

// First matching rule answers; each reply is [en, ja]. `{order}` is the last order number mentioned.
const RULES = [
  {
    match: /\b[a-z]{3}-?\d{4,6}\b/i,
    reply: [
      'Thank you! Order {order} left our warehouse in Hasami yesterday and should arrive the day after tomorrow. You will get the tracking link by email within the hour.',
      'ありがとうございます。ご注文 {order} は昨日、波佐見の倉庫から発送されました。明後日にお届けの予定です。追跡番号は1時間以内にメールでお送りします。',
    ],
  },
  {
    match: /return|refund|broken|crack|chip|damage|返品|返金|割れ|欠け|破損|交換/i,
    reply: [
      'I’m so sorry it arrived damaged. I have sent a prepaid return label to your email, and a replacement ships as soon as the carrier scans the parcel. No need to wait for us to receive it.',
      '破損した状態でお届けしてしまい、大変申し訳ございません。返送用の着払い伝票をメールでお送りしました。配送業者が荷物を受け付けた時点で、交換品を発送いたします。',
    ],
  },
  {
    match: /address|住所|届け先|お届け先/i,
    reply: [
      'Your order has not shipped yet, so I can still change the address. Please send me the new one, including the postcode.',
      'ご注文はまだ発送前ですので、お届け先の変更が可能です。郵便番号を含めた新しいご住所をお知らせください。',
    ],
  },
  {
    match: /order|parcel|package|deliver|arriv|where|track|注文|配送|届|荷物|発送/i,
    reply: [
      'I can check that for you. What is your order number? It starts with TSU, for example TSU-20481.',
      'お調べいたします。注文番号を教えていただけますか？「TSU-20481」のように TSU から始まる番号です。',
    ],
  },
  {
    match: /thank|thx|ありがと|助か/i,
    reply: [
      'You’re welcome! Is there anything else I can help with? If not, you can end the chat with the button at the top.',
      'どういたしまして。ほかにお手伝いできることはございますか？なければ、上の「チャットを終了」ボタンで終了できます。',
    ],
  },
  {
    match: /^(hi|hello|hey)\b|こんにちは|はじめまして|もしもし/i,
    reply: ['Hello! What can I do for you?', 'こんにちは！どのようなご用件でしょうか？'],
  },
];

const FALLBACK = [
  'Thanks, I have noted that. Is there anything about an order, a return or a delivery I can help with?',
  '承知いたしました。ご注文や返品、配送について、ほかにお手伝いできることはございますか？',
];

/** Aiko's opening line. */
export function greeting(lang) {
  return GREETING[lang];
}

/** Aiko's answer to a customer's message. */
export function replyTo(text, lang) {
  const rule = RULES.find((r) => r.match.test(text));
  const [en, ja] = rule?.reply ?? FALLBACK;
  const order = text.match(/\b([a-z]{3})-?(\d{4,6})\b/i);
  const reply = lang === 'ja' ? ja : en;
  return reply.replace('{order}', order ? `${order[1].toUpperCase()}-${order[2]}` : '');
}
