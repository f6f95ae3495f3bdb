/**
 * Saves `text` as a file: a Blob behind an object URL, clicked through a
 * temporary `<a download>`. Works in extension pages without the downloads
 * permission (the panel's CSV/JSON export, the settings page's site list); the URL is revoked once the click has started the download.
 */
export function downloadText(document_: Document, name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document_.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document_.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
