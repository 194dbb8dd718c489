// The SQLite database: opening it safely, and the schema as ordered, embedded migrations.
#pragma once

#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include "core/result.hpp"

namespace mingle::storage {

// The schema version this mingle writes (PRAGMA user_version).
int current_schema_version();

class Database {
public:
    // Opens (and creates, with mode 0600) the database at `path`, or a private in-memory one for
    // ":memory:". Turns on foreign keys and WAL, then applies the missing migrations, each in its
    // own transaction; an older file is copied aside first ("<file>.before-v<N>"). A database from
    // a newer mingle is refused with a clear message and not written to.
    static Result<std::unique_ptr<Database>> open(const std::string& path);

    SQLite::Database& sql() { return sql_; }
    const std::string& path() const { return path_; }
    bool created() const { return created_; }  // true if this open made the file (or it was empty)

    // A small key/value store for flags such as "demo seeded".
    std::string setting(const std::string& key, const std::string& fallback = {});
    void set_setting(const std::string& key, const std::string& value);

private:
    Database(SQLite::Database sql, std::string path, bool created);

    SQLite::Database sql_;
    std::string path_;
    bool created_;
};

// Runs `body` inside one transaction; SQLite errors become an Error (and roll back).
template <typename Body>
Status in_transaction(Database& db, Body&& body);

// Turns a caught SQLite exception into a message a user can act on (locked, read-only, disk full).
Error sqlite_error(const std::exception& error, const std::string& doing);

template <typename Body>
Status in_transaction(Database& db, Body&& body) {
    try {
        SQLite::Transaction transaction(db.sql());
        Status status = body();
        if (!status.ok()) return status;  // the transaction rolls back as it goes out of scope
        transaction.commit();
        return status;
    } catch (const std::exception& error) {
        return sqlite_error(error, "saving");
    }
}

}  // namespace mingle::storage
