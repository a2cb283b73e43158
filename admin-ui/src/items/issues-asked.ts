import { createContext, useContext } from 'react';

/**
 * How many times the official has gone from the publish-time issues list to a field. Controls
 * that hold back an error on something just added and not yet filled show it from then on:
 * the official is now fixing what stops publishing, and the list names it anyway.
 */
export const IssuesAsked = createContext(0);

export const useIssuesAsked = () => useContext(IssuesAsked);
