// ReadWorkshopPlan: H2 sections split outside code fences, GitHub tables read by shape.
#include "kit/core/workshop_plan.hpp"

#include <numeric>

namespace fk::core {
namespace {

using Row = std::vector<std::string>;
struct Table {
    Row header;
    std::vector<Row> rows;
};

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> Lines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool IsFence(std::string_view line) {
    line = Trim(line);
    return line.starts_with("```") || line.starts_with("~~~");
}

bool IsH2(std::string_view line) {
    return line.starts_with("## ") || line == "##";
}

// Cells of one table line: outer pipes dropped, split at pipes not escaped or in code.
Row Cells(std::string_view line) {
    line = Trim(line);
    if (line.starts_with('|')) line.remove_prefix(1);
    if (line.ends_with('|') && !line.ends_with("\\|")) line.remove_suffix(1);
    Row cells;
    std::string cell;
    bool code = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
            cell += '|';
            ++i;
            continue;
        }
        if (c == '`') code = !code;
        if (c == '|' && !code) {
            cells.emplace_back(Trim(cell));
            cell.clear();
            continue;
        }
        cell += c;
    }
    cells.emplace_back(Trim(cell));
    return cells;
}

bool IsDelimiterRow(std::string_view line) {
    line = Trim(line);
    if (line.find('-') == std::string_view::npos || line.find('|') == std::string_view::npos) return false;
    for (char c : line)
        if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') return false;
    return true;
}

// The tables of one section's body, in order (none inside code fences).
std::vector<Table> Tables(std::string_view body) {
    std::vector<Table> tables;
    auto lines = Lines(body);
    bool fenced = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (IsFence(lines[i])) fenced = !fenced;
        if (fenced || lines[i].find('|') == std::string_view::npos || i + 1 >= lines.size() ||
            !IsDelimiterRow(lines[i + 1]))
            continue;
        Table t;
        t.header = Cells(lines[i]);
        size_t j = i + 2;
        for (; j < lines.size() && !Trim(lines[j]).empty() && lines[j].find('|') != std::string_view::npos; ++j)
            t.rows.push_back(Cells(lines[j]));
        tables.push_back(std::move(t));
        i = j - 1;
    }
    return tables;
}

// The digit at `s[i]` and its length in bytes: 0-9, U+0660..0669 and U+06F0..06F9.
std::optional<std::pair<int, size_t>> DigitAt(std::string_view s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') return std::pair{c - '0', size_t{1}};
    if (i + 1 < s.size()) {
        const auto d = static_cast<unsigned char>(s[i + 1]);
        if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) return std::pair{d - 0xA0, size_t{2}};
        if (c == 0xDB && d >= 0xB0 && d <= 0xB9) return std::pair{d - 0xB0, size_t{2}};
    }
    return std::nullopt;
}

// The whole (plain) cell is one number, spaces aside.
std::optional<int> WholeNumber(std::string_view plain) {
    plain = Trim(plain);
    if (plain.empty()) return std::nullopt;
    long value = 0;
    for (size_t i = 0; i < plain.size();) {
        auto d = DigitAt(plain, i);
        if (!d) return std::nullopt;
        value = value * 10 + d->first;
        if (value > 100000) return std::nullopt;
        i += d->second;
    }
    return static_cast<int>(value);
}

std::string Cell(const Row& row, size_t i) {
    return i < row.size() ? PlainCell(row[i]) : std::string();
}

