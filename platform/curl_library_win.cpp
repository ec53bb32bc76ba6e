// LoadCurl on Windows: the kit links a static libcurl (Schannel for TLS, nothing else to
// load), so the table is bound to the linked functions; only the global initialisation is
// left for the first transfer.
#include "platform/curl_library.hpp"
#include "platform/i18n.hpp"

namespace fk::platform {
namespace {

Result<const CurlLibrary*> Open() {
    static const CurlLibrary lib{curl_global_init,  curl_easy_init,      curl_easy_cleanup, curl_easy_setopt,
                                 curl_easy_getinfo, curl_easy_perform,   curl_easy_header,  curl_easy_strerror,
                                 curl_slist_append, curl_slist_free_all, curl_url,          curl_url_set,
                                 curl_url_get,      curl_url_cleanup,    curl_free};
    if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return MakeError(ErrorCode::kInternal, Format(tr("cannot load {library}: {reason}"),
                                                      {{"library", "libcurl"}, {"reason", "curl_global_init"}}));
    return &lib;
}

}  // namespace

Result<const CurlLibrary*> LoadCurl() {
    static const Result<const CurlLibrary*> loaded = Open();
    return loaded;
}

}  // namespace fk::platform
