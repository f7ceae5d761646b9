/** The app's languages. */
export type Lang = 'en' | 'ja';

const en = {
  'a11y.language': 'Language',
  'a11y.close': 'Close',
  'app.title': 'My account',
  'app.hello': 'Welcome back, Hana.',
  'orders.title': 'Your orders',
  'orders.kettle': 'Nambu cast-iron kettle',
  'orders.mugs': 'Hasami porcelain mug × 2',
  'orders.delivered': 'Delivered',
  'orders.return': 'Start a return',
  'return.title': 'Return',
  'return.reason': 'What is wrong with it?',
  'return.damaged': 'It arrived damaged',
  'return.wrong': 'I received the wrong item',
  'return.mind': 'I changed my mind',
  'return.resolution': 'What would you like?',
  'return.replace': 'A replacement',
  'return.refund': 'A refund',
  'return.cancel': 'Cancel',
  'return.submit': 'Create return',
  'return.done': 'Return created. A prepaid label is on its way to hana@example.com.',
  'feedback.title': 'How are we doing?',
  'feedback.text': 'Two questions, less than a minute. We read every answer.',
  'feedback.rate': 'Rate Tsumugi',
  'events.title': 'koe events',
  'events.empty': 'Start a return or rate us: the typed events koe emits appear here.',
  'foot.note': 'Built with esbuild from src/app.ts, importing @koe/widget. A demo: nothing is shipped.',
} as const;

/** The keys of the app's texts. */
export type TextKey = keyof typeof en;

/** The app's own texts in both languages (koe's survey texts come from the collector's config). */
export const TEXTS: Record<Lang, Record<TextKey, string>> = {
  en,
  ja: {
    'a11y.language': '言語',
    'a11y.close': '閉じる',
    'app.title': 'マイアカウント',
    'app.hello': 'おかえりなさい、Hana さん。',
    'orders.title': 'ご注文履歴',
    'orders.kettle': '南部鉄器の鉄瓶',
    'orders.mugs': '波佐見焼のマグカップ × 2',
    'orders.delivered': 'お届け済み',
    'orders.return': '返品する',
    'return.title': '返品',
    'return.reason': 'どのような問題がありましたか？',
    'return.damaged': '届いた時点で破損していた',
    'return.wrong': '注文と違う商品が届いた',
    'return.mind': '気が変わった',
    'return.resolution': 'ご希望の対応をお選びください',
    'return.replace': '交換',
    'return.refund': '返金',
    'return.cancel': 'キャンセル',
    'return.submit': '返品を申し込む',
    'return.done': '返品を受け付けました。返送用の伝票を hana@example.com にお送りしました。',
    'feedback.title': 'Tsumugi の評価',
    'feedback.text': '質問は2つ、1分もかかりません。いただいた回答はすべて拝見しています。',
    'feedback.rate': 'Tsumugi を評価する',
    'events.title': 'koe のイベント',
    'events.empty': '返品を申し込むか評価すると、koe が発行する型付きのイベントがここに表示されます。',
    'foot.note': 'src/app.ts を esbuild でバンドルし、@koe/widget を import しています。デモのため、実際の発送は行われません。',
  },
};
