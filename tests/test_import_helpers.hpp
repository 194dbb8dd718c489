// Shared by the reader tests: corpus paths and rows collected into plain values.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/import/source.hpp"

namespace import_test {

using namespace mingle;
using namespace mingle::import;

inline std::filesystem::path corpus(std::string_view name) {
    return std::filesystem::path(MINGLE_TEST_DATA_DIR "/import") / std::string(name);
}

struct Row {
    std::size_t line = 0;
    std::vector<std::string> cells;
};

inline RowCallback collect_into(std::vector<Row>& rows) {
    return [&rows](const RowView& view) {
        Row row{view.line, {}};
        for (std::string_view cell : view.cells) row.cells.emplace_back(cell);
        rows.push_back(std::move(row));
        return true;
    };
}

struct Imported {
    SourceLayout layout;
    std::vector<Row> rows;
    ReadStats stats;

    // The cell of `row` under `column`; empty if the row is shorter.
    std::string cell(std::size_t row, std::string_view column) const {
        auto it = std::find(layout.columns.begin(), layout.columns.end(), column);
        REQUIRE(it != layout.columns.end());
        auto index = static_cast<std::size_t>(it - layout.columns.begin());
        REQUIRE(row < rows.size());
        return index < rows[row].cells.size() ? rows[row].cells[index] : std::string();
    }
};

// Detects and reads a corpus file; both must succeed.
inline Imported import_corpus(std::string_view name, FormatHint hint = FormatHint::Auto) {
    Imported imported;
    Result<SourceLayout> layout = detect_file(corpus(name), hint);
    if (!layout) FAIL(layout.error().describe());
    imported.layout = layout.value();
    Result<ReadStats> stats = read_file(corpus(name), imported.layout, collect_into(imported.rows));
    if (!stats) FAIL(stats.error().describe());
    imported.stats = stats.value();
    return imported;
}

// Detects and reads bytes in memory; both must succeed.
inline Imported import_bytes(std::string_view bytes, std::string_view name, FormatHint hint = FormatHint::Auto) {
    Imported imported;
    Result<SourceLayout> layout = detect_bytes(bytes, name, hint);
    if (!layout) FAIL(layout.error().describe());
    imported.layout = layout.value();
    Result<ReadStats> stats = read_bytes(bytes, name, imported.layout, collect_into(imported.rows));
    if (!stats) FAIL(stats.error().describe());
    imported.stats = stats.value();
    return imported;
}

}  // namespace import_test
