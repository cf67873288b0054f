import type { Model } from './model-schema.js';
import { MODEL_FORMAT_VERSION } from './model-schema.js';
import { deepFreeze } from './deep-freeze.js';

/**
 * The built-in model: documented priors from complaint-management practice
 * (see "Default model" in the README for each weight and why), not weights
 * fitted to any one organisation. Calibrate on your own history with
 * `complaint-risk/calibrate` before relying on its probabilities.
 *
 * Reference interaction: a phone call answered within the expected time,
 * first contact, no transfer, resolved, nothing said — about 3 % risk.
 */
export const defaultModel: Model = deepFreeze({
  formatVersion: MODEL_FORMAT_VERSION,
  id: 'complaint-risk-default@1',
  description:
    'Documented priors for complaint pre-identification (投诉预识别). Calibrate on your own labelled history before relying on the probabilities.',
  features: [
    {
      id: 'wait',
      kind: 'wait',
      // What customers of each channel take as normal before a person responds.
      expectedSeconds: { phone: 20, chat: 30, email: 86_400, branch: 600, app: 60, social: 3_600, sms: 3_600, other: 300 },
      cap: 6,
    },
    { id: 'repeatContacts', kind: 'count', signal: 'repeatContacts', cap: 5, halfLifeDays: 14 },
    { id: 'transfers', kind: 'count', signal: 'transfers', cap: 4 },
    { id: 'unresolved', kind: 'flag', signal: 'unresolved' },
    { id: 'priorComplaints', kind: 'count', signal: 'priorComplaints', cap: 4 },
    { id: 'channel', kind: 'channel', levels: ['chat', 'email', 'branch', 'app', 'social', 'sms', 'other'] },
    { id: 'negativity', kind: 'text', signal: 'negativity', cap: 1 },
    { id: 'intensity', kind: 'text', signal: 'intensity', cap: 4 },
    { id: 'intent', kind: 'text', signal: 'intent', cap: 1 },
    { id: 'problems', kind: 'text', signal: 'problems', cap: 3 },
    // Transcript signals (only when text is a list of turns).
    { id: 'worsening', kind: 'conversation', signal: 'worsening', cap: 2 },
    { id: 'repeatsInContact', kind: 'conversation', signal: 'repeats', cap: 3 },
    { id: 'agentApology', kind: 'conversation', signal: 'apology', cap: 1 },
    { id: 'agentPromise', kind: 'conversation', signal: 'promise', cap: 1 },
    { id: 'transferAnnounced', kind: 'conversation', signal: 'transferAnnounced', cap: 1 },
    {
      id: 'agentSilence',
      kind: 'conversation',
      signal: 'agentSilence',
      // How long a customer accepts waiting for the agent's next reply once the contact has started.
      expectedSeconds: { phone: 30, chat: 60, email: 86_400, branch: 300, app: 120, social: 3_600, sms: 3_600, other: 300 },
      cap: 5,
    },
  ],
  weights: {
    wait: 0.45,
    repeatContacts: 0.7,
    transfers: 0.35,
    unresolved: 1.0,
    priorComplaints: 0.6,
    'channel.chat': 0,
    'channel.email': -0.2,
    'channel.branch': 0.2,
    'channel.app': -0.1,
    'channel.social': 0.8,
    'channel.sms': -0.2,
    'channel.other': 0,
    negativity: 1.6,
    intensity: 0.35,
    intent: 2.0,
    problems: 0.2,
    worsening: 0.8,
    repeatsInContact: 0.4,
    agentApology: -0.15,
    agentPromise: -0.4,
    transferAnnounced: 0.3,
    agentSilence: 0.35,
  },
  intercept: -4.28,
  reference: {
    label: {
      zh: '参照：电话按时接通、首次来电、未转接、问题已解决、无负面言语',
      en: 'Reference: phone call answered on time, first contact, no transfer, resolved, nothing negative said',
    },
    values: {
      wait: 1,
      repeatContacts: 0,
      transfers: 0,
      unresolved: 0,
      priorComplaints: 0,
      'channel.chat': 0,
      'channel.email': 0,
      'channel.branch': 0,
      'channel.app': 0,
      'channel.social': 0,
      'channel.sms': 0,
      'channel.other': 0,
      negativity: 0,
      intensity: 0,
      intent: 0,
      problems: 0,
      worsening: 0,
      repeatsInContact: 0,
      agentApology: 0,
      agentPromise: 0,
      transferAnnounced: 0,
      agentSilence: 1,
    },
  },
  bands: { medium: 0.1, high: 0.3, critical: 0.6 },
} satisfies Model);
