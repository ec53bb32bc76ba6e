// Pieces of the presenter view shared by its files (draw_presenter*.cpp); DrawPresenter in
// screens.hpp is the entry point.
#pragma once

#include <cstdint>
#include <string>

#include "kit/ui/model.hpp"
#include "kit/ui/view_state.hpp"

namespace fk::ui {

// "12:05", or "1:02:05" past an hour; the sign is dropped (callers say "left" or "over").
std::string ClockText(std::int64_t ms);
// "{time} left" or "{time} over" for a countdown (negative: overrun).
std::string LeftOrOver(std::int64_t left_ms);

// The trainer's pane: never drawn in the projector's frame (draw_presenter_pane.cpp).
void DrawTrainerPane(const PresenterState& p, PresenterRole role, float width, ViewState& view);

// The live agenda (no trainer's column) and the injects revealed so far, in place of the
// article's tables (draw_presenter_tables.cpp). `header` is the article's header row.
void DrawAgendaTable(const PresenterState& p, const std::vector<Runs>& header, ViewState& view);
void DrawInjectsTable(const PresenterState& p, const std::vector<Runs>& header, ViewState& view);
// Any other table of a section, in the presenter's fonts.
void DrawPlainTable(const Block& b, size_t index, bool rtl, ViewState& view);

}  // namespace fk::ui
