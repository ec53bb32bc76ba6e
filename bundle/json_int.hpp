// Strict integer reads from JSON. nlohmann's get<int>() or get<std::uint64_t>() on a float such
// as 1e45 is an undefined float-to-integer cast, and on -1 for an unsigned type it wraps: every
// integer fieldkit reads from JSON (signed or not) goes through JsonInt instead.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

namespace fk::bundle {

// The value as T if it is a JSON integer token within T's range. Anything else (a float, a
// string, an integer out of range) throws nlohmann::json::type_error naming `what`, which the
// readers already turn into a one-line "malformed" error.
template <std::integral T>
T JsonIntValue(const nlohmann::json& v, const std::string& what) {
    if (v.is_number_unsigned()) {
        const auto u = v.get_ref<const nlohmann::json::number_unsigned_t&>();
        if (std::in_range<T>(u)) return static_cast<T>(u);
    } else if (v.is_number_integer()) {
        const auto s = v.get_ref<const nlohmann::json::number_integer_t&>();
        if (std::in_range<T>(s)) return static_cast<T>(s);
    }
    throw nlohmann::json::type_error::create(302,
                                             "'" + what + "' must be a whole number from " +
                                                 std::to_string(std::numeric_limits<T>::min()) + " to " +
                                                 std::to_string(std::numeric_limits<T>::max()),
                                             &v);
}

// The member `key` of an object, read as above; a missing key throws like json::at().
template <std::integral T>
T JsonInt(const nlohmann::json& object, const std::string& key) {
    return JsonIntValue<T>(object.at(key), key);
}

// Like JsonInt, but `fallback` when the key is absent.
template <std::integral T>
T JsonIntOr(const nlohmann::json& object, const std::string& key, T fallback) {
    return object.contains(key) ? JsonIntValue<T>(object.at(key), key) : fallback;
}

}  // namespace fk::bundle
