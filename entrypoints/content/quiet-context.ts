/**
 * The content script's context, in place of WXT's `ContentScriptContext`
 * (the content script bundle resolves `wxt/utils/content-script-context`
 * here: see `wxt.config.ts`).
 *
 * WXT's context announces every start to the page: it dispatches a
 * `CustomEvent` on `document` named `<extension id>:content:wxt:content-
 * script-started` (and, unless told not to, `postMessage`s the same name to
 * every script of the window), and it stops itself when such an event
 * arrives from another copy. The id is public (the store's id in Chrome, the
 * add-on id in Firefox), so a page listening for that name learned that we
 * started, and a page dispatching it could try to stop us.
 *
 * Its job, stopping an older copy when a newer one starts in the same
 * document, has no case in a built extension: Chrome never injects a
 * manifest content script into a document that is already open (an update
 * leaves the old copy alone there, as WXT does), and Firefox, which injects
 * into open tabs after an update, nukes the old copy's sandbox first. So this
 * context neither announces nor listens. Its signal is the one every part of
 * the script hangs on; nothing the page can do aborts it.
 */
export class ContentScriptContext {
  // WXT's generated entry passes the script's name and options: neither is needed.
  readonly #controller = new AbortController();

  get signal(): AbortSignal {
    return this.#controller.signal;
  }
}
