import { defaultModel, parseModel, type Model } from '../../src/index.js';
import type { LabeledRecord } from '../../src/calibrate.js';
import { predictRecords } from '../../src/calibrate/predict.js';
import { seededRandom } from '../../src/calibrate/seeded-random.js';
import type { Interaction } from '../../src/index.js';

/**
 * Synthetic labelled history drawn from a known model: interactions with
 * realistic-looking signals, each labelled a complaint with the probability
 * the true model gives it. The true model scores through the library's own
 * columns, so its weights are exactly what a perfect fit would recover.
 */
const KEPT = ['wait', 'repeatContacts', 'transfers', 'unresolved', 'priorComplaints', 'negativity', 'intent'];

/** The true model: a subset of the default features, a channel one-hot, two attributes. */
export function syntheticTruth(): Model {
  const features = [
    ...defaultModel.features.filter((f) => KEPT.includes(f.id)),
    { id: 'channel', kind: 'channel' as const, levels: ['chat' as const, 'branch' as const, 'social' as const] },
    { id: 'tier', kind: 'attribute' as const, name: 'tier', type: 'category' as const, levels: ['gold', 'basic'] },
    { id: 'tenure', kind: 'attribute' as const, name: 'tenureYears', type: 'number' as const, transform: 'log1p' as const },
  ];
  const weights: Record<string, number> = {
    wait: 0.5,
    repeatContacts: 0.8,
    transfers: 0.4,
    unresolved: 1.1,
    priorComplaints: 0.6,
    negativity: 1.2,
    intent: 2.2,
    'channel.chat': -0.3,
    'channel.branch': 0.35,
    'channel.social': 0.9,
    'tier.gold': 0.45,
    'tier.basic': -0.25,
    tenure: -0.3,
  };
  const values: Record<string, number> = Object.fromEntries(Object.keys(weights).map((c) => [c, defaultModel.reference.values[c] ?? 0]));
  values.tenure = 1;
  return parseModel({
    formatVersion: 1,
    id: 'synthetic-truth',
    features,
    weights,
    intercept: -5,
    reference: { values },
    bands: { medium: 0.1, high: 0.3, critical: 0.6 },
  });
}

// Our own phrases (not from any data set): feeling and intent in different mixes.
const TEXTS = [
  'thanks, that was great',
  '谢谢，很满意',
  'ok',
  '好的',
  'still waiting, this is not resolved',
  '等了很久，还是没解决',
  'terrible, I am so disappointed',
  '太差了，非常失望',
  'I want a refund',
  '我要退款',
  'I will complain to your manager',
  '我要投诉',
  'worst service ever, I will call a lawyer',
  '太差了，不满意，我要投诉到12315',
  'thanks, but I still want a refund',
];

const CHANNEL_MIX = ['phone', 'phone', 'phone', 'chat', 'chat', 'branch', 'app', 'social', 'email'] as const;
const TIERS = ['gold', 'silver', 'basic', 'basic'];
const EXPECTED: Record<string, number> = { phone: 20, chat: 30, email: 86_400, branch: 600, app: 60, social: 3_600 };

/** Unlabelled interactions with varied signals; about 70 % carry words. */
export function syntheticInteractions(n: number, seed: number): Interaction[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const geometric = (p: number): number => Math.floor(Math.log(1 - random()) / Math.log(1 - p));
  const out: Interaction[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const channel = pick(CHANNEL_MIX);
    const interaction: Interaction = {
      channel,
      // Log-uniform wait between a tenth and eight times what the channel's customers expect.
      waitSeconds: Math.round((EXPECTED[channel] as number) * Math.exp(Math.log(0.1) + random() * Math.log(80)) * 10) / 10,
      repeatContacts: geometric(0.55),
      transfers: geometric(0.7),
      unresolved: random() < 0.3,
      priorComplaints: geometric(0.85),
      attributes: { tier: pick(TIERS), tenureYears: Math.round(random() * 200) / 10 },
    };
    if (random() < 0.7) interaction.text = pick(TEXTS);
    out[i] = interaction;
  }
  return out;
}

export interface SyntheticData {
  truth: Model;
  records: LabeledRecord[];
  /** Each row's probability under the true model. */
  trueProbabilities: Float64Array;
}

export function syntheticData(n: number, seed: number): SyntheticData {
  const truth = syntheticTruth();
  const interactions = syntheticInteractions(n, seed);
  const { probabilities } = predictRecords(truth, interactions, false);
  const random = seededRandom(seed ^ 0x5bd1e995);
  const records = interactions.map((x, i) => ({ ...x, label: random() < (probabilities[i] as number) }) as LabeledRecord);
  return { truth, records, trueProbabilities: probabilities };
}
