import { describe, expect, it } from 'vitest';
import { ApiFailure } from './api.js';
import { failureText } from './context.js';

describe('failureText', () => {
  it.each([
    [new ApiFailure(0, 'The collector could not be reached'), 'en', 'The collector could not be reached.'],
    [new ApiFailure(401, 'This route needs Authorization: Bearer <admin token>'), 'ja', 'トークンが正しくありません。'],
    [new ApiFailure(401, 'The admin API is disabled: start the collector with KOE_ADMIN_TOKEN or --admin-token', undefined, 'admin_disabled'), 'en', 'This collector has no admin token set (KOE_ADMIN_TOKEN), so its reports are off.'],
    // Told apart by the code, not the wording (a proxy or a later collector may phrase it otherwise).
    [new ApiFailure(401, 'Admin routes are off', undefined, 'admin_disabled'), 'ja', 'このコレクターには管理トークン（KOE_ADMIN_TOKEN）が設定されていないため、レポートは利用できません。'],
    [new ApiFailure(401, 'The admin API is disabled', undefined, 'unauthorized'), 'en', 'The collector refused this token.'],
    [new ApiFailure(429, 'Too many failed tokens', 41), 'ja', '試行回数が多すぎます。41 秒後にもう一度お試しください。'],
    [new ApiFailure(429, 'Too many failed tokens'), 'en', 'Too many attempts: try again in a minute.'],
    [new ApiFailure(503, 'unavailable', 5), 'en', 'The collector had a problem (HTTP 503). Try again shortly.'],
    [new ApiFailure(400, 'Invalid query parameters (by: must be …)'), 'ja', 'コレクターがリクエストを受け付けませんでした：Invalid query parameters (by: must be …)'],
    [new TypeError('boom'), 'en', 'boom'],
  ] as const)('%s in %s', (error, lang, text) => expect(failureText(error, lang)).toBe(text));
});
