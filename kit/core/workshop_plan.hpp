// A workshop article read as a plan for the presenter view: its H2 sections, the agenda
// (minutes per block, the trainer's notes) and the scenario's injects. Structure is found by
// shape, not by heading words, so translated articles read the same way. No ImGui here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fk::core {

struct PlanSection {
    std::string title;     // the H2 heading as written
    std::string markdown;  // its body, without the heading line
};

struct AgendaBlock {
    int minutes = 0;
    std::string name;   // the block column, plain text
    std::string notes;  // the trainer's column (the last of three or more), plain text; may be empty
};

struct Inject {
    std::string time;    // the first cell as written ("9 min"), plain text
    int minute = 0;      // the first number in it
    std::string what;    // what happens
    std::string decide;  // what groups must decide (third column); may be empty
};

// Where a table sits: the section (index into `sections`) and its order among the tables there.
struct TablePlace {
    int section = -1;
    int table = -1;
};

struct WorkshopPlan {
    std::string intro;  // the text before the first H2 (in these articles, a brief for the trainer)
    std::vector<PlanSection> sections;
    std::vector<AgendaBlock> agenda;
    int total_minutes = 0;  // the agenda's bold total row, else the sum of its blocks
    int agenda_sum = 0;     // the sum of the blocks (differs from the total when the article is wrong)
    std::optional<TablePlace> agenda_at;
    std::vector<Inject> injects;
    std::optional<TablePlace> injects_at;
};

// Reads an article body. Never fails: a body without an agenda or injects gives a plan
// with sections only.
//
// The agenda is the first table with two or more columns and two or more rows whose first
// cells are all whole numbers (ASCII or Arabic-Indic digits, bold allowed); a bold last row, or
// one equal to the sum of the others, is the total. The injects are the first table after the
// agenda's section whose rows (two or more) all have a number in their first cell, never going
// down: times into the exercise, revealed one at a time.
WorkshopPlan ReadWorkshopPlan(std::string_view markdown);

// The first number in `text` (ASCII, Arabic-Indic or Extended Arabic-Indic digits), if any.
std::optional<int> FirstNumber(std::string_view text);

// A table cell's Markdown as plain text: emphasis markers dropped, links reduced to their text.
std::string PlainCell(std::string_view cell);

}  // namespace fk::core
