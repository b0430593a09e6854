// Regenerates the README's figures (docs/figures/*.svg) with the library itself: `npm run figures`.
import { mkdir } from 'node:fs/promises';
import { buildPolicy, cosinespace, linspace, OptimizerPolicy, oneCyclePhases, Phase, presets, sgdrPhases } from '../lib/index.js';
import { plot } from '../lib/plot/index.js';

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

// One small picture per preset, from the registry, with options of a comparable size.
const examples: Record<string, Record<string, unknown>> = {
  oneCycle: { steps: 500 },
  sgdr: { baseCycleLength: 100, cycles: 3, cycleMult: 1.5 },
  'pytorch.oneCycleLR': { maxLr: 1, totalSteps: 500 },
  'pytorch.cyclicLR': { baseLr: 0.1, maxLr: 1, stepSizeUp: 60, mode: 'triangular2', steps: 500 },
  'pytorch.cosineAnnealingLR': { baseLr: 1, tMax: 200, steps: 500 },
  'pytorch.cosineAnnealingWarmRestarts': { baseLr: 1, t0: 60, tMult: 2, etaMin: 0.05, steps: 500 },
  'pytorch.stepLR': { baseLr: 1, stepSize: 100, gamma: 0.5, steps: 500 },
  'pytorch.multiStepLR': { baseLr: 1, milestones: [200, 400], steps: 500 },
  'pytorch.exponentialLR': { baseLr: 1, gamma: 0.995, steps: 500 },
  'pytorch.linearLR': { baseLr: 1, totalIters: 200, steps: 500 },
  'pytorch.polynomialLR': { baseLr: 1, totalIters: 400, power: 2, steps: 500 },
  'fastai.fitOneCycle': { steps: 500, lrMax: 1 },
  'fastai.fitFlatCos': { steps: 500, lr: 1 },
  'fastai.fitSgdr': { nCycles: 3, cycleLen: 1, lrMax: 1, stepsPerEpoch: 70 },
  'optax.cosineOnecycle': { transitionSteps: 500, peakValue: 1, steps: 500 },
  'optax.linearOnecycle': { transitionSteps: 500, peakValue: 1, steps: 500 },
  'optax.warmupCosineDecay': { initValue: 0, peakValue: 1, warmupSteps: 50, decaySteps: 450, endValue: 0.05, steps: 500 },
  'optax.sgdr': { cycles: [{ initValue: 0, peakValue: 1, warmupSteps: 20, decaySteps: 200 }, { initValue: 0, peakValue: 0.6, warmupSteps: 20, decaySteps: 300 }], steps: 500 },
  'timm.cosineLR': { baseLr: 1, tInitial: 150, lrMin: 0.05, cycleMul: 1.5, cycleDecay: 0.6, cycleLimit: 3, warmupT: 30, warmupPrefix: true, noiseRangeT: [200, 300], noisePct: 0.2, steps: 500 },
  'keras.cosineDecay': { initialLearningRate: 0, decaySteps: 450, alpha: 0.05, warmupTarget: 1, warmupSteps: 50, steps: 500 },
  'keras.cosineDecayRestarts': { initialLearningRate: 1, firstDecaySteps: 60, mMul: 0.7, alpha: 0.05, steps: 500 },
  'huggingface.linear': { lr: 1, numWarmupSteps: 50, numTrainingSteps: 500 },
  'huggingface.cosine': { lr: 1, numWarmupSteps: 50, numTrainingSteps: 500 },
  'huggingface.cosineWithHardRestarts': { lr: 1, numWarmupSteps: 50, numTrainingSteps: 500, numCycles: 3 },
  'huggingface.polynomial': { lr: 1, numWarmupSteps: 50, numTrainingSteps: 500, power: 2 },
  'huggingface.constant': { lr: 1, numWarmupSteps: 50, numTrainingSteps: 500 },
  'huggingface.inverseSqrt': { lr: 1, numWarmupSteps: 50, numTrainingSteps: 500 },
  'huggingface.wsd': { lr: 1, numWarmupSteps: 50, numDecaySteps: 100, numTrainingSteps: 500, minLrRatio: 0.1 },
};
for (const name of Object.keys(presets)) {
  const options = examples[name];
  if (options === undefined) throw new Error(`scripts/figures.ts: no example options for preset ${name}`);
  await buildPolicy({ preset: name, options }).plot('lr', { width: 260, height: 90, title: name, out: `${dir}/preset-${name}.svg` });
}
console.log(`wrote ${5 + Object.keys(presets).length} figures to ${dir}`);
