import type { Model } from '../model/model-schema.js';
import type { InputIssue } from '../core/types.js';
import type { TextAnalyzer } from '../conversation/text-analyzer.js';
import { checkedModel } from '../model/checked-model.js';
import { checkRecord } from './labeled-records.js';
import { DesignBuilder } from './design-builder.js';
import { predictFromMatrix, type Predictions } from './predict.js';
import { GrowingFloat64, GrowingUint8 } from '../core/growing-arrays.js';

/** A record's problems: with its label's (when labels are needed) and without. */
export interface RecordProblems {
  /** Everything wrong with the record, the label included (as `checkRecord(record, true)` says it). */
  readonly withLabel: InputIssue[] | undefined;
  /** What is wrong besides the label (as `checkRecord(record, false)` says it). */
  readonly withoutLabel: InputIssue[] | undefined;
}

/**
 * `predictRecords` one record at a time, for files too large to hold: each
 * record is validated, its columns stored as typed rows, and it can be
 * dropped. Whether labels are needed may be settled after the last row
 * (drift needs none): a record's label problem is reported apart.
 */
export class PredictionBuilder {
  private readonly model: Model;
  private readonly builder: DesignBuilder;
  private readonly labels = new GrowingUint8();
  private readonly weights = new GrowingFloat64();
  private weighted = false;
  private labelled = 0;

  constructor(model: Model, options: { analyzer?: TextAnalyzer | undefined } = {}) {
    this.model = checkedModel(model);
    this.builder = new DesignBuilder(this.model, { analyzer: options.analyzer });
  }

  get rows(): number {
    return this.builder.rows;
  }

  /** Rows that carried a label (valid or not). */
  get labelledRows(): number {
    return this.labelled;
  }

  /** Validates one record and adds it when it is valid but for, perhaps, its label. */
  add(record: unknown): RecordProblems {
    if (typeof record === 'object' && record !== null && (record as { label?: unknown }).label !== undefined) this.labelled++;
    const withLabel = checkRecord(record, true);
    if (withLabel.ok) {
      this.push(withLabel.interaction, withLabel.label, withLabel.weight);
      return { withLabel: undefined, withoutLabel: undefined };
    }
    const withoutLabel = checkRecord(record, false);
    if (withoutLabel.ok) this.push(withoutLabel.interaction, 0, withoutLabel.weight);
    return { withLabel: withLabel.issues, withoutLabel: withoutLabel.ok ? undefined : withoutLabel.issues };
  }

  private push(interaction: Parameters<DesignBuilder['add']>[0], label: 0 | 1, weight: number | undefined): void {
    if (weight !== undefined && !this.weighted) {
      for (let i = 0; i < this.labels.length; i++) this.weights.push(1);
      this.weighted = true;
    }
    if (this.weighted) this.weights.push(weight ?? 1);
    this.labels.push(label);
    this.builder.add(interaction);
  }

  /** The probabilities (as the scorer gives them), labels, weights and columns of every row added. */
  finish(): Predictions {
    const design = this.builder.finish();
    return {
      probabilities: predictFromMatrix(design, design.compiled.weights, this.model.intercept),
      labels: this.labels.toArray(),
      weights: this.weighted ? this.weights.toArray() : undefined,
      design,
    };
  }
}
