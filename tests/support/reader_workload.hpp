// The writes of the note and checklist kill trials, shared by the child that makes them
// (tests/support/reader_writer.cpp) and the test that checks what survived a kill -9
// (tests/integration/reader_kill_test.cpp). Write number g goes to slot g % slots, so the
// same notes and ticks are overwritten again and again and the check stays small.
#pragma once

#include <cstdint>
#include <string>

namespace fk::test::workload {

inline constexpr long kNoteSlots = 16;
inline constexpr long kTickSlots = 64;

inline std::string NoteArticle(long g) {
    return "article-" + std::to_string(g % kNoteSlots);
}

// From a few bytes to 40 KB, so a save may span many pages; every 11th write deletes the note.
inline std::string NoteText(long g) {
    if (g % 11 == 10) return "";
    std::string text = "note " + std::to_string(g) + ": Київ ✓\n";
    const std::uint64_t size = static_cast<std::uint64_t>(g) * 2654435761u % 40000;
    while (text.size() < size) text += "line " + std::to_string(text.size()) + " of note " + std::to_string(g) + "\n";
    return text;
}

inline std::string TickArticle(long g) {
    return "checklist-" + std::to_string(g % kTickSlots / 16);
}
inline std::string TickKey(long g) {
    return "task-" + std::to_string(g % 16);
}
// Each pass over the slots ticks them all, the next one clears them all.
inline bool TickOn(long g) {
    return g / kTickSlots % 2 == 0;
}

}  // namespace fk::test::workload
