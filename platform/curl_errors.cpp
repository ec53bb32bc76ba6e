// CURLcode -> ErrorCode. Raw curl codes never leave this file.
#include "platform/curl_errors.hpp"

#include "platform/curl_library.hpp"
#include "platform/i18n.hpp"

namespace fk::platform {

Error CurlError(CURLcode code, const std::string& url, long http_status) {
    const auto lib = LoadCurl();
    const std::string what = lib ? (*lib)->easy_strerror(code) : lib.error().detail;
    const auto say = [&](ErrorCode kind, const char* pattern) {
        return MakeError(kind,
                         Format(pattern, {{"url", url}, {"reason", what}, {"status", std::to_string(http_status)}}));
    };
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
            // TRANSLATORS: {reason} is curl's own message, in English.
            return say(ErrorCode::kOffline, tr("'{url}': cannot connect ({reason})"));
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
            return say(ErrorCode::kOffline, tr("'{url}': connection cut ({reason})"));
        case CURLE_OPERATION_TIMEDOUT:
            return say(ErrorCode::kTimeout, tr("'{url}': timed out or stalled ({reason})"));
        case CURLE_HTTP_RETURNED_ERROR:
            return say(ErrorCode::kHttpStatus, tr("'{url}': HTTP status {status}"));
        case CURLE_UNSUPPORTED_PROTOCOL:
            return say(ErrorCode::kHttpStatus,
                       tr("'{url}': refused: only http and https are fetched (also after redirects)"));
        case CURLE_TOO_MANY_REDIRECTS:
            return say(ErrorCode::kHttpStatus, tr("'{url}': too many redirects"));
        case CURLE_URL_MALFORMAT:
            return say(ErrorCode::kUsage, tr("'{url}': malformed URL"));
        case CURLE_ABORTED_BY_CALLBACK:
            return say(ErrorCode::kInternal, tr("'{url}': cancelled"));
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
            return say(ErrorCode::kOffline, tr("'{url}': TLS failed ({reason})"));
        case CURLE_OUT_OF_MEMORY:
            return say(ErrorCode::kInternal, tr("'{url}': {reason}"));
        default:
            return say(ErrorCode::kIo, tr("'{url}': {reason}"));
    }
}

}  // namespace fk::platform
