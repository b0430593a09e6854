// Finds a Chromium or Chrome executable for the browser tests (driven with playwright-core, which
// downloads no browser of its own). Order: the RX_POLICY_CHROMIUM or CHROMIUM_PATH environment
// variable, then the usual install locations, then the usual command names on PATH. Without one it
// throws, saying how to install one, so the browser tests fail instead of silently not running.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const VARIABLES = ['RX_POLICY_CHROMIUM', 'CHROMIUM_PATH'] as const;

const LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export const INSTALL_HINT =
  'install one (Debian/Ubuntu: apt-get update && apt-get install -y chromium; macOS: brew install --cask chromium) ' +
  `or point ${VARIABLES[0]} at a Chromium or Chrome executable`;

const runnable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The path of a Chromium/Chrome executable; throws with how to get one when there is none. */
export function findChromium(env: Record<string, string | undefined> = process.env, isRunnable: (file: string) => boolean = runnable): string {
  for (const name of VARIABLES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!isRunnable(value)) throw new Error(`${name}=${value} is not an executable file: ${INSTALL_HINT}`);
    return value;
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => COMMANDS.map((c) => join(dir, c)));
  const found = [...LOCATIONS, ...onPath].find(isRunnable);
  if (found !== undefined) return found;
  throw new Error(`no Chromium or Chrome found for the browser tests (looked at ${VARIABLES.join(', ')}, ${LOCATIONS.join(', ')} and ${COMMANDS.join(', ')} on PATH): ${INSTALL_HINT}`);
}
