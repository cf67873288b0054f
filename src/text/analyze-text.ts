import type { Evidence, TextAnalysis } from '../types.js';
import type { Turn } from '../schema/interaction-schema.js';
import { customerText } from './customer-text.js';
import { LIMITS } from '../limits.js';

// Stand-in analyzer: a small phrase list found with indexOf. The full
// one-pass lexicon analyzer replaces it behind the same functions.
const PHRASES: ReadonlyArray<readonly [string, string, number]> = [
  ['我要投诉', 'intent', 0.9],
  ['投诉', 'intent', 0.7],
  ['12315', 'intent', 1],
  ['曝光', 'intent', 0.9],
  ['律师', 'intent', 0.9],
  ['退款', 'intent', 0.5],
  ['complain', 'intent', 0.8],
  ['manager', 'intent', 0.6],
  ['refund', 'intent', 0.5],
  ['lawyer', 'intent', 0.9],
  ['不满意', 'negative', -0.8],
  ['太差', 'negative', -0.9],
  ['失望', 'negative', -0.7],
  ['terrible', 'negative', -0.8],
  ['unacceptable', 'negative', -0.8],
  ['worst', 'negative', -0.9],
  ['谢谢', 'positive', 0.5],
  ['满意', 'positive', 0.6],
  ['thank', 'positive', 0.5],
  ['great', 'positive', 0.6],
  ['等了', 'wait', -0.3],
  ['still waiting', 'wait', -0.4],
  ['没解决', 'unresolved', -0.5],
  ['not resolved', 'unresolved', -0.5],
];

export interface TextAnalyzer {
  analyze(text: string | readonly Turn[]): TextAnalysis;
}

/** Placeholder until the lexicon analyzer lands: extra phrases with a kind and a signed weight. */
export interface CustomLexicon {
  entries: Array<{ text: string; kind: string; weight: number }>;
}

export function createTextAnalyzer(_options: { lexicon?: CustomLexicon } = {}): TextAnalyzer {
  return { analyze: (text) => analyzeCustomerText(customerText(text)) };
}

export function analyzeText(text: string | readonly Turn[], _options: { lexicon?: CustomLexicon } = {}): TextAnalysis {
  return analyzeCustomerText(customerText(text));
}

function analyzeCustomerText(full: string): TextAnalysis {
  const truncated = full.length > LIMITS.maxTextChars;
  const text = truncated ? full.slice(0, LIMITS.maxTextChars) : full;
  const lower = text.toLowerCase();
  const cues: Evidence[] = [];
  let valence = 0;
  let intentMiss = 1;
  for (const [phrase, kind, weight] of PHRASES) {
    let at = lower.indexOf(phrase);
    while (at !== -1) {
      if (!cues.some((c) => at >= c.start && at < c.end)) {
        cues.push({ text: text.slice(at, at + phrase.length), start: at, end: at + phrase.length, kind, weight });
        if (kind === 'intent') intentMiss *= 1 - weight;
        else valence += weight;
      }
      at = lower.indexOf(phrase, at + phrase.length);
    }
  }
  cues.sort((a, b) => a.start - b.start);
  const hasHan = /[\u4e00-\u9fff]/.test(text);
  const hasLatin = /[a-z]/i.test(text);
  return {
    language: hasHan && hasLatin ? 'mixed' : hasHan ? 'zh' : hasLatin ? 'en' : 'none',
    sentiment: Math.tanh(valence),
    intensity: 0,
    intent: 1 - intentMiss,
    cues,
    truncated,
  };
}
