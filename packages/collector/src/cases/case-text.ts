import type { FollowUpCase } from '@koe/core';

const KIND_NAMES = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;

/**
 * One line announcing a case, for chat tools that show a webhook's `text` (Slack's incoming webhooks do):
 * `koe · shop/post-chat: NPS 3 (detractor), agent=田中: "待ち時間が長かった"`. Long comments are cut, and the
 * answer's text is escaped so it cannot mention people or disguise links.
 */
export function caseText(item: FollowUpCase): string {
  const context = Object.entries(item.context ?? {})
    .slice(0, 3)
    .map(([key, value]) => `${key}=${escape(value)}`)
    .join(', ');
  const comment = item.comment === undefined ? '' : `: "${escape(cut(item.comment, 280))}"`;
  return `koe · ${item.site}/${item.survey}: ${KIND_NAMES[item.kind]} ${item.score} (${item.category})${context ? `, ${context}` : ''}${comment}`;
}

// Anyone can answer a survey: in Slack's markup `<!channel>` pings a whole channel and `<url|label>` hides
// a link behind any label. Slack's own rule is to escape these three characters.
const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

// By code points, so an emoji is never cut in half.
const cut = (text: string, max: number): string => {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
};
