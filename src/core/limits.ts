/**
 * Input limits, documented in SECURITY.md. They bound the work one call can
 * cause, so a hostile or broken row cannot stall a contact-centre app.
 */
export const LIMITS = Object.freeze({
  /** One year: longer waits are data errors, not customer experience. */
  maxWaitSeconds: 31_536_000,
  /** Repeat contacts, transfers, prior complaints. */
  maxCount: 100_000,
  maxTurns: 10_000,
  maxHistory: 10_000,
  maxAttributes: 256,
  maxAttributeLength: 1_000,
  maxAttributeNameLength: 200,
  /** Largest |number| an attribute may hold: keeps weight × value finite for any valid model. */
  maxAttributeMagnitude: 1e12,
  /** Characters of customer text analysed; the rest is ignored and `truncated` is set. */
  maxTextChars: 200_000,
});
