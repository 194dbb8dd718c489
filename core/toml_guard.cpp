#include "toml_guard.hpp"

namespace mingle {

std::optional<Error> non_ascii_outside_strings(std::string_view text, const std::string& shown_as) {
    enum class State { Code, Comment, Basic, Literal, MultiBasic, MultiLiteral };
    State state = State::Code;
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto starts = [&](std::string_view s) { return text.substr(i, s.size()) == s; };
        switch (state) {
            case State::Code:
                if (static_cast<unsigned char>(c) >= 0x80) {
                    // A byte order mark at the very start is allowed.
                    if (i == 0 && starts("\xEF\xBB\xBF")) {
                        i += 2;
                        continue;
                    }
                    return make_error("A letter beyond plain ASCII stands outside quotes; in this file text goes in "
                                      "quotes, like name = \"Søren\".",
                                      shown_as, line, column);
                }
                if (c == '#') state = State::Comment;
                else if (starts("\"\"\"")) state = State::MultiBasic, i += 2, column += 2;
                else if (starts("'''")) state = State::MultiLiteral, i += 2, column += 2;
                else if (c == '"') state = State::Basic;
                else if (c == '\'') state = State::Literal;
                break;
            case State::Comment:
                if (c == '\n') state = State::Code;
                break;
            case State::Basic:
                if (c == '\\') ++i, ++column;
                else if (c == '"' || c == '\n') state = State::Code;
                break;
            case State::Literal:
                if (c == '\'' || c == '\n') state = State::Code;
                break;
            case State::MultiBasic:
                if (c == '\\') ++i, ++column;
                else if (starts("\"\"\"")) state = State::Code, i += 2, column += 2;
                break;
            case State::MultiLiteral:
                if (starts("'''")) state = State::Code, i += 2, column += 2;
                break;
        }
        if (i >= text.size()) break;  // an escape at the very end
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return std::nullopt;
}

}  // namespace mingle
