// The portable-mode decision of platform/paths.hpp: no system calls, the same on every OS.
#include "platform/paths.hpp"

namespace fk::platform {

std::optional<PortableDirs> PortableDirsFor(const std::filesystem::path& exe_dir, bool marker_exists) {
    if (!marker_exists || exe_dir.empty()) return std::nullopt;
    return PortableDirs{exe_dir / "fieldkit-data", exe_dir / "fieldkit-settings"};
}

}  // namespace fk::platform
