import { h } from 'preact';
import type { LocalizedSurvey } from '@koe/core';

/**
 * The score options as an ARIA radiogroup labelled by the question (#q). Accessible names start with the
 * number ("0, Not at all likely", "5") so voice control ("click 5") and screen readers agree with the
 * visible label; the end labels are drawn once below, hidden from assistive tech that already heard them.
 * `active` is the option that takes Tab (roving tabindex); arrow keys are handled by the card.
 */
export function scale(survey: LocalizedSurvey, score: number | undefined, active: number, pick: (score: number) => void) {
  const { min, max, low, high } = survey.scale;
  const options = [];
  for (let v = min; v <= max; v++) {
    options.push(
      h(
        'button',
        {
          role: 'radio',
          'aria-checked': `${v === score}`,
          'aria-label': v === min ? `${v}, ${low}` : v === max ? `${v}, ${high}` : `${v}`,
          tabIndex: v - min === active ? 0 : -1,
          onClick: () => pick(v),
        },
        v,
      ),
    );
  }
  return [
    h('div', { class: 's', role: 'radiogroup', 'aria-labelledby': 'q' }, options),
    h('div', { class: 'e', 'aria-hidden': 'true' }, h('span', null, low), h('span', null, high)),
  ];
}
