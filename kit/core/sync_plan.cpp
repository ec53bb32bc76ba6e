// Dijkstra over record-stream hashes; edges are the signed delta edges of the manifest.
#include "kit/core/sync_plan.hpp"

#include <map>
#include <queue>

namespace fk::core {

std::optional<UpdatePlan> CheapestDeltaChain(const bundle::PackRelease& pack, const std::string& from) {
    const bundle::ReleaseEntry* newest = pack.Newest();
    if (!newest || from.empty()) return std::nullopt;
    if (from == newest->raw_hash) {
        // Same records, new edition (re-signed, new head): one direct delta, if any.
        const bundle::DeltaEdge* best = nullptr;
        for (const auto& e : pack.deltas)
            if (e.base_raw_hash == from && e.result_version == newest->version && (!best || e.file.size < best->file.size))
                best = &e;
        if (!best) return std::nullopt;
        return UpdatePlan{false, {best->file}, best->file.size, newest->version};
    }
    std::map<std::string, std::uint64_t> dist{{from, 0}};
    std::map<std::string, const bundle::DeltaEdge*> via;
    using Item = std::pair<std::uint64_t, std::string>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    queue.push({0, from});
    while (!queue.empty()) {
        auto [d, node] = queue.top();
        queue.pop();
        if (d != dist[node]) continue;
        if (node == newest->raw_hash) break;
        for (const auto& e : pack.deltas) {
            if (e.base_raw_hash != node || e.result_version <= e.base_version) continue;
            const std::uint64_t nd = d + e.file.size;
            auto it = dist.find(e.result_raw_hash);
            if (it == dist.end() || nd < it->second) {
                dist[e.result_raw_hash] = nd;
                via[e.result_raw_hash] = &e;
                queue.push({nd, e.result_raw_hash});
            }
        }
    }
    if (!dist.count(newest->raw_hash)) return std::nullopt;
    UpdatePlan plan;
    plan.target_version = newest->version;
    plan.bytes = dist[newest->raw_hash];
    for (std::string node = newest->raw_hash; node != from;) {
        const bundle::DeltaEdge* e = via.at(node);
        plan.steps.insert(plan.steps.begin(), e->file);
        node = e->base_raw_hash;
    }
    return plan;
}

UpdatePlan FullPlan(const bundle::PackRelease& pack) {
    UpdatePlan plan;
    plan.full = true;
    if (const auto* newest = pack.Newest()) {
        plan.steps.push_back(newest->file);
        plan.bytes = newest->file.size;
        plan.target_version = newest->version;
    }
    return plan;
}

UpdatePlan CheapestPlan(const bundle::PackRelease& pack, const std::string& installed_raw_hash) {
    UpdatePlan full = FullPlan(pack);
    auto chain = CheapestDeltaChain(pack, installed_raw_hash);
    if (chain && chain->bytes <= full.bytes) return *chain;
    return full;
}

}  // namespace fk::core
