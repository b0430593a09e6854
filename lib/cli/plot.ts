// `rx-policy plot`: draws a preset or a JSON policy to SVG, PNG or the terminal.
import { extname } from 'node:path';
import { CliError, type Command, parse, writing } from './command.js';
import { policyFrom, scheduleOptions } from './input.js';

const options = { ...scheduleOptions, param: { type: 'string' }, out: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

export const plotCommand: Command = {
  name: 'plot',
  summary: 'draw a preset or a JSON policy to SVG, PNG (by --out extension) or the terminal',
  help: [
    'usage: rx-policy plot (--preset NAME [--options JSON] [--steps N] | --config FILE.json) [--param lr,momentum] [--out FILE.svg|.png] [--title TEXT]',
    '',
    '  --preset NAME     a preset (rx-policy presets lists them)',
    '  --options JSON    the preset options as a JSON object, e.g. \'{"steps": 500}\'',
    "  --steps N         the preset's length option, a positive integer (decimal digits)",
    '  --config FILE     a JSON policy: {"preset": NAME, "options": {...}} or {"phases": [...]} (UTF-8, a BOM is fine)',
    '  --param NAMES     parameters to draw, comma-separated (default lr)',
    '  --out FILE        write an .svg or .png file (default: draw in the terminal)',
    '  --title TEXT      figure title',
  ].join('\n'),
  async run(argv, io) {
    const { values: o } = parse('plot', argv, options);
    if (o.help) {
      io.out(`${this.help}\n`);
      return 0;
    }
    // Everything is checked before anything is drawn or written.
    if (o.title !== undefined && o.out === undefined) throw new CliError('plot: --title applies to --out files; the terminal chart has no title');
    const ext = o.out === undefined ? undefined : extname(o.out).toLowerCase();
    if (ext !== undefined && ext !== '.svg' && ext !== '.png') throw new CliError(`plot: --out must end in .svg or .png, got ${JSON.stringify(o.out)}`);
    const names = (o.param ?? 'lr').split(',').map((p) => p.trim());
    if (names.some((p) => p === '')) throw new CliError(`plot: --param must be parameter names separated by commas, got ${JSON.stringify(o.param)}`);
    const policy = await policyFrom('plot', o);
    const missing = names.filter((p) => !policy.params.includes(p));
    if (missing.length > 0) throw new CliError(`plot: no parameter ${missing.map((p) => JSON.stringify(p)).join(', ')}; the policy has: ${policy.params.join(', ') || 'none'}`);
    if (policy.length === 0) throw new CliError('plot: nothing to plot: the policy has 0 steps');
    if (o.out === undefined) {
      const { plotTerminal } = await import('../plot/terminal.js');
      io.out(names.map((p) => `${plotTerminal(policy, p)}\n`).join(''));
      return 0;
    }
    const { plot } = await import('../plot/plot.js');
    const out = o.out;
    await writing('plot', out, () => plot(policy, { param: names, out, ...(o.title !== undefined && { title: o.title }) }));
    io.out(`wrote ${o.out}\n`);
    return 0;
  },
};
