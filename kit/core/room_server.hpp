// Sharing the kit with a room: one server on one port that offers the installed releases as a
// mirror (other kits sync from it), the read-only web reader (any browser reads from it), and,
// when asked, the field report inbox and a workshop module's feedback form. `fieldkit serve`
// runs one until stopped; the window can start and stop one the same way.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "kit/core/library.hpp"
#include "kit/core/report_inbox.hpp"
#include "kit/core/workshop_feedback.hpp"
#include "platform/http_server.hpp"

namespace fk::core {

struct RoomOptions {
    std::string bind = "127.0.0.1:8765";  // "ADDR:PORT"; port 0 picks a free one
    platform::ServerLimits limits;
    std::filesystem::path inbox;  // field reports (POST /inbox) are stored here; empty: none taken
    // The mirror files to offer instead of the library's own (`serve --dir`: a trainer's
    // published pack); name -> file, names as a mirror uses them.
    std::optional<std::map<std::string, std::filesystem::path>> mirror_files;
    // One line for the console about what happened ("inbox: stored a field report"); `problem`
    // for refusals and failures. Called on connection threads; never given a peer's address.
    std::function<void(const std::string& line, bool problem)> on_event;
};

class RoomServer {
public:
    // Serves what `library` has installed now (its mirror files and its search index); the
    // feedback store is feedback.sqlite in its data directory. Errors: MirrorFiles' errors,
    // kUsage (bad bind address), kIo (cannot listen, cannot create the inbox directory).
    static Result<std::unique_ptr<RoomServer>> Start(const Library& library, RoomOptions options);
    ~RoomServer();
    RoomServer(const RoomServer&) = delete;
    RoomServer& operator=(const RoomServer&) = delete;

    std::string Address() const;  // as bound, e.g. "127.0.0.1:8765"
    size_t FileCount() const { return m_files.size(); }
    bool HasReleaseList() const { return m_files.count("release.json") > 0; }
    void Stop();  // stops accepting and waits for open connections; idempotent

    // Opens the feedback form for the workshop module at `address` (any address that names an
    // article; the article's own address is kept). Errors: kNotFound, and the store's errors.
    Status OpenFeedback(const std::string& address);
    void CloseFeedback();
    std::string FeedbackModule() const;  // "" when no form is open

private:
    RoomServer(const Library& library, RoomOptions options, std::map<std::string, std::filesystem::path> files);
    std::optional<platform::Reply> Page(const platform::PageRequest& request);
    platform::Reply Post(const std::string& name, const std::string& body, const std::string& peer);
    platform::Reply InboxPost(const std::string& body, const std::string& peer);
    platform::Reply FeedbackPost(const std::string& body, const std::string& peer);
    void Event(const std::string& line, bool problem) const;
    std::filesystem::path IndexPath() const;

    std::filesystem::path m_data_dir;
    RoomOptions m_options;
    std::map<std::string, std::filesystem::path> m_files;
    InboxRateLimit m_inbox_rate{20, 20};
    InboxRateLimit m_feedback_rate{5, 5};
    mutable std::mutex m_mutex;  // guards the three below
    std::filesystem::path m_index_path;  // as the library's state file last named it
    std::string m_module;
    std::unique_ptr<FeedbackStore> m_store;
    std::unique_ptr<platform::FileServer> m_server;
};

}  // namespace fk::core
