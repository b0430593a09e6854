// Run in its own module graph (vitest isolates spec files): the plotting module is not loaded here.
import { describe, expect, it } from 'vitest';
import { registerPlotter, type PlotOptions, type Schedule } from '../../lib/internal/plotHook.js';
import { linspace, OptimizerPolicy, Phase } from '../../lib/index.js';

describe('plotHook: phase.plot / policy.plot without the core importing plot/', () => {
  it('names what to import while no plotter is registered, and checks the parameter first', async () => {
    const phase = new Phase({ lr: linspace(0, 1, 3) });
    await expect(phase.plot('lr')).rejects.toThrow(new Error("Phase.plot: the plotting module is not loaded; import 'rx-policy/plot' once in your app (it registers itself), then plot"));
    // A typo is a compile error; an untyped caller (JavaScript, a name read at run time) gets this.
    await expect(phase.plot('wd' as never)).rejects.toThrow(new RangeError('Phase.plot: no parameter "wd"; the phase has: lr'));
    await expect(phase.plot([])).rejects.toThrow(/^Phase\.plot: param must be a parameter name or a non-empty array of them, got \[\]$/);
  });

  it('hands the schedule itself and the options to the registered plotter: one implementation for both', async () => {
    const calls: [Schedule | readonly Schedule[], PlotOptions | undefined][] = [];
    registerPlotter(async (sources, options) => {
      calls.push([sources, options]);
      return '<svg/>';
    });
    const phase = new Phase({ lr: linspace(0, 1, 3) });
    const policy = new OptimizerPolicy([phase]);
    expect(await phase.plot()).toBe('<svg/>');
    expect(await policy.plot(['lr'], { width: 100 })).toBe('<svg/>');
    expect(calls[0]![0]).toBe(phase);
    expect(calls[1]![0]).toBe(policy);
    expect(calls.map(([, options]) => options)).toEqual([{ param: 'lr' }, { width: 100, param: ['lr'] }]);
  });
});
