// Test releases of a pack ("test-pack", the shipped corpus with a few articles edited per
// edition), built and published with the real fieldkit binary, and fresh kits to sync them.
#pragma once

#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace fk::test {

// Appends a revised paragraph to `count` articles (chosen from `seed`) of a content copy.
void EditArticles(const std::string& content_dir, int count, int seed);

class Releases {
public:
    // Builds versions 1..count; edition k edits `edits` articles more than edition k-1.
    explicit Releases(int count, int edits = 1);
    std::string Dir() const { return m_dir.path().string(); }
    std::string Bundle(int version) const { return m_bundles.at(static_cast<size_t>(version - 1)); }
    const std::string& Pub() const { return m_pub; }
    const std::string& Sec() const { return m_sec; }
    // `fieldkit bundle publish` of the given versions, in order, into `mirror`; "" or the error.
    std::string Publish(const std::string& mirror, const std::vector<int>& versions, int delta_bases = 5,
                        const std::string& sec = "") const;
    // A new kit (data dir) that trusts the key and has `version` imported (0: nothing).
    std::string NewKit(const std::string& name, int version) const;
    // Installed version of test-pack in a kit (0 if none).
    static int InstalledVersion(const std::string& data_dir);

private:
    TempDir m_dir;
    std::string m_pub, m_sec;
    std::vector<std::string> m_bundles;
};

}  // namespace fk::test
