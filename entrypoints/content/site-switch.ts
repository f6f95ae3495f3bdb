import { storage } from 'wxt/utils/storage';

/**
 * Sites where the reader turned Source Context off, by host name. Stored
 * locally; the settings issue widens this into the full settings store.
 */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

export async function isDisabled(host: string): Promise<boolean> {
  return (await disabledSites.getValue()).includes(host);
}

export async function turnOff(host: string): Promise<void> {
  const sites = await disabledSites.getValue();
  if (!sites.includes(host)) await disabledSites.setValue([...sites, host].sort());
}
