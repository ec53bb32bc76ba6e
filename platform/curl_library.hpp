// libcurl, opened the first time a transfer needs it. Commands that never touch the network
// (search, show, --help) then do not map libcurl and the thirty libraries it pulls in
// (TLS, Kerberos, LDAP, SSH...), which was most of their start-up time.
#pragma once

#include <curl/curl.h>

#include "platform/result.hpp"

namespace fk::platform {

// The functions fieldkit calls, with libcurl's own signatures.
struct CurlLibrary {
    decltype(&curl_global_init) global_init;
    decltype(&curl_easy_init) easy_init;
    decltype(&curl_easy_cleanup) easy_cleanup;
    decltype(&curl_easy_setopt) easy_setopt;
    decltype(&curl_easy_getinfo) easy_getinfo;
    decltype(&curl_easy_perform) easy_perform;
    decltype(&curl_easy_header) easy_header;
    decltype(&curl_easy_strerror) easy_strerror;
    decltype(&curl_slist_append) slist_append;
    decltype(&curl_slist_free_all) slist_free_all;
    decltype(&curl_url) url;
    decltype(&curl_url_set) url_set;
    decltype(&curl_url_get) url_get;
    decltype(&curl_url_cleanup) url_cleanup;
    decltype(&curl_free) free;
};

// The library, loaded and globally initialised once (thread-safe); kInternal naming
// libcurl.so.4 and the loader's reason when it cannot be loaded.
Result<const CurlLibrary*> LoadCurl();

}  // namespace fk::platform
