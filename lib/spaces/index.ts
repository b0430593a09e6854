// Every space factory, one line each: the public door re-exports this list, and `spaceFromJSON`
// reads any space whose factory is here, so a new space is its own file plus one line.
export { linspace } from './linspace.js';
export { cosinespace } from './cosinespace.js';
export { constant } from './constant.js';
export { polyspace, type PolyOptions } from './polyspace.js';
export { powspace, type PowOptions } from './powspace.js';
export { expspace, type ExpOptions } from './expspace.js';
export { invtimespace } from './invtimespace.js';
export { invsqrtspace } from './invsqrtspace.js';
export { polycyclespace, type PolyCycleOptions } from './polycyclespace.js';
export { tanhspace, type TanhOptions } from './tanhspace.js';
export { cosinepowspace, type CosinePowOptions } from './cosinepowspace.js';
export { kcosinespace, type KCosineOptions } from './kcosinespace.js';
export { kpolyspace, type KPolyOptions } from './kpolyspace.js';
export { cyclicspace, type CyclicOptions } from './cyclicspace.js';
export { cycle } from './cycle.js';
export { noisy, type NoiseOptions } from './noisy.js';
export { product } from './product.js';
export { slice } from './slice.js';
