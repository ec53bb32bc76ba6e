// Pack ids: the one rule every reader of a bundle manifest, delta manifest, release list and
// the library state applies before an id is used in a file name. The id comes from signed but
// possibly third-party data, so it is checked, never trusted: ^[a-z0-9]+(-[a-z0-9]+)*$, at
// most 64 characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::bundle {

inline constexpr std::size_t kMaxPackIdLength = 64;

bool IsValidPackId(std::string_view id);

// Ok, or kInvalidContent: "pack id '<id>' is not valid (...)" with the id's non-printable
// bytes shown as \xNN, so the message stays one line and shows exactly what was refused.
Status CheckPackId(std::string_view id);

// `text` with bytes outside printable ASCII (and the backslash) written as \xNN.
std::string EscapeForMessage(std::string_view text);

}  // namespace fk::bundle
