// Which redirects a mirror may send: the same host only, and never from https down to http
// (the sync tests follow real nginx redirects over http; a TLS mirror cannot run here without
// teaching libcurl a test certificate authority, so the rule itself is checked).
#include <doctest/doctest.h>

#include "platform/http_client.hpp"

using fk::platform::RedirectAllowed;

TEST_CASE("redirects: same host only, never https to http, nothing but http and https") {
    CHECK(RedirectAllowed("http://mirror.example/release.json", "http://mirror.example/v2/release.json"));
    CHECK(RedirectAllowed("http://mirror.example/a", "https://mirror.example/a"));
    CHECK(RedirectAllowed("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/a"));
    CHECK(RedirectAllowed("https://mirror.example/a", "https://MIRROR.example/b"));
    CHECK_FALSE(RedirectAllowed("https://mirror.example/a", "http://mirror.example/a"));
    CHECK_FALSE(RedirectAllowed("https://mirror.example/a", "HTTP://mirror.example/a"));
    CHECK_FALSE(RedirectAllowed("http://mirror.example/a", "http://other.example/a"));
    CHECK_FALSE(RedirectAllowed("http://mirror.example/a", "http://mirror.example.other.example/a"));
    CHECK_FALSE(RedirectAllowed("http://mirror.example/a", "http://user@other.example/a"));
    CHECK_FALSE(RedirectAllowed("http://mirror.example/a", "file:///etc/passwd"));
    CHECK_FALSE(RedirectAllowed("http://mirror.example/a", "ftp://mirror.example/a"));
    CHECK_FALSE(RedirectAllowed("http://mirror.example/a", "not a url"));
}
