/** Evidence limits, shared by every feature that quotes the customer's words. */
export { MAX_EVIDENCE, MAX_FEELING_EVIDENCE } from '../core/evidence-limits.js';
