/** Log-odds in CLI output: at most two decimals, no trailing zeros, + on gains where asked (as the library's reasons write them). */
export function formatNumber(x: number, signed = false): string {
  const r = Math.round(x * 100) / 100;
  const s = String(r === 0 ? 0 : r);
  return signed && r > 0 ? '+' + s : s;
}
