// Stable names for error kinds, used in JSON output and tests.
#include "platform/result.hpp"

namespace fk {

const char* ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kUsage: return "usage";
        case ErrorCode::kNotFound: return "not-found";
        case ErrorCode::kIo: return "io";
        case ErrorCode::kNoSpace: return "no-space";
        case ErrorCode::kNotABundle: return "not-a-bundle";
        case ErrorCode::kTooNew: return "too-new";
        case ErrorCode::kTruncated: return "truncated";
        case ErrorCode::kCorrupt: return "corrupt";
        case ErrorCode::kBadSignature: return "bad-signature";
        case ErrorCode::kUnknownKey: return "unknown-key";
        case ErrorCode::kRetiredKey: return "retired-key";
        case ErrorCode::kOlderThanInstalled: return "older-than-installed";
        case ErrorCode::kInvalidContent: return "invalid-content";
        case ErrorCode::kOffline: return "offline";
        case ErrorCode::kTimeout: return "timeout";
        case ErrorCode::kHttpStatus: return "http-status";
        case ErrorCode::kTooLarge: return "too-large";
        case ErrorCode::kLocked: return "locked";
        case ErrorCode::kWrongPassphrase: return "wrong-passphrase";
        case ErrorCode::kInternal: return "internal";
    }
    return "unknown";
}

}  // namespace fk
