// The read-only web reader that `fieldkit serve` offers the room: the installed library as
// small HTML pages for any browser, no JavaScript, nothing loaded from elsewhere, right to left
// in Arabic. Pure functions from the index and a request to a reply; no sockets, no clock.
//
// Pages: "/" (phases, audiences, start here), "/search?q=", "/a/ADDRESS" (an article),
// "/phase/KEY", "/audience/KEY", "/feedback" (the open workshop module's form) and
// "/feedback/thanks". Every page takes "lang=" (the reading and interface language; else the
// browser's Accept-Language, else English).
#pragma once

#include <string>
#include <string_view>

#include "kit/core/content_index.hpp"
#include "platform/http_server.hpp"

namespace fk::core {

struct WebRequest {
    std::string path;             // percent-decoded
    std::string query;            // raw
    std::string accept_language;  // the header's value
};

// The language a page speaks: "lang" in `query` when it is an interface language, else the
// first interface language `accept_language` names, else "en".
std::string PageLanguage(std::string_view query, std::string_view accept_language);

// The page for a GET or HEAD; a 404 page for an unknown path or article. `feedback_module` is
// the address of the workshop module open for feedback ("" when none). Speaks the page's
// language through i18n::ThreadLanguage: call it with none held on this thread.
platform::Reply WebPage(ContentIndex& index, const WebRequest& request, const std::string& feedback_module);

// What became of a feedback form, and the answer the browser gets: kStored redirects (303)
// to the thank-you page; the others are a page saying what went wrong.
enum class FeedbackOutcome { kStored, kInvalid, kClosed, kTooMany, kFailed };
platform::Reply FeedbackAnswer(FeedbackOutcome outcome, const std::string& lang);

}  // namespace fk::core
