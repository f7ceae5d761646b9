import type { Channel, Kind } from '@koe/core';
import { pick, randomUuid, type Random } from './random.js';

/** A support agent of the demo shop; `skill` shifts their answers, `learning` is how much they improve over the period. */
export interface DemoAgent {
  id: string;
  team: 'orders' | 'returns' | 'billing';
  skill: number;
  learning: number;
}

// Haruto is the new hire whose scores climb over the period, which is what a team lead looks for in a
// breakdown by context.agentId; Aiko is the veteran.
/** The demo shop's support agents. */
export const DEMO_AGENTS: readonly DemoAgent[] = [
  { id: 'aiko', team: 'orders', skill: 0.35, learning: 0 },
  { id: 'kenji', team: 'orders', skill: 0.05, learning: 0.1 },
  { id: 'daniel', team: 'orders', skill: -0.2, learning: 0.1 },
  { id: 'emma', team: 'returns', skill: 0.2, learning: 0 },
  { id: 'haruto', team: 'returns', skill: -0.6, learning: 0.8 },
  { id: 'mei', team: 'returns', skill: 0.15, learning: 0.05 },
  { id: 'sofia', team: 'billing', skill: -0.1, learning: 0.1 },
  { id: 'yui', team: 'billing', skill: 0.25, learning: 0 },
];

/** How one survey's answers are distributed: where they come from and how scores fall. */
export interface SurveyPlan {
  survey: string;
  kind: Kind;
  /** Share of all demo answers. */
  share: number;
  /** Channel and touchpoint pairs with their weights. */
  origins: readonly (readonly [readonly [Channel, string], number])[];
  /** Typical answers: a normal around `mean` (in score units) with `sd`. */
  mean: number;
  sd: number;
  /** Share of unhappy answers (something went wrong), drawn around `unhappyMean`. */
  unhappy: number;
  unhappyMean: number;
  /** Score shift from the first to the last day (the team is improving). */
  trend: number;
  /** Relative volume on each weekday, Sunday first (JST). */
  volume: readonly number[];
  /** Score shift on each weekday, Sunday first (busy Monday queues, thin weekend staffing). */
  weekday: readonly number[];
  /** Hour-of-day weights (JST), 24 entries. */
  hours: readonly number[];
  /** The answer's context, and the score shift it brings (an agent's skill, a returning customer). */
  context(random: Random, progress: number, channel: Channel): { context: Record<string, string>; shift: number };
}

// Shoppers buy at lunch and in the evening; support answers during staffed hours.
const SHOPPING_HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1, 1.5, 2, 2.5, 3, 4, 3.5, 3, 3, 3, 3.5, 4, 5, 6, 6, 5, 2.5];
const SUPPORT_HOURS = [0.1, 0.05, 0, 0, 0, 0, 0.1, 0.3, 1, 4, 5, 5, 4, 4.5, 5, 5, 4.5, 4, 3.5, 3, 2, 1, 0.5, 0.2];

function digits(random: Random, length: number): string {
  return Array.from({ length }, () => Math.floor(random() * 10)).join('');
}

function agentContext(random: Random, progress: number) {
  const agent = pick(random, DEMO_AGENTS);
  return { agent, shift: agent.skill + agent.learning * progress };
}

/** The three surveys of examples/demo.config.json and how their answers are spread. */
export const SURVEY_PLANS: readonly SurveyPlan[] = [
  {
    survey: 'website-nps',
    kind: 'nps',
    share: 0.45,
    origins: [
      [['web', 'checkout'], 50],
      [['app', 'checkout'], 15],
      [['email', 'delivery'], 20],
      [['web', 'onboarding'], 10],
      [['app', 'account'], 5],
    ],
    mean: 8.5,
    sd: 1.3,
    unhappy: 0.16,
    unhappyMean: 4.2,
    trend: 0.4,
    volume: [1.3, 0.9, 0.9, 1, 1, 1.1, 1.4],
    weekday: [0.1, 0, 0, 0, 0, 0, 0.1],
    hours: SHOPPING_HOURS,
    context(random) {
      const returning = random() < 0.55;
      return { context: { customerType: returning ? 'returning' : 'new' }, shift: returning ? 0.3 : -0.15 };
    },
  },
  {
    survey: 'post-chat-csat',
    kind: 'csat',
    share: 0.35,
    origins: [
      [['chat', 'support'], 65],
      [['chat', 'checkout'], 20],
      [['app', 'support'], 15],
    ],
    mean: 4.3,
    sd: 0.8,
    unhappy: 0.1,
    unhappyMean: 1.8,
    trend: 0.3,
    volume: [0.45, 1.35, 1.1, 1, 1, 1.05, 0.5],
    weekday: [-0.15, -0.25, 0, 0, 0, 0, -0.15],
    hours: SUPPORT_HOURS,
    context(random, progress) {
      const { agent, shift } = agentContext(random, progress);
      const conversationId = `conv_${randomUuid(random).slice(0, 8)}`;
      return { context: { conversationId, agentId: agent.id, team: agent.team }, shift: shift * 0.6 };
    },
  },
  {
    survey: 'support-ces',
    kind: 'ces',
    share: 0.2,
    origins: [
      [['web', 'returns'], 30],
      [['web', 'support'], 20],
      [['email', 'support'], 20],
      [['chat', 'support'], 15],
      [['app', 'returns'], 10],
      [['email', 'billing'], 5],
    ],
    mean: 5.6,
    sd: 1.1,
    unhappy: 0.12,
    unhappyMean: 2.5,
    trend: 0.5,
    volume: [0.5, 1.3, 1.1, 1, 1, 1, 0.6],
    weekday: [-0.1, -0.2, 0, 0, 0, 0, -0.1],
    hours: SUPPORT_HOURS,
    context(random, progress, channel) {
      // The help center and the app resolve issues without a person; email and chat go through an agent.
      if (channel === 'web' || channel === 'app') return { context: { resolvedBy: 'self-service' }, shift: -0.1 };
      const { agent, shift } = agentContext(random, progress);
      const context = { resolvedBy: 'agent', caseId: `CS-${digits(random, 6)}`, agentId: agent.id, team: agent.team };
      return { context, shift: shift * 0.8 };
    },
  },
];
