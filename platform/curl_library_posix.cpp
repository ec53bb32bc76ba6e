#include <dlfcn.h>

#include <mutex>
#include <string>

#include "platform/curl_library.hpp"
#include "platform/i18n.hpp"

namespace fk::platform {
namespace {

// The soname of Debian's libcurl4 (the ABI the headers describe).
constexpr const char* kSoname = "libcurl.so.4";

template <typename Fn>
bool Bind(void* handle, const char* name, Fn& fn) {
    fn = reinterpret_cast<Fn>(dlsym(handle, name));
    return fn != nullptr;
}

Result<const CurlLibrary*> Open() {
    static CurlLibrary lib;
    void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    const auto failed = [](const char* reason) -> Result<const CurlLibrary*> {
        return MakeError(ErrorCode::kInternal, Format(tr("cannot load {library}: {reason}"),
                                                      {{"library", kSoname}, {"reason", reason ? reason : "?"}}));
    };
    if (!handle) return failed(dlerror());
    const bool bound =
        Bind(handle, "curl_global_init", lib.global_init) && Bind(handle, "curl_easy_init", lib.easy_init) &&
        Bind(handle, "curl_easy_cleanup", lib.easy_cleanup) && Bind(handle, "curl_easy_setopt", lib.easy_setopt) &&
        Bind(handle, "curl_easy_getinfo", lib.easy_getinfo) && Bind(handle, "curl_easy_perform", lib.easy_perform) &&
        Bind(handle, "curl_easy_header", lib.easy_header) && Bind(handle, "curl_easy_strerror", lib.easy_strerror) &&
        Bind(handle, "curl_slist_append", lib.slist_append) &&
        Bind(handle, "curl_slist_free_all", lib.slist_free_all) && Bind(handle, "curl_url", lib.url) &&
        Bind(handle, "curl_url_set", lib.url_set) && Bind(handle, "curl_url_get", lib.url_get) &&
        Bind(handle, "curl_url_cleanup", lib.url_cleanup) && Bind(handle, "curl_free", lib.free);
    if (!bound) return failed(dlerror());  // too old a libcurl: the handle stays open, harmless
    if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return failed("curl_global_init");
    return &lib;
}

}  // namespace

Result<const CurlLibrary*> LoadCurl() {
    static const Result<const CurlLibrary*> loaded = Open();
    return loaded;
}

}  // namespace fk::platform
