/** One session of the signed-in account as the sessions page shows it: nothing secret. */
export type AccountSession = {
  id: string;
  current: boolean;
  browser: string;
  clientAddress: string;
  method: string;
  createdAt: number;
  lastSeenAt: number;
};
