import type { Model, FeatureSpec } from '../model/model-schema.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import type { InputIssue } from '../core/types.js';
import { checkedModel } from '../model/checked-model.js';
import { checkOptions } from '../core/options-check.js';
import { customerText } from '../conversation/customer-text.js';
import { completeFromData, featureColumns } from '../features/registry.js';
import { compileModel } from '../scorer/compile-model.js';
import { computeColumns } from '../scorer/compute-columns.js';
import { TermCollector } from '../text/terms/term-collector.js';
import { fitOptionsSchema } from './option-schemas.js';
import { checkRecord, InvalidRecordsError, MAX_REPORTED_ROWS, type RecordIssue } from './labeled-records.js';
import { DesignBuilder } from './design-builder.js';
import type { DesignMatrix } from './design-matrix.js';
import { draftModel, selectFeatures, type DraftModel } from './draft-model.js';
import { DegenerateDataError } from './fit-matrix.js';
import { termsToLearn, type ResolvedTermsOptions } from './learned-terms/terms-options.js';
import { AttributeValues } from './attribute-values.js';
import { GrowingFloat64, GrowingUint8 } from '../core/growing-arrays.js';
import type { CandidateRows } from './learned-terms/candidate-rows.js';
import type { FitOptions } from './fit-options.js';

/**
 * Labelled history as typed arrays, ready to fit (`fitDesign`): the design
 * matrix of the draft model, labels, weights and each row's candidate terms.
 * No record object is kept.
 */
export interface FitData {
  readonly options: FitOptions;
  readonly base: Model;
  readonly draft: DraftModel;
  readonly design: DesignMatrix;
  readonly labels: Uint8Array;
  /** Per-row weights, or undefined when no row carries one. */
  readonly weights: Float64Array | undefined;
  /** How the terms are learned; undefined when they are not (turned off, or no row has customer words). */
  readonly learning: ResolvedTermsOptions | undefined;
  /** The candidate terms by number (with `design.candidates`), when terms are learned. */
  readonly termNames: readonly string[];
}

/**
 * The names of the candidates in at least `minDocuments` rows, with every
 * row's candidates renumbered into them and the rest dropped: a rarer one can
 * be learned neither from all the rows nor from any part of them (a
 * cross-validation fold), so nothing a fit could use is lost, and the many
 * one-off n-grams of a large history cost no memory past this point.
 */
function keepFrequent(collector: TermCollector, rows: CandidateRows, minDocuments: number): string[] {
  const columnOf = new Int32Array(collector.size).fill(-1);
  const kept: string[] = [];
  for (let id = 0; id < collector.size; id++)
    if ((collector.documentFrequency[id] as number) >= minDocuments) {
      columnOf[id] = kept.length;
      kept.push(collector.name(id));
    }
  rows.compact(columnOf);
  return kept;
}

/**
 * Builds FitData from labelled records one at a time, so a history of
 * millions of rows is fitted without holding its records: each record is
 * validated (exactly as `fit` validates), its columns and candidate terms
 * computed, and the record can be dropped. `fit(records, options)` is this
 * builder over the array, then `fitDesign`.
 *
 * Attribute features in `extraFeatures` are settled after the last row (a
 * category without levels takes them from the data); `finish` may replace
 * their definitions, e.g. with a type guessed from `attributeTypes`.
 */
export class FitDataBuilder {
  readonly options: FitOptions;
  private readonly base: Model;
  private readonly streamed: FeatureSpec[];
  private readonly extras: readonly FeatureSpec[];
  private readonly late: Map<string, AttributeValues>;
  private collector: TermCollector | undefined;
  private readonly builder: DesignBuilder;
  private readonly labels = new GrowingUint8();
  private readonly weights = new GrowingFloat64();
  private weighted = false;
  private hasText = false;
  private readonly bad: RecordIssue[] = [];
  private badCount = 0;
  private seen = 0;

  constructor(given: FitOptions = {}) {
    this.options = checkOptions(fitOptionsSchema, given, 'fit options') as FitOptions;
    this.base = checkedModel(this.options.baseModel);
    const { extraFeatures = [], ...rest } = this.options;
    // The base features are checked now (an unknown id is named before any row is read); the extras after, with the data.
    const chosen = selectFeatures(this.base, { ...rest, extraFeatures: [] }, []);
    for (const extra of extraFeatures) if (chosen.some((s) => s.id === extra.id)) throw new RangeError(`extra feature "${extra.id}" clashes with a feature of the base model`);
    this.extras = extraFeatures;
    this.late = new Map(extraFeatures.flatMap((spec) => (spec.kind === 'attribute' ? [[spec.name, new AttributeValues(spec.name)] as const] : [])));
    this.streamed = [...chosen, ...extraFeatures.filter((spec) => spec.kind !== 'attribute')];
    this.collector = this.options.terms === false ? undefined : new TermCollector();
    this.builder = new DesignBuilder(draftModel(this.base, this.streamed).model, { analyzer: this.options.analyzer, collector: this.collector });
  }

  /** Rows added (valid ones). */
  get rows(): number {
    return this.builder.rows;
  }