bool ReadAgenda(const Table& t, WorkshopPlan& plan) {
    if (t.header.size() < 2 || t.rows.size() < 2) return false;
    std::vector<int> minutes;
    for (const auto& row : t.rows) {
        auto n = WholeNumber(Cell(row, 0));
        if (!n) return false;
        minutes.push_back(*n);
    }
    const int others = std::accumulate(minutes.begin(), minutes.end() - 1, 0);
    const bool total_row = t.rows.size() >= 3 && (Trim(t.rows.back()[0]).starts_with("**") || minutes.back() == others);
    const size_t blocks = total_row ? t.rows.size() - 1 : t.rows.size();
    const size_t notes_column = t.header.size() >= 3 ? t.header.size() - 1 : 0;
    for (size_t r = 0; r < blocks; ++r)
        plan.agenda.push_back({minutes[r], Cell(t.rows[r], 1), notes_column ? Cell(t.rows[r], notes_column) : ""});
    plan.agenda_sum = std::accumulate(minutes.begin(), minutes.begin() + static_cast<std::ptrdiff_t>(blocks), 0);
    plan.total_minutes = total_row ? minutes.back() : plan.agenda_sum;
    return true;
}

bool ReadInjects(const Table& t, WorkshopPlan& plan) {
    if (t.header.size() < 2 || t.rows.size() < 2) return false;
    std::vector<Inject> injects;
    for (const auto& row : t.rows) {
        std::string time = Cell(row, 0);
        auto n = FirstNumber(time);
        if (!n || (!injects.empty() && *n < injects.back().minute)) return false;
        injects.push_back({std::move(time), *n, Cell(row, 1), Cell(row, 2)});
    }
    plan.injects = std::move(injects);
    return true;
}

}  // namespace

std::optional<int> FirstNumber(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        if (!DigitAt(text, i)) continue;
        long value = 0;
        while (i < text.size()) {
            auto d = DigitAt(text, i);
            if (!d) break;
            value = value * 10 + d->first;
            if (value > 100000) return std::nullopt;
            i += d->second;
        }
        return static_cast<int>(value);
    }
    return std::nullopt;
}

std::string PlainCell(std::string_view cell) {
    std::string out;
    for (size_t i = 0; i < cell.size(); ++i) {
        const char c = cell[i];
        if (c == '*' || c == '`' || (c == '_' && i + 1 < cell.size() && cell[i + 1] == '_')) {
            if (c == '_') ++i;
            continue;
        }
        if (c == '[') {  // [text](target): keep the text
            const size_t close = cell.find("](", i);
            const size_t end = close == std::string_view::npos ? close : cell.find(')', close);
            if (end != std::string_view::npos) {
                out += PlainCell(cell.substr(i + 1, close - i - 1));
                i = end;
                continue;
            }
        }
        if (c == '<' && cell.substr(i).starts_with("<br")) {  // a line break inside a cell
            const size_t end = cell.find('>', i);
            if (end != std::string_view::npos) {
                out += ' ';
                i = end;
                continue;
            }
        }
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

WorkshopPlan ReadWorkshopPlan(std::string_view markdown) {
    WorkshopPlan plan;
    std::string* into = &plan.intro;
    bool fenced = false;
    for (std::string_view line : Lines(markdown)) {
        if (IsFence(line)) fenced = !fenced;
        if (!fenced && IsH2(line)) {
            plan.sections.push_back({std::string(Trim(line.substr(2))), {}});
            into = &plan.sections.back().markdown;
            continue;
        }
        *into += line;
        *into += '\n';
    }
    const size_t first = plan.intro.find_first_not_of(" \t\r\n");
    plan.intro =
        first == std::string::npos ? "" : plan.intro.substr(first, plan.intro.find_last_not_of(" \t\r\n") - first + 1);

    for (int s = 0; s < static_cast<int>(plan.sections.size()); ++s) {
        const auto tables = Tables(plan.sections[static_cast<size_t>(s)].markdown);
        for (int t = 0; t < static_cast<int>(tables.size()); ++t) {
            const Table& table = tables[static_cast<size_t>(t)];
            if (!plan.agenda_at && ReadAgenda(table, plan)) {
                plan.agenda_at = TablePlace{s, t};
                continue;
            }
            if (!plan.injects_at && (!plan.agenda_at || s > plan.agenda_at->section) && ReadInjects(table, plan))
                plan.injects_at = TablePlace{s, t};
        }
    }
    return plan;
}

}  // namespace fk::core
