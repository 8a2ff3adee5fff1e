/** One session of the signed-in account as the sessions page shows it: nothing secret. */
export type AccountSession = {
  id: string;
  current: boolean;
  browser: string;
  clientAddress: string;
  method: string;
  createdAt: number;
  lastSeenAt: number;
  /**
   * The accounts that session holds (issue 15), by this session's labels; accounts this session
   * does not hold are only counted, never named.
   */
  accounts: string[];
  otherAccounts: number;
};
