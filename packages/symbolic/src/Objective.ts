/** Training objective (MATH.md §1): `'jepa'` (StopGrad target `sg(W̄) y`) or `'mae'` (target `y`). */
export type Objective = 'jepa' | 'mae';
