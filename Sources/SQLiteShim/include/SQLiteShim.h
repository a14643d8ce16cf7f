#ifndef SETKA_SQLITE_SHIM_H
#define SETKA_SQLITE_SHIM_H

/// Turns on SQLite's query planner stability guarantee for a connection (SQLITE_DBCONFIG_ENABLE_QPSG): plans no longer
/// depend on bound values, so a cached statement with a join is not re-prepared every time its parameters change.
/// `db` is the `sqlite3 *` of sqlite-nio's vendored SQLite. Returns SQLite's result code.
int setka_sqlite_enable_qpsg(void *db);

#endif
