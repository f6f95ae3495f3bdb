/**
 * How much of a mention, query or context the search looks at; the rest
 * cannot change what the card is about. In a module of their own because
 * the message validation (which the content script bundles) cuts input to
 * them too, and must not pull the search code into every page.
 */
export const MAX_MENTION = 200;
export const MAX_QUERY = 500;
export const MAX_CONTEXT = 2000;
