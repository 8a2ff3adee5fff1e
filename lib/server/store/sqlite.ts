import type { Store } from "./types";
import { SqliteConnection } from "./sqlite/connection";
import { sqliteHistory } from "./sqlite/history";
import { sqliteLimits } from "./sqlite/limits";
import { sqliteSessions } from "./sqlite/sessions";

export type SqliteStore = Store & { readonly engine: "sqlite"; readonly file: string };

/**
 * The embedded engine: one SQLite file through Node's built-in node:sqlite, so a single
 * instance needs no service and no native add-on. Each kind of record has its module under
 * ./sqlite/, all on one connection.
 */
export function openSqliteStore(file: string): SqliteStore {
  const conn = new SqliteConnection(file);
  return {
    engine: "sqlite",
    file,
    ...sqliteSessions(conn),
    ...sqliteLimits(conn),
    ...sqliteHistory(conn),
    ping() {
      return conn.guard(() => {
        conn.sql("SELECT 1").get();
      });
    },
    async close() {
      conn.close();
    },
  };
}
