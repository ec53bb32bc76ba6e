// The one place CURLcode is translated into fieldkit's error kinds.
#pragma once

#include <curl/curl.h>

#include <string>

#include "platform/result.hpp"

namespace fk::platform {

// `url` names the role in the message; `http_status` is CURLINFO_RESPONSE_CODE (0 if none).
Error CurlError(CURLcode code, const std::string& url, long http_status);

}  // namespace fk::platform
