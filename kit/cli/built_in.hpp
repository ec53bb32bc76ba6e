// The default pack and keys compiled into the fieldkit binary (generated at build time
// from content/ and bundle/release-key.pub; see kit/cli/CMakeLists.txt).
#pragma once

#include "kit/core/library.hpp"

namespace fk::cli {

core::BuiltIn BuiltInContent();

}  // namespace fk::cli
