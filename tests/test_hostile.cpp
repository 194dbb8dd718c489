// Hostile and broken files (tests/data/hostile, made by make_hostile.py, and the broken ones of
// tests/data/import): each is refused with a clear message naming the file and nothing changes, or
// it is imported with its text stored exactly as written; the database stays intact, and the GUI
// shows the outcome without falling over.
#include <catch2/catch.hpp>

#include <set>

#include <SQLiteCpp/Statement.h>

#include "core/events.hpp"
#include "core/import/importer.hpp"
#include "core/links.hpp"
#include "core/text.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

using namespace mingle;
using namespace mingle::import;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> hostile_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(MINGLE_TEST_DATA_DIR) / "hostile"))
        if (entry.path().extension() != ".py") files.push_back(entry.path());
    // The broken ones from the import corpus as well.
    for (const char* name : {"binary_junk.bin", "control_chars.txt", "empty.csv", "header_only.csv", "invalid_utf8_mid_file.csv",
                             "nul_in_text.csv", "only_bom.csv", "participants.pdf", "unterminated_quote.csv",
                             "utf16le_no_bom.csv", "vcard_missing_end.vcf", "whitespace_only.txt", "workbook.xlsx"})
        files.push_back(fs::path(MINGLE_TEST_DATA_DIR) / "import" / name);
    std::sort(files.begin(), files.end());
    return files;
}

// Every row of every table, as one string: to tell "nothing changed".
std::string everything(storage::Database& db) {
    std::string all;
    for (const char* table : {"event", "person", "participant", "import_batch", "import_change", "link", "person_history"}) {
        SQLite::Statement query(db.sql(), std::string("SELECT * FROM ") + table);
        while (query.executeStep()) {
            for (int c = 0; c < query.getColumnCount(); ++c) all += query.getColumn(c).getString() + "\x1f";
            all += "\n";
        }
    }
    return all;
}

}  // namespace

TEST_CASE("hostile files: at least 30, each refused clearly with nothing changed, or stored exactly", "[hostile]") {
    const auto files = hostile_files();
    CHECK(files.size() >= 30);
    auto opened = storage::Database::open(":memory:");
    REQUIRE(opened.ok());
    storage::Database& db = **opened;
    Id event = *EventStore(db).create({"Reception", "2026-12-03", "", ""});
    REQUIRE(PersonMemory(db).add_person("Existing", "Person", "Vestas").ok());
    int refused = 0, imported = 0;
    for (const fs::path& file : files) {
        INFO(file.filename().string());
        const std::string before = everything(db);
        auto source = ImportSource::file(file);
        auto layout = detect(source);
        Result<ImportSummary> summary = layout.ok()
            ? run_import(db, {source, *layout, guess_mapping(layout->columns), event, false})
            : Result<ImportSummary>(layout.error());
        if (!summary.ok()) {
            ++refused;
            const Error& error = summary.error();
            CHECK(error.message.size() > 20);            // a sentence, not a code
            CHECK(error.describe().find(file.filename().string()) != std::string::npos);  // names the file
            CHECK(text::is_valid_utf8(error.describe()));
            CHECK(everything(db) == before);            // nothing changed
        } else {
            ++imported;
            // Whatever it took in is valid UTF-8, without control characters in the names.
            SQLite::Statement people(db.sql(), "SELECT first_name || last_name || email || company FROM person");
            while (people.executeStep()) {
                const std::string text = people.getColumn(0).getString();
                CHECK(text::is_valid_utf8(text));
                CHECK(std::none_of(text.begin(), text.end(), [](char c) { return c >= 0 && c < 0x20; }));
            }
            if (summary->batch_id != 0) REQUIRE(undo_import(db, summary->batch_id).ok());
        }
        SQLite::Statement check(db.sql(), "PRAGMA integrity_check");
        REQUIRE(check.executeStep());
        CHECK(check.getColumn(0).getString() == "ok");
    }
    CHECK(refused >= 15);
    CHECK(imported >= 5);
}

TEST_CASE("names built to break SQL, HTML and spreadsheets are stored exactly as written", "[hostile]") {
    auto opened = storage::Database::open(":memory:");
    REQUIRE(opened.ok());
    storage::Database& db = **opened;
    Id event = *EventStore(db).create({"Reception", "", "", ""});
    for (const char* name : {"sql_looking_names.csv", "html_in_names.csv", "formula_names.csv", "emoji_names.csv"}) {
        auto source = ImportSource::file(fs::path(MINGLE_TEST_DATA_DIR) / "hostile" / name);
        auto layout = detect(source);
        REQUIRE(layout.ok());
        REQUIRE(run_import(db, {source, *layout, guess_mapping(layout->columns), event, false}).ok());
    }
    std::set<std::string> stored;
    SQLite::Statement people(db.sql(), "SELECT first_name, last_name, company FROM person");
    while (people.executeStep())
        for (int c = 0; c < 3; ++c) stored.insert(people.getColumn(c).getString());
    for (const char* exact : {"Robert'); DROP TABLE person;--", "'; DELETE FROM event; --", "x\" OR 1=1 --",
                              "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;Bæk", "=HYPERLINK(\"http://evil\")",
                              "🦄 Mette", "☕ Café"}) {
        INFO(exact);
        CHECK(stored.count(exact) == 1);
    }
    CHECK(db.sql().tableExists("person"));
    CHECK(EventStore(db).list().size() == 1);
}

TEST_CASE("the GUI previews every hostile file without falling over", "[hostile][ui]") {
    mingle::testing::TempDir dir;
    app::AppOptions options;
    options.database_path = (dir / "mingle.db").string();
    options.config_path = (dir / "config.toml").string();
    mingle::testing::UiHarness ui(options);
    for (const fs::path& file : hostile_files()) {
        INFO(file.filename().string());
        ui.app().open_file(file);
        ui.frame(4);
        CHECK(ui.app().active_view() == app::ViewId::Import);
    }
    CHECK(ui.app().database());
}
