// Reads a content directory (kit.yaml + <lang>/<id>.md) and checks every article against
// the schema in CONTENT.md. Problems are collected, never thrown: `fieldkit bundle lint`
// prints them and `bundle build` refuses to sign content that has any.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bundle/content.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

struct Problem {
    std::string path;  // relative to the content directory, e.g. "en/rpki-roa-creation.md"
    int line = 0;      // 1-based; 0 when the problem concerns the whole file
    std::string message;
};

struct LoadedContent {
    Content content;  // articles with status draft are left out
    std::vector<Problem> problems;
};

// Fails only when the directory or kit.yaml cannot be read at all. Files are read on up to
// `threads` threads (0: one per core); the result is the same for any number.
Result<LoadedContent> LoadContentDir(const std::filesystem::path& dir, unsigned threads = 0);

std::string FormatProblem(const Problem& p);

}  // namespace fk::bundle
