#include "SQLiteShim.h"

// sqlite-nio's vendored SQLite, linked into the same binary; its sqlite3_db_config is variadic, which Swift cannot call.
extern int sqlite_nio_sqlite3_db_config(void *db, int op, ...);

#define SETKA_SQLITE_DBCONFIG_ENABLE_QPSG 1007

int setka_sqlite_enable_qpsg(void *db) {
    int now = 0;
    return sqlite_nio_sqlite3_db_config(db, SETKA_SQLITE_DBCONFIG_ENABLE_QPSG, 1, &now);
}

extern int sqlite_nio_sqlite3_config(int op, ...);

#define SETKA_SQLITE_CONFIG_MMAP_SIZE 22

int setka_sqlite_default_mmap(long long size) {
    return sqlite_nio_sqlite3_config(SETKA_SQLITE_CONFIG_MMAP_SIZE, size, size);
}
