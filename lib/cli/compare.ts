// `rx-policy compare A B …`: the same neutral options translated into each preset, the curves
// overlaid (terminal, SVG or PNG) and where they differ.
import { extname } from 'node:path';
import { compare, comparablePresets, formatComparison, type CompareOptions } from '../compare.js';
import { CliError, type Command, parse, writing } from './command.js';

const flags = { options: { type: 'string' }, param: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

const HELP = [
  'usage: rx-policy compare PRESET PRESET [PRESET …] --options JSON [--param NAME] [--out FILE.svg|.png]',
  '',
  '  PRESET          two or more different presets: ' + comparablePresets.join(', '),
  '  --options JSON  the neutral options, translated into each preset\'s own (the translation is printed):',
  '                  {"steps": N, "peak": LR, "warmup": FRACTION, "start": LR, "final": LR,',
  '                   "presetOptions": {"PRESET": {...}}, "tolerance": 1e-9}; steps and peak are required',
  '  --param NAME    the parameter compared (default lr)',
  '  --out FILE      write the overlay as .svg or .png (default: draw it in the terminal)',
].join('\n');

/**
 * The `compare` subcommand, shaped as the CLI's command table expects (`name`, `summary`,
 * `help`, `run(argv, io)`): checks everything before anything is drawn or written, prints the
 * translation, the first step that differs, the largest difference and where, and the final
 * values, and overlays the curves. Errors are thrown with a message naming what was wrong.
 *
 * `run(argv, io)`: `argv` are the arguments after `compare`; `io` where it writes; resolves to the
 * exit code. @throws CliError for bad input, before anything is drawn or written.
 * @example
 * // fragment: the CLI's own command, which users run as `npx rx-policy compare pytorch.oneCycleLR fastai.fitOneCycle --options '{"steps": 1000, "peak": 0.1}'`
 * await compareCommand.run(['pytorch.oneCycleLR', 'fastai.fitOneCycle', '--options', '{"steps": 1000, "peak": 0.1}'], io);
 */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'overlay presets of different libraries from one neutral option set, and show where they differ',
  help: HELP,
  async run(argv, io) {
    // At most six presets: one symbol each on the terminal overlay.
    const { values, positionals } = parse('compare', argv, flags, 6);
    if (values.help) {
      io.out(`${HELP}\n`);
      return 0;
    }
    if (values.options === undefined) throw new CliError('compare: --options is required: the neutral options as JSON, e.g. \'{"steps": 1000, "peak": 0.1}\'');
    let options: unknown;
    try {
      options = JSON.parse(values.options);
    } catch (err) {
      throw new CliError(`compare: --options is not valid JSON: ${(err as Error).message}`);
    }
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new CliError(`compare: --options must be a JSON object, got ${values.options}`);
    const ext = values.out === undefined ? undefined : extname(values.out).toLowerCase();
    if (ext !== undefined && ext !== '.svg' && ext !== '.png') throw new CliError(`compare: --out must end in .svg or .png, got ${JSON.stringify(values.out)}`);
    let result;
    try {
      result = compare(positionals, { ...(options as CompareOptions), ...(values.param !== undefined && { param: values.param }) });
    } catch (err) {
      // The function's message names `compare` already: reported as it is.
      throw new CliError((err as Error).message, { cause: err });
    }
    const labels = result.translations.map((t) => t.preset);
    if (values.out === undefined) {
      const { plotTerminalOverlay } = await import('../plot/terminal.js');
      io.out(`${plotTerminalOverlay(result.policies, labels, result.param)}\n`);
    } else {
      const { plot } = await import('../plot/plot.js');
      const out = values.out;
      await writing('compare', out, () => plot(result.policies, { param: result.param, labels, out, title: `${result.param}: ${labels.join(' vs ')}` }));
      io.out(`wrote ${values.out}\n`);
    }
    io.out(`${formatComparison(result)}\n`);
    return 0;
  },
};
