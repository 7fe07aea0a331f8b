// globalSetup of the browser project: without Chromium, stop with the install command before vitest
// asks playwright to launch it (whose error is "executable doesn't exist").
import { requireTool } from './find-tools.mjs'

export default function requireChromium() {
  requireTool('chromium')
}
