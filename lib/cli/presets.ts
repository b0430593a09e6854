// `rx-policy presets`: the presets and their options, from their declarations.
import { presets } from '../config.js';
import type { FieldInfo } from '../internal/options.js';
import { didYouMean } from '../internal/validate.js';
import { CliError, type Command, parse } from './command.js';
import { optionsReference } from './reference.js';

function describe(f: FieldInfo): string {
  const head = f.required ? 'required' : f.default !== undefined ? `default ${JSON.stringify(f.default)}` : 'optional';
  const mode = f.mode !== undefined ? ` [${f.mode}]` : '';
  return `    ${f.name}: ${f.expected}; ${head}${mode}. ${f.doc}`;
}

export const presetsCommand: Command = {
  name: 'presets',
  summary: 'list the presets and their options (type, default, required)',
  help: 'usage: rx-policy presets [NAME] [--markdown]\n\n  without NAME, every preset with its options; with NAME, that preset only\n  --markdown  the options reference as Markdown (docs/options.md)',
  async run(argv, io) {
    const { values, positionals } = parse('presets', argv, { help: { type: 'boolean', short: 'h' }, markdown: { type: 'boolean' } }, 1);
    if (values.help) {
      io.out(`${this.help}\n`);
      return 0;
    }
    const name = positionals[0];
    if (values.markdown) {
      if (name !== undefined) throw new CliError('presets: --markdown prints every preset; leave NAME out');
      io.out(`${optionsReference()}\n`);
      return 0;
    }
    if (name !== undefined && !Object.hasOwn(presets, name)) throw new CliError(`presets: unknown preset ${JSON.stringify(name)}${didYouMean(name, Object.keys(presets))}; accepted: ${Object.keys(presets).join(', ')}`);
    const names = name === undefined ? Object.keys(presets) : [name];
    io.out(names.map((n) => `${n}\n  ${presets[n]!.summary}\n${presets[n]!.fields.map(describe).join('\n')}\n`).join(''));
    return 0;
  },
};
