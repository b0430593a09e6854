// Regenerates the README's figures (docs/figures/*.svg) with the library itself: `npm run figures`.
import { mkdir } from 'node:fs/promises';
import { buildPolicy, cosinespace, linspace, OptimizerPolicy, oneCyclePhases, Phase, presets, sgdrPhases } from '../lib/index.js';
import { plot } from '../lib/plot/index.js';
import { presetExamples } from '../playground/examples.js';
import { figureParams } from './reference.js';

const dir = 'docs/figures';
await mkdir(dir, { recursive: true });
const steps = 100;

// The seed's figures.
await plot([new Phase({ lr: linspace(0.7, 0.7, steps) }), new Phase({ lr: linspace(0, 1, steps) }), new Phase({ lr: cosinespace(1, 0, steps) })], { title: 'Visualize different phases', out: `${dir}/seed-phases.svg` });
await new Phase({ lr: linspace(1, 0.5, steps), momentum: cosinespace(0.8, 1, steps) }).plot(['lr', 'momentum'], { width: 420, height: 220, title: 'Multiple parameters in one phase', out: `${dir}/seed-two-params.svg` });
await new OptimizerPolicy([
  new Phase({ lr: linspace(0, 1, 100) }),
  new Phase({ lr: cosinespace(1, 0, 200) }),
  new Phase({ lr: linspace(0, 0.5, 100) }),
  new Phase({ lr: linspace(0.5, 0.1, 300) }),
]).plot('lr', { title: 'Complex policy from basic phases', out: `${dir}/seed-chained.svg` });
await new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 })).plot('lr', { title: 'sgdrPhases', out: `${dir}/seed-sgdr.svg` });
await new OptimizerPolicy(oneCyclePhases({ steps: 500 })).plot(['lr', 'momentum'], { width: 420, height: 220, title: 'oneCyclePhases', out: `${dir}/seed-one-cycle.svg` });

// One small picture per preset (docs/presets.md), from the registry, with options of a comparable
// size: lr, and the second parameter where the preset schedules one (momentum, beta1).
for (const name of Object.keys(presets)) {
  const options = presetExamples[name];
  if (options === undefined) throw new Error(`scripts/figures.ts: no example options for preset ${name}`);
  const policy = buildPolicy({ preset: name, options });
  await policy.plot(figureParams(policy.params), { width: 260, height: 90, title: name, out: `${dir}/preset-${name}.svg` });
}
console.log(`wrote ${5 + Object.keys(presets).length} figures to ${dir}`);
