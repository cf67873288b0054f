import { fit, evaluate } from '../src/calibrate.js';
import { domainHistory } from '../test/support/domain-history.js';
const h = domainHistory(1500, 7);
const { model, report } = fit(h);
console.log(report.terms?.l2, report.terms?.crossValidation, report.terms?.towardComplaint.slice(0, 12), report.terms?.towardNoComplaint.slice(0, 8));
const heldOut = domainHistory(1000, 8);
console.log(evaluate(model, heldOut).auc, evaluate(fit(h, { terms: false }).model, heldOut).auc);
