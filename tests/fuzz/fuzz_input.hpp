// What the fuzz targets share: the input as bytes, split in two where a target reads two
// things (a release list and its signature, a frame and its reference), and the key the
// seed bundles, deltas and release lists are signed with, so mutations reach past the
// signature check into what a trusted publisher's files would make the reader do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "bundle/minisign.hpp"

namespace fk::fuzz {

inline std::string_view Bytes(const std::uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The parts before and after the first "\n--\n" (the second is empty when there is none).
inline std::pair<std::string_view, std::string_view> SplitTwo(std::string_view in) {
    const size_t at = in.find("\n--\n");
    if (at == std::string_view::npos) return {in, {}};
    return {in.substr(0, at), in.substr(at + 4)};
}

// A throw-away publisher key made with `fieldkit bundle keygen -W` for the seeds only
// (its secret half is corpus/secret_key/unencrypted.sec).
inline const std::vector<bundle::PublicKey>& TrustedKeys() {
    static const std::vector<bundle::PublicKey> keys = [] {
        auto key = bundle::ParsePublicKey(FK_FUZZ_PUBLIC_KEY);
        return key ? std::vector<bundle::PublicKey>{*key} : std::vector<bundle::PublicKey>{};
    }();
    return keys;
}

}  // namespace fk::fuzz
