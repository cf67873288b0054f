/**
 * complaint-risk/calibrate: fit a model on your own labelled history,
 * evaluate it, choose band thresholds a team can staff, and watch for drift.
 */
export { fit, fitDesign, type FitOptions, type FitProgress, type FitResult } from './calibrate/fit.js';
export { FitDataBuilder, type FitData } from './calibrate/fit-data.js';
export type { FitReport, TermsReport, WeightEstimate } from './calibrate/fit-report.js';
export type { TermsOptions } from './calibrate/learned-terms/terms-options.js';
export type { ClassWeight } from './calibrate/class-weights.js';
export { DEFAULT_L2, DegenerateDataError, fitLogisticMatrix, type MatrixFit, type MatrixFitOptions } from './calibrate/fit-matrix.js';
export { checkRecords, checkRecord, MAX_REPORTED_ROWS, InvalidRecordsError, type CheckedRecord, type CheckedRecords, type LabeledRecord, type LabeledRecords, type RecordIssue } from './calibrate/labeled-records.js';
export { evaluate, evaluateProbabilities, type EvaluationOptions, type EvaluationReport } from './calibrate/evaluate.js';
export { predictRecords, type Predictions, type PredictOptions } from './calibrate/predict.js';
export { PredictionBuilder, type RecordProblems } from './calibrate/prediction-builder.js';
export { rocAuc, rocCurve, type RocAuc } from './calibrate/metrics/roc-auc.js';
export { averagePrecision } from './calibrate/metrics/precision-recall.js';
export { brierScore, logLoss } from './calibrate/metrics/probability-scores.js';
export { reliability, type Reliability, type ReliabilityBin } from './calibrate/metrics/reliability.js';
export { confusionAt, liftTable, type Confusion, type LiftRow } from './calibrate/metrics/ranking.js';
export { chooseThreshold, chooseBands, describeCriterion, thresholdTable, withBands, type ThresholdCriterion, type ChosenThreshold } from './calibrate/thresholds.js';
export { psi, drift, driftOfPredictions, driftVerdict, type PsiOptions, type PsiResult, type DriftReport, type DriftVerdict } from './calibrate/drift.js';
export { crossValidate, type CrossValidationOptions, type CrossValidationReport } from './calibrate/cross-validate.js';
export { crossValidateDesign } from './calibrate/cross-validate-design.js';
export { renderReport, type ReportInput } from './calibrate/report-html.js';
