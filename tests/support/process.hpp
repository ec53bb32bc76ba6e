// Runs a program and captures its exit status, stdout and stderr (for tests that drive
// the real fieldkit binary and real tools such as minisign).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace fk::test {

struct ProcessResult {
    int status = -1;  // exit status, or 128 + signal
    std::string out;
    std::string err;
};

// `env` entries are added to (or override) the current environment. `input` goes to stdin.
ProcessResult Run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                  const std::string& input = "");

// Runs the built fieldkit with --data-dir set.
ProcessResult Fieldkit(const std::string& data_dir, std::vector<std::string> args,
                       const std::map<std::string, std::string>& env = {});

bool HaveProgram(const std::string& name);

}  // namespace fk::test
