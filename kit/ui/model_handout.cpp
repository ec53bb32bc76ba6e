// "Print handout": the open article as a printable HTML file in the reader's documents folder,
// under a name no other file has; the status line says where it went.
#include <chrono>

#include "bundle/manifest.hpp"
#include "kit/core/handout.hpp"
#include "kit/ui/model.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/paths.hpp"

namespace fk::ui {

void Model::PrintHandout() {
    if (!m_article || !m_index) return;
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const std::string today =
        bundle::IsoTime(std::chrono::duration_cast<std::chrono::seconds>(now).count()).substr(0, 10);
    const auto& view = m_article->view;
    auto handout = core::CollectHandout(*m_index, m_library->State().packs, {view.address}, view.article.lang, today);
    if (!handout) return SetMessage(handout.error().detail, true);
    // TRANSLATORS: names the file in an error message: "handout 'x.html': no space left".
    const char* role = tr("handout");
    auto path = platform::WriteFileUnderFreeName(platform::DocumentsDir(), core::HandoutFileStem(*handout), ".html",
                                                 core::HandoutHtml(*handout), role);
    if (!path) return SetMessage(path.error().detail, true);
    // TRANSLATORS: the status line after "Print handout"; {path} is the file written. The
    // reader opens it in a browser to print it.
    const char* saved = tr("Handout saved to {path}: open it in a browser to print it.");
    SetMessage(Format(saved, {{"path", path->string()}}), false);
}

}  // namespace fk::ui
