// The web reader's pages (see web_reader.hpp). Everything from content, the index or the
// request is escaped where it is written; links are built from the index's own addresses.
#include "kit/core/web_reader.hpp"

#include <algorithm>
#include <cctype>

#include "kit/core/markdown_render.hpp"
#include "platform/http_request.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace {

// Small on purpose: the whole page must come over a 2G link. Logical margins, so right to
// left needs nothing more; print drops the navigation and keeps checklists' boxes.
constexpr std::string_view kStyle =
    "body{font:1rem/1.5 sans-serif;max-width:44em;margin:0 auto;padding:0 .8em;color:#111;background:#fff}"
    "a{color:#0645ad}header{display:flex;flex-wrap:wrap;gap:.4em .8em;align-items:center;padding:.5em 0;"
    "border-bottom:1px solid #ccc}header form{display:flex;flex:1 1 14em;gap:.3em}"
    "input,button,textarea{font:inherit}input[type=search]{flex:1;min-width:0;padding:.2em}"
    ".k{font-weight:bold;text-decoration:none;color:#111}ul.l{padding:0;list-style:none}ul.l li{margin:.7em 0}"
    ".m,.s{color:#555;font-size:.9em}mark{background:#fe6}pre,table{display:block;overflow-x:auto}"
    "img{max-width:100%}li.task-list-item{list-style:none}.n{background:#eef;padding:.5em}"
    "footer{border-top:1px solid #ccc;margin-top:2em;padding:.5em 0}footer a{margin-inline-end:.8em}"
    "textarea{width:100%;box-sizing:border-box}fieldset{border:0;padding:0}h1{font-size:1.6em;line-height:1.25}"
    "ul{padding-inline-start:1.3em}"
    "@media print{header,footer,.n,form{display:none}a{color:inherit;text-decoration:none}}";

bool IsLanguage(std::string_view code) {
    for (const auto& l : i18n::Languages())
        if (code == l.code) return true;
    return false;
}

