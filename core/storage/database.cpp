#include "database.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/storage/migrations.hpp"
#include "core/text.hpp"

namespace mingle::storage {
namespace {

namespace fs = std::filesystem;

bool is_memory(const std::string& path) { return path == ":memory:"; }

// Creates an empty file readable by the user only, so SQLite (and its -wal and -shm files, which
// take the main file's mode) never widens access. Returns true if it made the file.
Result<bool> create_private_file(const std::string& path) {
    fs::path parent = fs::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !fs::exists(parent, ec)) {
        fs::create_directories(parent, ec);
        if (ec)
            return make_error("Cannot create the folder " + parent.string() + ": " + ec.message() +
                              ". Choose another place with --db.");
        fs::permissions(parent, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    if (errno == EEXIST) return false;
    return make_error(std::string("Cannot create the database file: ") + std::strerror(errno) +
                          ". Check that the folder is writable and the disk is not full, or choose another file with --db.",
                      path);
}

int read_user_version(SQLite::Database& sql) {
    SQLite::Statement query(sql, "PRAGMA user_version");
    return query.executeStep() ? query.getColumn(0).getInt() : 0;
}

// A consistent copy (WAL content included) before the schema changes, readable by the user only.
Status copy_aside(SQLite::Database& sql, const std::string& path) {
    std::string copy = path + ".before-v" + std::to_string(current_schema_version());
    std::error_code ec;
    fs::remove(copy, ec);
    auto made = create_private_file(copy);
    if (!made.ok()) return made.error();
    SQLite::Statement vacuum(sql, "VACUUM INTO ?");
    vacuum.bind(1, copy);
    vacuum.exec();
    return ok_status();
}

// SQLite counts every allocation under a global mutex unless told not to; mingle never reads those
// statistics, and on a big import the locking costs several percent. Must run before SQLite starts.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

int current_schema_version() { return static_cast<int>(migrations().size()); }

Error sqlite_error(const std::exception& error, const std::string& doing) {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&error);
    int code = sqlite ? (sqlite->getErrorCode() & 0xFF) : 0;
    std::string what = "Error while " + doing + ": ";
    switch (code) {
        case SQLITE_FULL:
            return make_error(what + "the disk is full. Free some space and try again; nothing was changed.");
        case SQLITE_READONLY:
            return make_error(what + "the database is read-only. Make the file writable or use --db with another file.");
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return make_error(what + "the database is locked by another program. Close the other mingle and try again.");
        case SQLITE_CANTOPEN:
            return make_error(what + "the database file cannot be opened. Check the path and its permissions.");
        case SQLITE_NOTADB:
            return make_error(what + "this file is not a mingle database. Choose another file with --db.");
        case SQLITE_CORRUPT:
            return make_error(what + "the database file is damaged. Restore it from a backup.");
        case SQLITE_IOERR:
            return make_error(what + "the disk could not be written or read (" + error.what() + ").");
        default:
            return make_error(what + error.what());
    }
}

namespace {

// mingle_company_key(company): text::company_key in SQL, for migrations that fill the key in.
void company_key_function(sqlite3_context* context, int, sqlite3_value** arguments) {
    const unsigned char* company = sqlite3_value_text(arguments[0]);
    std::string key = text::company_key(company ? reinterpret_cast<const char*>(company) : "");
    sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

void register_functions(SQLite::Database& sql) {
    sqlite3_create_function_v2(sql.getHandle(), "mingle_company_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               company_key_function, nullptr, nullptr, nullptr);
}

}  // namespace

Database::Database(SQLite::Database sql, std::string path, bool created)
    : sql_(std::move(sql)), path_(std::move(path)), created_(created) {}

Result<std::unique_ptr<Database>> Database::open(const std::string& path) {
    configure_sqlite_once();
    bool created = false;
    if (!is_memory(path)) {
        auto made = create_private_file(path);
        if (!made.ok()) return made.error();
        created = made.value();
        std::error_code ec;
        if (!created && fs::file_size(path, ec) == 0 && !ec) created = true;
    }
    try {
        SQLite::Database sql(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, 5000);
        int version = read_user_version(sql);
        int known = current_schema_version();
        if (version > known)
            return make_error("This database was written by a newer mingle (schema version " + std::to_string(version) +
                                  "; this mingle knows up to " + std::to_string(known) +
                                  "). Update mingle to open it; the file was left untouched.",
                              path);
        if (!is_memory(path) && sqlite3_db_readonly(sql.getHandle(), "main") == 1)
            return make_error("The database file is read-only. Make it writable (chmod u+w) or choose another file with --db.",
                              path);
        if (version == 0) {
            // Before the first table: larger pages mean fewer writes for a big import.
            sql.exec("PRAGMA page_size = 16384");
        }
        sql.exec("PRAGMA foreign_keys = ON");
        if (!is_memory(path)) {
            SQLite::Statement wal(sql, "PRAGMA journal_mode = WAL");
            wal.executeStep();
        }
        // FULL: a committed edit survives even a power cut, not only a killed process.
        sql.exec("PRAGMA synchronous = FULL");
        sql.exec("PRAGMA cache_size = -65536");
        register_functions(sql);
        if (version > 0 && version < known && !is_memory(path)) {
            auto copied = copy_aside(sql, path);
            if (!copied.ok()) return copied.error();
        }
        auto steps = migrations();
        for (int v = version; v < known; ++v) {
            SQLite::Transaction transaction(sql);
            sql.exec(std::string(steps[static_cast<std::size_t>(v)]));
            sql.exec("PRAGMA user_version = " + std::to_string(v + 1));
            transaction.commit();
        }
        return std::unique_ptr<Database>(new Database(std::move(sql), path, created || version == 0));
    } catch (const std::exception& error) {
        Error e = sqlite_error(error, "opening the database");
        e.file = path;
        return e;
    }
}

std::string Database::setting(const std::string& key, const std::string& fallback) {
    SQLite::Statement query(sql_, "SELECT value FROM setting WHERE key = ?");
    query.bind(1, key);
    return query.executeStep() ? query.getColumn(0).getString() : fallback;
}

void Database::set_setting(const std::string& key, const std::string& value) {
    SQLite::Statement upsert(sql_, "INSERT INTO setting(key, value) VALUES(?, ?) "
                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.exec();
}

}  // namespace mingle::storage
