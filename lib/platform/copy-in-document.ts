/**
 * Copies `text` from one of the extension's own documents (Chrome's
 * offscreen document, Firefox's event page), never from a web page: there,
 * the page's `copy` listener could read the citation and put something else
 * on the clipboard while the card says "Copied". With the `clipboardWrite`
 * permission the Clipboard API works in these documents; where it refuses
 * (Chrome's offscreen document has no focus), a textarea in the same
 * document is selected and copied.
 */
export async function copyInDocument(document_: Document, text: string): Promise<void> {
  const clipboard = document_.defaultView?.navigator.clipboard;
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Chrome's offscreen document: "not focused". The selection needs no focus.
    }
  }
  const area = document_.createElement('textarea');
  area.value = text;
  document_.body.append(area);
  area.select();
  try {
    if (!document_.execCommand('copy')) throw new Error('the browser refused to copy');
  } finally {
    area.remove();
  }
}
