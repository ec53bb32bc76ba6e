// "Paste update" in words: one line per update found in the pasted text or waiting in the data
// folder, each damaged part, and what the button does. Pure; no I/O.
#pragma once

#include <string>
#include <vector>

#include "kit/ui/model.hpp"

namespace fk::ui {

struct PasteLine {
    enum Kind { kReady, kWaiting, kInstalled, kError } kind;
    std::string text;
};

struct PasteLines {
    std::vector<PasteLine> lines;
    std::string button;  // "Install update", "Keep these parts", "" (nothing to do)
};

PasteLines DescribePaste(const PasteState& paste);

}  // namespace fk::ui