std::string UrlEncode(std::string_view text, bool keep_slash) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || (keep_slash && c == '/')) {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

// What every page shares: its language, and how to ask for the same page in another.
struct Page {
    std::string lang;
    std::string path;
    platform::FormFields params;  // the query without "lang"

    std::string Url(std::string_view path_to, std::string_view lang_to = "") const {
        return UrlEncode(path_to, true) + "?lang=" + std::string(lang_to.empty() ? lang : lang_to);
    }
    std::string SameIn(std::string_view lang_to) const {
        std::string url = Url(path, lang_to);
        for (const auto& [name, value] : params) url += "&" + UrlEncode(name, false) + "=" + UrlEncode(value, false);
        return url;
    }
};

std::string Attr(std::string_view text) {
    return EscapeHtml(text);
}

// The whole document: head, the bar with the search form, `main`, and the language links.
std::string Document(const Page& page, std::string_view title, std::string_view main, std::string_view query = "") {
    std::string out = "<!doctype html><html lang=\"" + page.lang + "\"" +
                      (i18n::IsRightToLeft(page.lang) ? " dir=\"rtl\"" : "") +
                      "><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                      "<title>" +
                      EscapeHtml(title) + " - fieldkit</title><style>" + std::string(kStyle) +
                      "</style><header><a class=\"k\" href=\"" + page.Url("/") +
                      "\">fieldkit</a>"
                      "<form action=\"/search\" role=\"search\"><input type=\"search\" name=\"q\" value=\"" +
                      Attr(query) + "\" aria-label=\"" + Attr(tr("Search the kit")) + "\" placeholder=\"" +
                      Attr(tr("Search the kit")) + "\"><input type=\"hidden\" name=\"lang\" value=\"" + page.lang +
                      "\"><button>" + EscapeHtml(tr("Search")) + "</button></form></header><main>";
    out += main;
    out += "</main><footer>";
    for (const auto& l : i18n::Languages()) {
        if (page.lang == l.code)
            out += "<b lang=\"" + std::string(l.code) + "\">" + l.native_name + "</b> ";
        else
            out += "<a lang=\"" + std::string(l.code) + "\" hreflang=\"" + l.code + "\" href=\"" +
                   EscapeHtml(page.SameIn(l.code)) + "\">" + l.native_name + "</a>";
    }
    return out + "</footer></html>\n";
}

platform::Reply HtmlReply(int status, std::string body) {
    const char* reason = status == 200   ? "OK"
                         : status == 400 ? "Bad Request"
                         : status == 404 ? "Not Found"
                         : status == 409 ? "Conflict"
                         : status == 429 ? "Too Many Requests"
                                         : "Service Unavailable";
    platform::Reply r;
    r.status = status;
    r.reason = reason;
    r.body = std::move(body);
    r.content_type = "text/html; charset=utf-8";
    return r;
}

platform::Reply Message(const Page& page, int status, std::string_view title, std::string_view text) {
    return HtmlReply(status, Document(page, title,
                                      "<h1>" + EscapeHtml(title) + "</h1><p>" + EscapeHtml(text) + "</p><p><a href=\"" +
                                          page.Url("/") + "\">" + EscapeHtml(tr("Home")) + "</a></p>"));
}

platform::Reply NotFound(const Page& page) {
    // TRANSLATORS: the web reader's page for an address it does not have.
    return Message(page, 404, tr("Not found"), tr("There is no such page or article in this kit."));
}

// The matched words of a snippet as <mark>, the rest escaped.
std::string SnippetHtml(std::string_view snippet) {
    std::string out;
    bool open = false;
    for (char c : snippet) {
        if (c == kMarkOpen && !open) {
            out += "<mark>";
            open = true;
        } else if (c == kMarkClose && open) {
            out += "</mark>";
            open = false;
        } else if (c != kMarkOpen && c != kMarkClose) {
            out += EscapeHtml(std::string_view(&c, 1));
        }
    }
    return open ? out + "</mark>" : out;
}

// ` lang="xx" dir="..."` for text in language `lang`.
std::string LangDir(std::string_view lang) {
    return " lang=\"" + Attr(lang) + "\" dir=\"" + (i18n::IsRightToLeft(lang) ? "rtl" : "ltr") + "\"";
}

std::string ArticleItem(const Page& page, const ArticleSummary& a, const bundle::Taxonomy& labels,
                        std::string_view snippet_html) {
    // A hit in another language is marked so, and set in its own direction.
    const std::string own = a.lang == page.lang ? std::string() : LangDir(a.lang);
    std::string out = "<li><a href=\"" + EscapeHtml(page.Url("/a/" + a.address)) + "\"" + own + ">" +
                      EscapeHtml(a.title) + "</a> <span class=\"m\">" +
                      EscapeHtml(bundle::LabelOf(labels.types, a.type));
    if (a.lang != page.lang) out += ", " + EscapeHtml(LanguageName(a.lang));
    out += "</span>";
    if (!snippet_html.empty()) out += "<br><span class=\"s\"" + own + ">" + std::string(snippet_html) + "</span>";
    return out + "</li>";
}

// The module's title in the page's language if it has one, as <tag lang dir>title</tag>.
std::string ModuleTitleHtml(const Page& page, ContentIndex& index, const std::string& module, const char* tag) {
    auto view = index.Get(module, page.lang);
    const std::string lang = view ? view->article.lang : "en";
    return std::string("<") + tag + LangDir(lang) + ">" + EscapeHtml(view ? view->article.title : module) + "</" + tag +
           ">";
}

std::string FeedbackNote(const Page& page, ContentIndex& index, const std::string& module) {
    if (module.empty()) return "";
    // The title keeps its own direction inside the sentence (an English title in Arabic).
    const std::string title = ModuleTitleHtml(page, index, module, "bdi");
    return "<p class=\"n\"><a href=\"" + page.Url("/feedback") + "\">" +
           Format(EscapeHtml(tr("Give feedback on the workshop module {title}")), {{"title", title}}) + "</a></p>";
}

platform::Reply Home(const Page& page, ContentIndex& index, const std::string& module) {
    const bundle::Taxonomy t = bundle::InLanguage(index.Taxonomy(), page.lang);
    std::string main = FeedbackNote(page, index, module);
    main += "<h2>" + EscapeHtml(tr("Where are you in the crisis?")) + "</h2><ul class=\"l\">";
    for (const auto& [key, meaning] : t.phases)
        main += "<li><a href=\"" + EscapeHtml(page.Url("/phase/" + key)) + "\">" +
                EscapeHtml(bundle::LabelOf(t.phase_names, key)) + "</a><br><span class=\"s\">" + EscapeHtml(meaning) +
                "</span></li>";
    main += "</ul><h2>" + EscapeHtml(tr("I am")) + "</h2><ul>";
    for (const auto& [key, label] : t.audiences)
        main += "<li><a href=\"" + EscapeHtml(page.Url("/audience/" + key)) + "\">" + EscapeHtml(label) + "</a></li>";
    main += "</ul>";
    Filters f;
    f.lang = page.lang;
    std::string start;
    for (const auto& s : index.List(f))
        if (s.id.starts_with("start-here")) start += ArticleItem(page, s, t, "");
    if (!start.empty()) main += "<h2>" + EscapeHtml(tr("Start here")) + "</h2><ul class=\"l\">" + start + "</ul>";
    return HtmlReply(200, Document(page, "fieldkit", main));
}

// The articles of one phase or audience, grouped by type in the pack's order of types.
platform::Reply Facet(const Page& page, ContentIndex& index, bool phase, const std::string& key) {
    const bundle::Taxonomy t = bundle::InLanguage(index.Taxonomy(), page.lang);
    if (!bundle::HasLabel(phase ? t.phases : t.audiences, key)) return NotFound(page);
    Filters f;
    (phase ? f.phase : f.audience) = key;
    f.lang = page.lang;
    const auto list = index.List(f);
    const std::string title = bundle::LabelOf(phase ? t.phase_names : t.audiences, key);
    std::string main = "<h1>" + EscapeHtml(title) + "</h1>";
    if (phase) main += "<p>" + EscapeHtml(bundle::LabelOf(t.phases, key)) + "</p>";
    for (const auto& [type, type_label] : t.types) {
        std::string items;
        for (const auto& a : list)
            if (a.type == type) items += ArticleItem(page, a, t, "");
        if (!items.empty()) main += "<h2>" + EscapeHtml(type_label) + "</h2><ul class=\"l\">" + items + "</ul>";
    }
    return HtmlReply(200, Document(page, title, main));
}

platform::Reply SearchPage(const Page& page, ContentIndex& index, const std::string& query) {
    const bundle::Taxonomy t = bundle::InLanguage(index.Taxonomy(), page.lang);
    if (query.find_first_not_of(" \t\r\n") == std::string::npos)
        return HtmlReply(200, Document(page, tr("Search"), ""));
    Filters f;
    f.reader_lang = page.lang;
    // As `fieldkit search`: the last word is complete (no prefix matching while typing).
    const SearchResults r = index.Search(query + " ", f, 20);
    std::string main;
    if (!r.corrected_query.empty())
        main += "<p>" + EscapeHtml(Format(tr("Showing results for: {query}"), {{"query", r.corrected_query}})) + "</p>";
    if (r.hits.empty())
        main += "<p>" + EscapeHtml(Format(tr("No articles match '{query}'."), {{"query", query}})) + "</p>";
    const std::string also_in = AlsoInLine(r);
    main += "<ul class=\"l\">";
    for (size_t i = 0; i < r.hits.size(); ++i) {
        const auto& a = r.hits[i].article;
        if (a.lang != r.reader_lang && (i == 0 || r.hits[i - 1].article.lang == r.reader_lang)) {
            std::string line = also_in;
            if (i == 0)
                line = Format(tr("Nothing in {language}."), {{"language", LanguageName(r.reader_lang)}}) + " " + line;
            main += "</ul><p>" + EscapeHtml(line) + "</p><ul class=\"l\">";
        }
        main += ArticleItem(page, a, t, SnippetHtml(r.hits[i].snippet));
    }
    main += "</ul>";
    return HtmlReply(200, Document(page, query, main, query));
}

platform::Reply ArticlePage(const Page& page, ContentIndex& index, const std::string& address,
                            const std::string& module) {
    if (address.empty() || address.size() > 200) return NotFound(page);
    auto view = index.Get(address, page.lang);
    if (!view) return NotFound(page);
    const bundle::Taxonomy t = bundle::InLanguage(index.Taxonomy(), page.lang);
    const bundle::Article& a = view->article;
    std::string phases, audiences;
    for (const auto& p : a.phases)
        phases += " · <a href=\"" + EscapeHtml(page.Url("/phase/" + p)) + "\">" +
                  EscapeHtml(bundle::LabelOf(t.phase_names, p)) + "</a>";
    for (const auto& au : a.audiences)
        audiences += (audiences.empty() ? "" : ", ") + std::string("<a href=\"") +
                     EscapeHtml(page.Url("/audience/" + au)) + "\">" + EscapeHtml(bundle::LabelOf(t.audiences, au)) +
                     "</a>";
    std::string main = view->address == module ? FeedbackNote(page, index, module) : "";
    // The lines around the article speak the page's language, also inside an article in another.
    const std::string ui = a.lang == page.lang ? std::string() : LangDir(page.lang);
    if (a.lang != page.lang)
        main += "<p class=\"n\">" +
                EscapeHtml(Format(tr("This article is not in {language} yet: here it is in {shown}."),
                                  {{"language", LanguageName(page.lang)}, {"shown", LanguageName(a.lang)}})) +
                "</p>";
    if (view->TranslationIsOlder()) main += "<p class=\"n\">" + EscapeHtml(OlderTranslationNote(*view)) + "</p>";
    main += "<article" + LangDir(a.lang) + "><h1>" + EscapeHtml(a.title) + "</h1><p><em>" + EscapeHtml(a.summary) +
            "</em></p>";
    main += "<p class=\"m\"" + ui + ">" + EscapeHtml(bundle::LabelOf(t.types, a.type)) + phases + "<br>" +
            Format(EscapeHtml(tr("for {audiences}")), {{"audiences", audiences}}) + " · " +
            EscapeHtml(Format(tr("updated {date}"), {{"date", a.updated}})) + "</p>";
    main += RenderHtmlBody(a, [&](std::string_view id) {
        return page.Url("/a/" + index.Resolve(id, view->pack).value_or(std::string(id)));
    });
    if (!a.sources.empty()) {
        main += "<h2" + ui + ">" + EscapeHtml(tr("Sources")) + "</h2><ul>";
        for (const auto& s : a.sources) {
            main += "<li>" + EscapeHtml(s.title) + ". " + EscapeHtml(s.publisher) + ", " + std::to_string(s.year);
            if (IsSafeExportUrl(s.url) && !s.url.starts_with("#"))
                main += ". <a href=\"" + Attr(s.url) + "\">" + EscapeHtml(s.url) + "</a>";
            else if (!s.url.empty())
                main += ". " + EscapeHtml(s.url);
            main += "</li>";
        }
        main += "</ul>";
    }
    main += "</article>";
    return HtmlReply(200, Document(page, a.title, main));
}

platform::Reply FeedbackForm(const Page& page, ContentIndex& index, const std::string& module) {
    if (module.empty())
        return Message(page, 404, tr("Workshop feedback"),
                       // TRANSLATORS: the web reader's page when the trainer has no feedback form open.
                       tr("The trainer has no feedback form open now."));
    std::string main =
        "<h1>" + EscapeHtml(tr("Workshop feedback")) + "</h1>" + ModuleTitleHtml(page, index, module, "h2") +
        "<form method=\"post\" action=\"/feedback\"><input type=\"hidden\" name=\"module\" value=\"" + Attr(module) +
        "\"><input type=\"hidden\" name=\"lang\" value=\"" + page.lang + "\"><fieldset><legend>" +
        // TRANSLATORS: above the five choices 1 to 5 of the workshop feedback form.
        EscapeHtml(tr("How useful was this module? (1 = not at all, 5 = very)")) + "</legend>";
    for (char r = '1'; r <= '5'; ++r)
        main += std::string("<label><input type=\"radio\" name=\"rating\" value=\"") + r + "\" required> " + r +
                "</label> ";
    main += "</fieldset><p><label>" + EscapeHtml(tr("What worked?")) +
            "<br><textarea name=\"worked\" rows=\"4\" maxlength=\"2000\"></textarea></label></p><p><label>" +
            EscapeHtml(tr("What should change?")) +
            "<br><textarea name=\"change\" rows=\"4\" maxlength=\"2000\"></textarea></label></p><p><button>" +
            EscapeHtml(tr("Send")) + "</button></p><p class=\"m\">" +
            EscapeHtml(tr("Kept on the trainer's computer without your name, address or the time of day.")) +
            "</p></form>";
    return HtmlReply(200, Document(page, tr("Workshop feedback"), main));
}

Page PageOf(const WebRequest& request) {
    Page page;
    page.lang = PageLanguage(request.query, request.accept_language);
    page.path = request.path;
    if (auto fields = platform::ParseForm(request.query))
        for (auto& f : *fields)
            if (f.first != "lang") page.params.push_back(std::move(f));
    return page;
}

}  // namespace

