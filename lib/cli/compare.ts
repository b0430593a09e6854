// `rx-policy compare A B …`: the same neutral options translated into each preset, the curves
// overlaid (terminal, SVG or PNG) and where they differ.
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { compare, comparablePresets, formatComparison, type CompareOptions } from '../compare.js';

/** Where a command writes (the CLI's `Io`). */
interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

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
 * @example await compareCommand.run(['pytorch.oneCycleLR', 'fastai.fitOneCycle', '--options', '{"steps": 1000, "peak": 0.1}'], io);
 */
export const compareCommand = {
  name: 'compare',
  summary: 'overlay presets of different libraries from one neutral option set, and show where they differ',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: { options: { type: 'string' }, param: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
    } catch (err) {
      throw new Error((err as Error).message.replace(/\. To specify a positional.*$/, ''));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.out(`${HELP}\n`);
      return 0;
    }
    if (values.options === undefined) throw new Error('--options is required: the neutral options as JSON, e.g. \'{"steps": 1000, "peak": 0.1}\'');
    let options: unknown;
    try {
      options = JSON.parse(values.options);
    } catch (err) {
      throw new Error(`--options is not valid JSON: ${(err as Error).message}`);
    }
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new Error(`--options must be a JSON object, got ${values.options}`);
    const ext = values.out === undefined ? undefined : extname(values.out).toLowerCase();
    if (ext !== undefined && ext !== '.svg' && ext !== '.png') throw new Error(`--out must end in .svg or .png, got ${JSON.stringify(values.out)}`);
    let result;
    try {
      result = compare(positionals, { ...(options as CompareOptions), ...(values.param !== undefined && { param: values.param }) });
    } catch (err) {
      // The CLI names the command itself (`rx-policy compare: …`): the function's own prefix goes.
      throw new Error((err as Error).message.replace(/^compare: /, ''), { cause: err });
    }
    const labels = result.translations.map((t) => t.preset);
    if (values.out === undefined) {
      const { plotTerminalOverlay } = await import('../plot/terminal.js');
      io.out(`${plotTerminalOverlay(result.policies, labels, result.param)}\n`);
    } else {
      const { plot } = await import('../plot/plot.js');
      await plot(result.policies, { param: result.param, labels, out: values.out, title: `${result.param}: ${labels.join(' vs ')}` });
      io.out(`wrote ${values.out}\n`);
    }
    io.out(`${formatComparison(result)}\n`);
    return 0;
  },
};
