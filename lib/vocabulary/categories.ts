/**
 * The three things a page mention can be about. They drive the highlight
 * colour, the popup's counts, the settings' switches and which statements
 * the card leads with; plain data, so every side shares one list.
 */

/** What a mention is about; drives the highlight colour and the card. */
export type Category = 'huawei' | 'sanctions' | 'no-spy';

export const CATEGORIES: readonly Category[] = ['huawei', 'sanctions', 'no-spy'];
