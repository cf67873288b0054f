import { describe, expectTypeOf, it } from 'vitest';
import {
  analyzeText,
  createScorer,
  CUE_KINDS,
  INTERACTION_FIELDS,
  type Band,
  type CueKind,
  type Evidence,
  type Factor,
  type InputIssue,
  type InputIssueCode,
  type Interaction,
  type InteractionField,
  type RiskResult,
  type SafeScoreResult,
  type TextAnalysis,
  type Turn,
} from '../../src/index.js';
import type { FeatureKindName, FeatureSpec } from '../../src/features/registry.js';

describe('the public types', () => {
  it('score() takes an Interaction and returns a RiskResult', () => {
    const scorer = createScorer();
    expectTypeOf(scorer.score).parameter(0).toEqualTypeOf<Interaction>();
    expectTypeOf(scorer.score).returns.toEqualTypeOf<RiskResult>();
    expectTypeOf<RiskResult['band']>().toEqualTypeOf<Band>();
    expectTypeOf<RiskResult['factors']>().toEqualTypeOf<Factor[]>();
  });

  it('probability() takes an Interaction and returns a number', () => {
    const scorer = createScorer();
    expectTypeOf(scorer.probability).parameter(0).toEqualTypeOf<Interaction>();
    expectTypeOf(scorer.probability).returns.toEqualTypeOf<number>();
  });

  it('safeScore() narrows on ok', () => {
    const outcome = createScorer().safeScore({} as unknown);
    expectTypeOf(outcome).toEqualTypeOf<SafeScoreResult>();
    if (outcome.ok) expectTypeOf(outcome.result).toEqualTypeOf<RiskResult>();
    else expectTypeOf(outcome.error.issues).toEqualTypeOf<InputIssue[]>();
  });

  it('evidence kinds and issue codes are unions, not plain strings', () => {
    expectTypeOf<Evidence['kind']>().toEqualTypeOf<CueKind>();
    expectTypeOf<CueKind>().toEqualTypeOf<(typeof CUE_KINDS)[number]>();
    expectTypeOf<'negative'>().toExtend<CueKind>();
    expectTypeOf<'not-a-kind'>().not.toExtend<CueKind>();
    expectTypeOf<InputIssue['code']>().toEqualTypeOf<InputIssueCode>();
    expectTypeOf<'unknown_field'>().toExtend<InputIssueCode>();
    expectTypeOf<string>().not.toExtend<InputIssueCode>();
  });

  it('an Interaction needs a channel, knows its fields, and takes a read-only transcript', () => {
    expectTypeOf<{ channel: 'phone' }>().toExtend<Interaction>();
    expectTypeOf<{ channel: '电话'; waitSeconds: number }>().toExtend<Interaction>();
    expectTypeOf<{ waitSeconds: number }>().not.toExtend<Interaction>();
    expectTypeOf<{ channel: 'phone'; waitSeconds: string }>().not.toExtend<Interaction>();
    const turns: readonly Turn[] = [{ speaker: 'customer', text: '我要投诉' }];
    expectTypeOf({ channel: 'chat', text: turns }).toExtend<Interaction>();
    expectTypeOf<InteractionField>().toEqualTypeOf<keyof Interaction>();
    expectTypeOf(INTERACTION_FIELDS).toEqualTypeOf<readonly InteractionField[]>();
  });

  it('analyzeText returns a TextAnalysis without undocumented fields', () => {
    expectTypeOf(analyzeText('太差了')).toEqualTypeOf<TextAnalysis>();
    expectTypeOf<keyof TextAnalysis>().toEqualTypeOf<'language' | 'sentiment' | 'intensity' | 'intent' | 'cues' | 'truncated'>();
  });

  it('a feature definition is one of the registered kinds', () => {
    expectTypeOf<FeatureKindName>().toEqualTypeOf<'wait' | 'count' | 'flag' | 'channel' | 'text' | 'conversation' | 'attribute' | 'terms'>();
    expectTypeOf<Extract<FeatureSpec, { kind: 'wait' }>>().toHaveProperty('expectedSeconds');
  });
});

describe('factor ids (issue 15, item 23)', () => {
  it('Factor.id names the known ids and still takes a calibrated model\'s own', () => {
    expectTypeOf<'wait'>().toExtend<Factor['id']>();
    expectTypeOf<'logOddsBound'>().toExtend<Factor['id']>();
    expectTypeOf<'tier'>().toExtend<Factor['id']>();
    expectTypeOf<Factor['id']>().not.toEqualTypeOf<string>();
  });
});
