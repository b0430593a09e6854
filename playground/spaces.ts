// Seed section "Parameter Spaces and Phases": spaces are the basic building blocks.
import { cosinespace, linspace } from '../lib/index.js';

console.log('# Spaces');

// space = linspace(1, 0, 3); for i in space: print(i)
const space = linspace(1, 0, 3);
for (const i of space) console.log(i); // 1, 0.5, 0

// A space is also an Observable: the same values, as a stream.
linspace(1, 0, 3).subscribe((v) => console.log('linspace$', v));

// space = cosinespace(1, 0, 5); for i in space: print(i)
for (const i of cosinespace(1, 0, 5)) console.log(i); // 1, 0.8535…, 0.5, 0.1464…, 0

// And random access, O(1) at any index.
console.log('cosinespace(1, 0, 5).at(2) =', cosinespace(1, 0, 5).at(2), '; length =', cosinespace(1, 0, 5).length);
