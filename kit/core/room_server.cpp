// The room's server: mirror files, web reader, inbox and workshop feedback on one port.
#include "kit/core/room_server.hpp"

#include <chrono>
#include <ctime>

#include "kit/core/content_index.hpp"
#include "kit/core/mirror_export.hpp"
#include "kit/core/web_reader.hpp"
#include "platform/files.hpp"
#include "platform/http_request.hpp"
#include "platform/i18n.hpp"
#include "platform/utc_time.hpp"

namespace fk::core {
namespace {

double Now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Today in UTC: the only time a feedback answer keeps.
std::string Today() {
    const std::time_t t = std::time(nullptr);
    const std::tm tm = platform::UtcTime(t);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    return day;
}

platform::Reply Plain(int status, const char* reason, std::string body = "") {
    platform::Reply r;
    r.status = status;
    r.reason = reason;
    r.body = std::move(body);
    return r;
}

}  // namespace

Result<std::unique_ptr<RoomServer>> RoomServer::Start(const Library& library, RoomOptions options) {
    auto files = options.mirror_files ? Result(*options.mirror_files) : MirrorFiles(library);
    if (!files) return files.error();
    if (!options.inbox.empty())
        if (auto st = platform::MakeDirs(options.inbox, "inbox directory"); !st) return st.error();
    std::unique_ptr<RoomServer> room(new RoomServer(library, std::move(options), std::move(*files)));
    RoomServer* self = room.get();
    auto server = platform::FileServer::Start(
        self->m_options.bind,
        [self](const std::string& name) -> std::optional<std::filesystem::path> {
            auto it = self->m_files.find(name);
            if (it == self->m_files.end()) return std::nullopt;
            return it->second;
        },
        self->m_options.limits,
        [self](const std::string& name, const std::string& body, const std::string& peer) {
            return self->Post(name, body, peer);
        },
        [self](const platform::PageRequest& request) { return self->Page(request); });
    if (!server) return server.error();
    room->m_server = std::move(*server);
    return room;
}

RoomServer::RoomServer(const Library& library, RoomOptions options, std::map<std::string, std::filesystem::path> files)
    : m_data_dir(library.DataDir()),
      m_options(std::move(options)),
      m_files(std::move(files)),
      m_index_path(library.IndexPath()) {}

RoomServer::~RoomServer() {
    Stop();
}

std::string RoomServer::Address() const {
    return m_server ? m_server->Address() : "";
}

void RoomServer::Stop() {
    if (m_server) m_server->Stop();
}

std::filesystem::path RoomServer::IndexPath() const {
    std::lock_guard lock(m_mutex);
    return m_index_path;
}

Status RoomServer::OpenFeedback(const std::string& address) {
    auto index = ContentIndex::Open(IndexPath());
    if (!index) return index.error();
    auto resolved = index->Resolve(address);
    if (!resolved)
        return MakeError(ErrorCode::kNotFound,
                         Format(tr("no article '{id}' (try fieldkit search)"), {{"id", address}}));
    std::lock_guard lock(m_mutex);
    if (!m_store) {
        auto store = FeedbackStore::Open(m_data_dir);
        if (!store) return store.error();
        m_store = std::move(*store);
    }
    m_module = *resolved;
    return Ok{};
}

void RoomServer::CloseFeedback() {
    std::lock_guard lock(m_mutex);
    m_module.clear();
}

std::string RoomServer::FeedbackModule() const {
    std::lock_guard lock(m_mutex);
    return m_module;
}

void RoomServer::Event(const std::string& line, bool problem) const {
    if (m_options.on_event) m_options.on_event(line, problem);
}

// Each request opens its own read-only connection to the index: connection threads never share
// one. An update installed by another process (`fieldkit sync`) replaces the index file: the
// library's state file then names the new one.
std::optional<platform::Reply> RoomServer::Page(const platform::PageRequest& request) {
    auto index = ContentIndex::Open(IndexPath());
    if (!index) {
        auto state = LoadLibraryState(Library::StateFile(m_data_dir));
        if (!state || state->index_file.empty()) return Plain(503, "Service Unavailable");
        {
            std::lock_guard lock(m_mutex);
            m_index_path = m_data_dir / state->index_file;
        }
        index = ContentIndex::Open(IndexPath());
        if (!index) return Plain(503, "Service Unavailable");
    }
    return WebPage(*index, {request.path, request.query, request.accept_language}, FeedbackModule());
}

platform::Reply RoomServer::Post(const std::string& name, const std::string& body, const std::string& peer) {
    if (name == "inbox" && !m_options.inbox.empty()) return InboxPost(body, peer);
    if (name == "feedback") return FeedbackPost(body, peer);
    return Plain(404, "Not Found", "");
}

// A field report: rate-capped per address, verified, then stored under a name made from the
// report's key and id. The address is used for the rate cap only, never printed or stored.
platform::Reply RoomServer::InboxPost(const std::string& body, const std::string& peer) {
    if (!m_inbox_rate.Allow(peer, Now())) {
        Event("inbox: " + std::string(tr("too many reports from one address; refused for now")), true);
        return Plain(429, "Too Many Requests", "");
    }
    auto r = AcceptReport(body, m_options.inbox);
    if (!r) {
        const bool ours = r.error().code == ErrorCode::kIo || r.error().code == ErrorCode::kNoSpace;
        Event("inbox: " + (ours ? Format(tr("could not store a report: {error}"), {{"error", r.error().detail}})
                                : Format(tr("refused a report: {error}"), {{"error", r.error().detail}})),
              true);
        if (ours) return Plain(503, "Service Unavailable", "");
        return Plain(400, "Bad Request", "400 not a valid field report\n");
    }
    if (*r == Accepted::kDuplicate) {
        Event("inbox: " + std::string(tr("already had that report (sent again)")), false);
        return Plain(200, "OK", "200 already have it\n");
    }
    Event("inbox: " + std::string(tr("stored a field report")), false);
    return Plain(201, "Created", "201 stored\n");
}

// A workshop feedback form: only for the module open now, rate-capped per address, stored
// with the day alone.
platform::Reply RoomServer::FeedbackPost(const std::string& body, const std::string& peer) {
    std::string lang = "en";
    if (auto fields = platform::ParseForm(body, 16)) lang = platform::FormValue(*fields, "lang");
    auto entry = ParseFeedbackForm(body);
    std::lock_guard lock(m_mutex);
    if (m_module.empty() || !m_store) return FeedbackAnswer(FeedbackOutcome::kClosed, lang);
    if (!entry) return FeedbackAnswer(FeedbackOutcome::kInvalid, lang);
    if (entry->module != m_module) return FeedbackAnswer(FeedbackOutcome::kClosed, lang);
    if (!m_feedback_rate.Allow(peer, Now())) return FeedbackAnswer(FeedbackOutcome::kTooMany, lang);
    entry->day = Today();
    if (auto st = m_store->Add(*entry); !st) {
        Event("feedback: " + st.error().detail, true);
        return FeedbackAnswer(FeedbackOutcome::kFailed, lang);
    }
    Event("feedback: " + Format(tr("stored an answer about {module}"), {{"module", m_module}}), false);
    return FeedbackAnswer(FeedbackOutcome::kStored, lang);
}

}  // namespace fk::core
