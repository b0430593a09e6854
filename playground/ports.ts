// Porting a recipe: name the schedule you know from PyTorch, Keras, optax, timm, fastai or Hugging
// Face, with its own option names and defaults, and get its numbers (see docs/conventions.md for
// where the libraries disagree). Each line prints a few steps next to what the library gives.
import { buildPolicy, huggingface, keras, OptimizerPolicy, optax, type Phase, pytorch, timm } from '../lib/index.js';

console.log('# Ports');

const show = (name: string, phases: readonly Phase[], steps: readonly number[], theirs: string) => {
  const policy = new OptimizerPolicy(phases);
  const ours = steps.map((k) => `${k}: ${Number(policy.at(k).lr!.toPrecision(6))}`).join(', ');
  console.log(`${name.padEnd(30)} ${ours}\n${''.padEnd(30)} ${theirs}`);
};

// torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=100): the peak is at step 29.
show('pytorch.oneCycleLR', pytorch.oneCycleLR({ maxLr: 0.1, totalSteps: 100 }), [0, 29, 99], 'PyTorch 1.13: 0: 0.004, 29: 0.1, 99: 4e-07');
// keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=3, decay_rate=0.96, staircase=True)
show('keras.exponentialDecay', keras.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.96, staircase: true, steps: 101 }), [1, 2, 100], "Keras' test: 0.1, 0.1, 0.1·0.96^33 = 0.0259986");
// optax.polynomial_schedule(init_value=1.0, end_value=0.01, transition_steps=100, transition_begin=5, power=2)
show('optax.polynomialSchedule', optax.polynomialSchedule({ initValue: 1, endValue: 0.01, power: 2, transitionSteps: 100, transitionBegin: 5, steps: 111 }), [5, 6, 104], "optax's docstring: 1.0000, 0.9803, 0.0101");
// timm.scheduler.MultiStepLRScheduler(opt, decay_t=[30, 60], decay_rate=0.1): decays at t = 29 and 59.
show('timm.multiStepLR', timm.multiStepLR({ baseLr: 1, decayT: [30, 60], decayRate: 0.1, steps: 90 }), [28, 29, 59], 'timm: 1, 0.1, 0.01 (one step before each milestone)');
// transformers.get_linear_schedule_with_warmup(opt, num_warmup_steps=2, num_training_steps=10), lr 10
show('huggingface.linear', huggingface.linear({ lr: 10, numWarmupSteps: 2, numTrainingSteps: 10 }), [0, 1, 2, 9], "HF's test: 0, 5, 10, 1.25");

// The same from a config file, as `get_scheduler(name)` would:
const config = { preset: 'timm.cosineLR', options: { baseLr: 0.1, tInitial: 100, warmupT: 5, warmupPrefix: true, noiseRangeT: [20, 80], steps: 105 } };
const fromConfig = buildPolicy(config);
console.log(`\nfrom ${JSON.stringify(config)}:\n  ${fromConfig.length} steps, lr at 50 = ${fromConfig.at(50).lr} (with timm's own noise, PyTorch's draws)`);
