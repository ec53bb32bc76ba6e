// The presenter view's state in the model: the workshop article read as a plan, its session
// (page, clocks, injects), each section parsed for drawing, and the trainer's notes toggle.
#pragma once

#include <string>
#include <vector>

#include "kit/core/workshop_session.hpp"
#include "kit/ui/markdown_blocks.hpp"

namespace fk::ui {

struct PresenterState {
    PresenterState(core::WorkshopPlan p, core::MonotonicMs clock)
        : plan(std::move(p)), session(plan, std::move(clock)) {}

    std::string address;  // the article presented (Esc returns to it)
    std::string title, summary;
    bool rtl = false;             // the article reads right to left
    bool needs_cyrillic = false;  // scripts its text (or the interface) uses: glyphs the big fonts carry
    bool needs_arabic = false;
    core::WorkshopPlan plan;
    core::WorkshopSession session;
    std::vector<std::vector<Block>> sections;  // plan.sections parsed, in the same order
    bool show_notes = false;                   // one screen: the trainer's pane, hidden until asked for (N)
};

}  // namespace fk::ui
