#ifndef SETKA_SQLITE_SHIM_H
#define SETKA_SQLITE_SHIM_H

/// Turns on SQLite's query planner stability guarantee for a connection (SQLITE_DBCONFIG_ENABLE_QPSG): plans no longer
/// depend on bound values, so a cached statement with a join is not re-prepared every time its parameters change.
/// `db` is the `sqlite3 *` of sqlite-nio's vendored SQLite. Returns SQLite's result code.
int setka_sqlite_enable_qpsg(void *db);

/// Sets the memory-mapped I/O every SQLite connection of the process opens with (SQLITE_CONFIG_MMAP_SIZE, default and
/// limit `size` bytes): pages are read from the map instead of being copied from the kernel's cache into each
/// connection's small page cache. Only before SQLite's first use in the process: later SQLite answers SQLITE_MISUSE
/// and keeps what it has. Returns SQLite's result code.
int setka_sqlite_default_mmap(long long size);

#endif