  /** Validates one record and adds it; returns its issues when it is invalid (it is then counted, not added). */
  add(record: unknown): InputIssue[] | undefined {
    const index = this.seen++;
    const checked = checkRecord(record, true);
    if (!checked.ok) {
      if (++this.badCount <= MAX_REPORTED_ROWS) this.bad.push({ index, issues: checked.issues });
      return checked.issues;
    }
    // Once a row is bad nothing will be fitted: the rest are only checked.
    if (this.badCount === 0) this.addChecked(checked.interaction, checked.label, checked.weight);
    return undefined;
  }

  /** Adds one row already validated (`checkRecord`). */
  addChecked(interaction: NormalizedInteraction, label: 0 | 1, weight: number | undefined): void {
    if (weight !== undefined && !this.weighted) {
      for (let i = 0; i < this.labels.length; i++) this.weights.push(1);
      this.weighted = true;
    }
    if (this.weighted) this.weights.push(weight ?? 1);
    this.labels.push(label);
    if (!this.hasText && interaction.text !== undefined && customerText(interaction.text).length > 0) this.hasText = true;
    for (const values of this.late.values()) values.add(interaction);
    this.builder.add(interaction);
  }

  /** The types of value the rows hold for an attribute of `extraFeatures`. */
  attributeTypes(name: string): ReadonlySet<'number' | 'boolean' | 'string'> {
    return this.late.get(name)?.types ?? new Set();
  }

  /**
   * The typed data; throws InvalidRecordsError when any row was invalid and
   * DegenerateDataError when there were none. The builder is spent after.
   */
  finish(settled: { extraFeatures?: readonly FeatureSpec[] } = {}): FitData {
    if (this.badCount > 0) throw new InvalidRecordsError(this.bad, this.badCount);
    const rows = this.builder.rows;
    if (rows === 0) throw new DegenerateDataError('no records to fit');
    const learning = termsToLearn(this.options.terms, this.hasText);
    const extras = settled.extraFeatures ?? this.extras;
    // A base model's own vocabulary is learned afresh; with terms off it stays, and its column is re-weighted.
    const kept = this.streamed.filter((spec) => learning === undefined || spec.kind !== 'terms');
    const completed = extras.map((spec) => (spec.kind === 'attribute' ? completeFromData(spec, (this.late.get(spec.name) as AttributeValues).interactions()) : spec));
    const specs = [...kept.filter((spec) => !this.extras.includes(spec)), ...completed];
    const draft = draftModel(this.base, specs);
    // The rare candidates go first, and the table of every term seen with them, before the matrix is laid out.
    const candidates = this.builder.candidateRows;
    const termNames = learning === undefined || candidates === undefined ? [] : keepFrequent(this.collector as TermCollector, candidates, learning.minDocuments);
    this.collector = undefined;
    const design = this.builder.finish(this.layout(draft, specs));
    // A spent builder holds nothing: the attribute values can go.
    this.late.clear();
    return {
      options: this.options,
      base: this.base,
      draft,
      design: learning === undefined ? { ...design, candidates: undefined } : design,
      labels: this.labels.toArray(),
      weights: this.weighted ? this.weights.toArray() : undefined,
      learning,
      termNames,
    };
  }

  /** An attribute feature of `extraFeatures`: its columns are filled after the last row. */
  private isLate(spec: FeatureSpec): boolean {
    return spec.kind === 'attribute' && this.extras.some((extra) => extra.id === spec.id);
  }

  /** Each final column from the streamed columns, or (attribute features) computed from the values kept. */
  private layout(draft: DraftModel, specs: readonly FeatureSpec[]) {
    const compiled = compileModel(draft.model);
    const streamedAt = new Map<string, number>();
    let offset = 0;
    for (const spec of this.streamed) {
      streamedAt.set(spec.id, offset);
      offset += featureColumns(spec).length;
    }
    const source = new Int32Array(compiled.columns.length).fill(-1);
    const lateSpecs: FeatureSpec[] = [];
    const lateOffsets: number[] = [];
    specs.forEach((spec, f) => {
      const start = compiled.offsets[f] as number;
      const from = this.isLate(spec) ? undefined : streamedAt.get(spec.id);
      if (from === undefined) {
        lateSpecs.push(spec);
        lateOffsets.push(start);
      } else for (let c = 0; c < featureColumns(spec).length; c++) source[start + c] = from + c;
    });
    if (lateSpecs.length === 0) return { compiled, source };
    // Each attribute feature alone, compiled as a model of its own: its columns read nothing but the attribute.
    const lateModels = lateSpecs.map((spec) => compileModel({ ...draft.model, features: [spec] }));
    const lateValues = lateSpecs.map((spec) => this.late.get((spec as { name: string }).name) as AttributeValues);
    const rowsOut = lateModels.map((m) => new Float64Array(m.columns.length));
    const values: unknown[] = [undefined];
    const reference = compiled.reference;
    const fillLate = (i: number, x: Float64Array, absent: Uint8Array, rowStart: number): void => {
      for (let f = 0; f < lateModels.length; f++) {
        const row = rowsOut[f] as Float64Array;
        computeColumns(lateModels[f] as (typeof lateModels)[number], (lateValues[f] as AttributeValues).interactionOf(i), undefined, row, values);
        const start = lateOffsets[f] as number;
        for (let c = 0; c < row.length; c++) {
          const v = row[c] as number;
          const j = start + c;
          if (v !== v) {
            x[rowStart + j] = reference[j] as number;
            absent[rowStart + j] = 1;
          } else x[rowStart + j] = v;
        }
      }
    };
    return { compiled, source, fillLate };
  }
}
