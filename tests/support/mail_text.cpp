#include "tests/support/mail_text.hpp"

namespace fk::test {

std::string Wrap(const std::string& text, size_t cols) {
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        while (line.size() > cols) {
            const size_t space = line.rfind(' ', cols);
            const bool at_space = space != std::string::npos && space > 0;
            const size_t cut = at_space ? space : cols;
            out += line.substr(0, cut) + "\n";
            line = line.substr(at_space ? cut + 1 : cut);
        }
        out += line;
        if (end < text.size()) out += "\n";
        start = end + 1;
    }
    return out;
}

std::string Quote(const std::string& text) {
    std::string out = "> ";
    for (char c : text) {
        out += c;
        if (c == '\n') out += "> ";
    }
    return out;
}

}  // namespace fk::test
