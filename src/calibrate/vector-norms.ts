/** The two reductions both Newton solvers test steps and convergence with. */

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += (a[j] as number) * (b[j] as number);
  return sum;
}

/** Largest |vᵢ|; NaN anywhere counts as Infinity, so a broken gradient never passes for converged. */
export function maxAbs(v: Float64Array): number {
  let largest = 0;
  for (let j = 0; j < v.length; j++) {
    const a = Math.abs(v[j] as number);
    if (a !== a) return Infinity;
    if (a > largest) largest = a;
  }
  return largest;
}
