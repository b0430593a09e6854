// Runs every seed section of the playground in order (`npm run playground`).
await import('./spaces.js');
console.log();
await import('./phases.js');
console.log();
await import('./chaining.js');
console.log();
await import('./presets.js');
console.log();
await import('./compose.js');
console.log();
await import('./ports.js');
