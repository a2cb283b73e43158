import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, started the way this machine allows: no sandbox as root, and no background
 * networking (the network is closed; Chromium would otherwise keep trying).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
