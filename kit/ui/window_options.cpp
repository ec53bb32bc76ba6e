// Parsing of the window's options (see window_options.hpp).
#include "kit/ui/window_options.hpp"

#include <cstdio>

#include "platform/i18n.hpp"

namespace fk::ui {

std::optional<std::string> ParseWindowOptions(const std::vector<std::string>& args, WindowOptions& o) {
    // The option names and their values (home, dark, FILE.png...) stay as typed; only the sentences around
    // them are translated.
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) -> bool {
            if (i + 1 >= args.size()) return false;
            into = args[++i];
            return true;
        };
        std::string v;
        if (a == "--screenshot") {
            if (!value(o.screenshot) || o.screenshot.empty())
                // TRANSLATORS: --screenshot is an option name and FILE.png a placeholder; keep both.
                return tr("--screenshot needs a file name (FILE.png)");
        } else if (a == "--open") {
            if (!value(o.open_id)) return tr("--open needs an article id");
        } else if (a == "--search") {
            if (!value(o.search)) return tr("--search needs a query");
        } else if (a == "--screen") {
            if (!value(o.screen) || (o.screen != "home" && o.screen != "library" && o.screen != "settings"))
                // TRANSLATORS: home, library and settings are values typed after --screen; keep them.
                return tr("--screen must be home, library or settings");
        } else if (a == "--size") {
            if (!value(v) || std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 200 ||
                o.height < 150 || o.width > 16384 || o.height > 16384)
                return tr("--size needs WIDTHxHEIGHT, for example 1280x800");
        } else if (a == "--theme") {
            if (!value(o.theme) || (o.theme != "dark" && o.theme != "light" && o.theme != "high-contrast"))
                // TRANSLATORS: dark, light and high-contrast are values typed after --theme; keep them.
                return tr("--theme must be dark, light or high-contrast");
        } else if (a == "--scale") {
            if (!value(v) || std::sscanf(v.c_str(), "%f", &o.scale) != 1 || o.scale < 0.5f || o.scale > 4)
                return tr("--scale needs a number from 0.5 to 4");
        } else if (a == "--present") {
            if (!value(o.present) || o.present.empty()) return tr("--present needs the id of a workshop article");
        } else if (a == "--page" || a == "--reveal") {
            int& n = a == "--page" ? o.page : o.reveal;
            if (!value(v) || std::sscanf(v.c_str(), "%d", &n) != 1 || n < 0 || n > 1000)
                return Format(tr("{option} needs a number from 0 to 1000"), {{"option", a}});
        } else if (a == "--notes") {
            o.notes = true;
        } else if (a == "--share") {
            if (!value(o.share) || o.share.empty())
                return tr("--share needs one of this computer's addresses, for example 192.168.8.20");
        } else if (a == "--feedback") {
            o.feedback = true;
        } else {
            return Format(tr("unknown window option '{option}' (see fieldkit --help)"), {{"option", a}});
        }
    }
    if (o.screenshot.empty() &&
        (!o.open_id.empty() || !o.search.empty() || !o.screen.empty() || o.width || !o.theme.empty() || o.scale))
        return tr("--open, --search, --screen, --size, --theme and --scale go with --screenshot FILE.png");
    if (o.screenshot.empty() && (o.page || o.reveal || o.notes))
        return tr("--page, --reveal and --notes go with --screenshot FILE.png");
    if (o.present.empty() && (o.page || o.reveal || o.notes))
        return tr("--page, --reveal and --notes go with --present ID");
    if (o.present.empty() && o.feedback) return tr("--feedback goes with --present ID");
    return std::nullopt;
}

}  // namespace fk::ui
