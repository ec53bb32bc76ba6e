// Root chain: signing and walking links.
#include "bundle/root_chain.hpp"

#include <nlohmann/json.hpp>

#include "bundle/bundle_file.hpp"
#include "bundle/json_int.hpp"
#include "bundle/signer.hpp"
#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

std::string PublicKeyLine(const PublicKey& k) {
    std::string text = FormatPublicKey(k);
    const size_t nl = text.find('\n');
    return text.substr(nl + 1, text.size() - nl - 2);
}

bool CheckSig(const PublicKey& key, const std::string& sig_b64, const std::string& message) {
    auto raw = Base64Decode(sig_b64);
    if (!raw) return false;
    auto sig = DecodeSignatureBlock(*raw);
    return sig && sig->key_id == key.id && Verify(key, *sig, message);
}

}  // namespace

std::string RootMessage(const RootLink& link) {
    return "fieldkit root\nroot=" + std::to_string(link.root) + "\nkey=" + link.key + "\nprevious=" + link.previous + "\n";
}

RootLink MakeRootLink(std::uint64_t root, const SecretKey& previous, const SecretKey& next) {
    RootLink link;
    link.root = root;
    link.key = PublicKeyLine(next.Public());
    link.previous = PublicKeyLine(previous.Public());
    const std::string msg = RootMessage(link);
    const std::string comment = "fieldkit root " + std::to_string(root);
    link.sig_previous = Base64Encode(EncodeSignatureBlock(Sign(previous, msg, comment)));
    link.sig_key = Base64Encode(EncodeSignatureBlock(Sign(next, msg, comment)));
    return link;
}

std::vector<PublicKey> KeysReachedByRoots(std::span<const PublicKey> trusted, const std::vector<RootLink>& chain) {
    return WalkRoots(trusted, chain).reached;
}

RootWalk WalkRoots(std::span<const PublicKey> trusted, const std::vector<RootLink>& chain) {
    std::vector<PublicKey> known(trusted.begin(), trusted.end());
    RootWalk walk;
    std::uint64_t last_root = 0;
    for (const auto& link : chain) {
        if (link.root <= last_root) continue;
        const PublicKey* prev = nullptr;
        for (const auto& k : known)
            if (PublicKeyLine(k) == link.previous) prev = &k;
        if (!prev) continue;
        auto next = ParsePublicKey(link.key);
        if (!next) continue;
        const std::string msg = RootMessage(link);
        if (!CheckSig(*prev, link.sig_previous, msg) || !CheckSig(*next, link.sig_key, msg)) continue;
        last_root = link.root;
        walk.root = link.root;
        if (walk.origin.empty()) walk.origin = link.previous;
        if (!ContainsKey(walk.retired, *prev)) walk.retired.push_back(*prev);
        std::erase_if(walk.retired, [&](const PublicKey& k) { return SameKey(k, *next); });  // the chain came back to it
        if (ContainsKey(known, *next)) continue;
        known.push_back(*next);
        walk.reached.push_back(*next);
    }
    return walk;
}

std::vector<PublicKey> KeysNamedInRoots(const std::vector<RootLink>& chain) {
    std::vector<PublicKey> keys;
    for (const auto& link : chain)
        for (const auto* line : {&link.previous, &link.key})
            if (auto k = ParsePublicKey(*line)) keys.push_back(*k);
    return keys;
}

std::string RootsToJson(const std::vector<RootLink>& chain) {
    Manifest m;
    m.roots = chain;
    auto j = nlohmann::json::parse(ManifestToJson(m));
    return j.at("roots").dump(1) + "\n";
}

Result<std::vector<RootLink>> RootsFromJson(std::string_view text) {
    try {
        auto arr = nlohmann::json::parse(text);
        std::vector<RootLink> out;
        for (const auto& r : arr)
            out.push_back(RootLink{JsonInt<std::uint64_t>(r, "root"), r.at("key").get<std::string>(),
                                   r.at("previous").get<std::string>(), r.at("sig_previous").get<std::string>(),
                                   r.at("sig_key").get<std::string>()});
        return out;
    } catch (const nlohmann::json::exception& e) {
        return MakeError(ErrorCode::kCorrupt, Format(tr("roots file is malformed: {reason}"), {{"reason", e.what()}}));
    }
}

namespace {

// Walks JSON without building it, failing as soon as it nests deeper than kMaxPeekDepth
// (a few KiB of '[' would otherwise become millions of nodes).
struct DepthGuard {
    using json = nlohmann::json;
    int depth = 0;
    bool Enter() { return ++depth <= kMaxPeekDepth; }
    bool Leave() { --depth; return true; }
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t&) { return true; }
    bool string(json::string_t&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return Enter(); }
    bool key(json::string_t&) { return true; }
    bool end_object() { return Leave(); }
    bool start_array(std::size_t) { return Enter(); }
    bool end_array() { return Leave(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

}  // namespace

std::vector<RootLink> PeekJsonRoots(std::string_view text) {
    if (text.size() > kMaxPeekSize) return {};
    try {
        DepthGuard guard;
        if (!nlohmann::json::sax_parse(text, &guard)) return {};
        // Keep only the top-level "roots" member; every other member is skipped as it is read.
        auto only_roots = [](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            return !(depth == 1 && event == nlohmann::json::parse_event_t::key && parsed != "roots");
        };
        auto j = nlohmann::json::parse(text, only_roots);
        if (!j.is_object() || !j.contains("roots")) return {};
        auto r = RootsFromJson(j.at("roots").dump());
        return r ? *r : std::vector<RootLink>{};
    } catch (const nlohmann::json::exception&) {
        return {};
    }
}

std::vector<RootLink> PeekBundleRoots(std::string_view file) {
    if (file.size() < kBundleHeaderSize || file.substr(0, 8) != "FKBUNDLE") return {};
    std::uint64_t len = 0;
    for (int i = 3; i >= 0; --i) len = (len << 8) | static_cast<unsigned char>(file[12 + static_cast<size_t>(i)]);
    if (len == 0 || len > kMaxManifestSize || file.size() < kBundleHeaderSize + len) return {};
    return PeekJsonRoots(file.substr(kBundleHeaderSize, len));
}

}  // namespace fk::bundle