std::string PageLanguage(std::string_view query, std::string_view accept_language) {
    if (auto fields = platform::ParseForm(query)) {
        const std::string lang = platform::FormValue(*fields, "lang");
        if (IsLanguage(lang)) return lang;
    }
    // "fr-CH, fr;q=0.9, en;q=0.8": the first listed that we speak (weights are not weighed).
    while (!accept_language.empty()) {
        const size_t comma = accept_language.find(',');
        std::string_view item = accept_language.substr(0, comma);
        accept_language = comma == std::string_view::npos ? std::string_view() : accept_language.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        std::string code(item.substr(0, std::min(item.find_first_of("-_; "), item.size())));
        std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::tolower(c); });
        if (IsLanguage(code)) return code;
    }
    return "en";
}

platform::Reply WebPage(ContentIndex& index, const WebRequest& request, const std::string& feedback_module) {
    const Page page = PageOf(request);
    i18n::ThreadLanguage speak(page.lang);
    const std::string& path = request.path;
    if (path == "/") return Home(page, index, feedback_module);
    if (path == "/search") {
        auto fields = platform::ParseForm(request.query);
        return SearchPage(page, index, fields ? platform::FormValue(*fields, "q") : "");
    }
    if (path.starts_with("/a/")) return ArticlePage(page, index, path.substr(3), feedback_module);
    if (path.starts_with("/phase/")) return Facet(page, index, true, path.substr(7));
    if (path.starts_with("/audience/")) return Facet(page, index, false, path.substr(10));
    if (path == "/feedback") return FeedbackForm(page, index, feedback_module);
    if (path == "/feedback/thanks")
        return Message(page, 200, tr("Workshop feedback"), tr("Thank you. The trainer will read your answers."));
    return NotFound(page);
}

platform::Reply FeedbackAnswer(FeedbackOutcome outcome, const std::string& lang) {
    Page page;
    page.lang = IsLanguage(lang) ? lang : "en";
    page.path = "/feedback";
    if (outcome == FeedbackOutcome::kStored) {
        platform::Reply r;
        r.status = 303;
        r.reason = "See Other";
        r.location = page.Url("/feedback/thanks");
        return r;
    }
    i18n::ThreadLanguage speak(page.lang);
    const char* title = tr("Workshop feedback");
    switch (outcome) {
        case FeedbackOutcome::kInvalid:
            return Message(page, 400, title,
                           tr("The form was not complete: choose a number from 1 to 5 and send it again."));
        case FeedbackOutcome::kClosed:
            return Message(page, 409, title, tr("The trainer has no feedback form open now."));
        case FeedbackOutcome::kTooMany:
            return Message(page, 429, title, tr("Too many answers from this device. Try again in a minute."));
        default:
            return Message(page, 503, title, tr("Your answers could not be stored. Please tell the trainer."));
    }
}

}  // namespace fk::core
