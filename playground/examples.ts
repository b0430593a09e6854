// Example options for every preset: the preset explorer's starting values, shared here with the
// figures script.
export { presetExamples } from '../lib/dashboard/page/examples.js';
