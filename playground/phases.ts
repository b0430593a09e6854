// Seed sections "Parameter Spaces and Phases" and "Phases can have multiple parameters".
import { cosinespace, linspace, Phase } from '../lib/index.js';

console.log('# Phases');

// phase = Phase(lr=linspace(0, 1, 3)); for d in phase: print(d)
const phase = new Phase({ lr: linspace(0, 1, 3) });
for (const d of phase) console.log(d); // { lr: 0 }, { lr: 0.5 }, { lr: 1 }

// Phase(lr=linspace(0, 1, 10), momentum=cosinespace(.99, .9, 10))
const twoParams = new Phase({ lr: linspace(0, 1, 10), momentum: cosinespace(0.99, 0.9, 10) });
twoParams.subscribe((p) => console.log(p.lr.toFixed(4), p.momentum.toFixed(4)));
console.log(String(twoParams));

// The seed plots these phases; `npm run playground:plots` (see README) draws the figures.
const steps = 100;
for (const p of [
  new Phase({ lr: linspace(0.7, 0.7, steps) }), // constant
  new Phase({ lr: linspace(0, 1, steps) }), // linear
  new Phase({ lr: cosinespace(1, 0, steps) }), // cosine
]) {
  console.log(`${p.spaces.lr}: first ${p.at(0).lr}, middle ${p.at(50).lr.toFixed(4)}, last ${p.at(steps - 1).lr}`);
}
