// CURLcode -> ErrorCode. Raw curl codes never leave this file.
#include "platform/curl_errors.hpp"

namespace fk::platform {

Error CurlError(CURLcode code, const std::string& url, long http_status) {
    const std::string where = "'" + url + "': ";
    const std::string what = curl_easy_strerror(code);
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
            return MakeError(ErrorCode::kOffline, where + "cannot connect (" + what + ")");
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
            return MakeError(ErrorCode::kOffline, where + "connection cut (" + what + ")");
        case CURLE_OPERATION_TIMEDOUT:
            return MakeError(ErrorCode::kTimeout, where + "timed out or stalled (" + what + ")");
        case CURLE_HTTP_RETURNED_ERROR:
            return MakeError(ErrorCode::kHttpStatus, where + "HTTP status " + std::to_string(http_status));
        case CURLE_UNSUPPORTED_PROTOCOL:
            return MakeError(ErrorCode::kHttpStatus, where + "refused: only http and https are fetched (also after redirects)");
        case CURLE_TOO_MANY_REDIRECTS:
            return MakeError(ErrorCode::kHttpStatus, where + "too many redirects");
        case CURLE_URL_MALFORMAT:
            return MakeError(ErrorCode::kUsage, where + "malformed URL");
        case CURLE_ABORTED_BY_CALLBACK:
            return MakeError(ErrorCode::kInternal, where + "cancelled");
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
            return MakeError(ErrorCode::kOffline, where + "TLS failed (" + what + ")");
        case CURLE_OUT_OF_MEMORY:
            return MakeError(ErrorCode::kInternal, where + what);
        default:
            return MakeError(ErrorCode::kIo, where + what);
    }
}

}  // namespace fk::platform
