import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * How long this content script runs. WXT's context aborts when a document
 * event named `<extension id>:content:wxt:content-script-started` arrives,
 * meant to stop an old copy of the script once a newer one starts (after an
 * update or reload). Any page can dispatch that event: the extension id is
 * public (the store's id in Chrome, the add-on id in Firefox). So it stops
 * us only when our own extension context is really gone as well (an
 * orphaned script has no `runtime.id`); a page's forgery changes nothing.
 */
export function scriptLifetime(ctx: ContentScriptContext): AbortSignal {
  const controller = new AbortController();
  ctx.signal.addEventListener('abort', () => {
    if (!browser.runtime?.id) controller.abort();
  });
  return controller.signal;
}
