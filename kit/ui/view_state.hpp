// What the draw functions may keep between frames: input buffers, focus requests, layout
// caches and the fonts. Visual state only; everything the reader would miss lives in Model.
#pragma once

#include <imgui.h>

#include <map>
#include <string>
#include <vector>

#include "kit/ui/actions.hpp"
#include "kit/ui/fonts.hpp"

namespace fk::ui {

struct ItemRect {
    ImVec2 min, max;
    ImVec2 Center() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

struct Palette {
    ImVec4 text, muted, link, accent, mark_bg, code_bg, quote_bar, error, ok;
};

struct ViewState {
    Fonts fonts;
    Fonts presenter_fonts;                                  // the presenter view's large text (empty unless presenting)
    PresenterRole presenter_role = PresenterRole::kSingle;  // set by the window for each frame it draws
    int share_choice = 0;                                   // index into Share().addresses
    int presenter_page_shown = -1;                          // the page last scrolled to its top
    Palette palette{};
    float scale = 1;  // content scale (monitor or --scale)

    std::string query;           // the search box
    bool search_active = false;  // the box had the keyboard last frame
    int shown_selection = -1;    // the hit last scrolled into view
    std::string import_path;     // the Library screen's file box
    std::string trust_path;      // the Library screen's key file box
    std::string paste_text;      // the Library screen's "Paste update" box
    int ask_above_mb = 0;        // the Settings screen's metered limit box
    bool ask_editing = false;    // ... had the keyboard last frame
    bool focus_search = false;   // put the keyboard in the search box next frame
    std::string note;            // the notes panel
    int note_article = -1;       // article generation the note buffer belongs to
    bool show_notes = false;
    // Passphrase boxes (wiped when their action is queued) and the wipe confirmation.
    std::string pass_current, pass_new, pass_again;
    bool confirm_wipe = false;
    // "Report a problem" on an article, and Settings' new-practice box.
    bool show_report = false;
    int report_kind = 0;  // index into the kinds the panel offers
    std::string report_note;
    std::string practice_note;

    // Article layout: heights of blocks measured at `layout_width`, to skip off-screen ones.
    int layout_article = -1;
    int layout_revision = -1;
    float layout_width = 0;
    float layout_font = 0;
    std::vector<float> block_heights;
    int scroll_to_top_for = -1;

    // Tests: rectangles of labelled widgets drawn this frame ("tab:Search", "task:3", "link:x.md").
    bool record_items = false;
    std::map<std::string, ItemRect> items;
    void Record(const std::string& label) {
        if (record_items && !items.count(label)) items[label] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    }
};

}  // namespace fk::ui
