#include "kit/cli/data_dir_option.hpp"

#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {

DataDirOption TakeDataDirOption(std::vector<std::string>& args) {
    DataDirOption out;
    for (size_t i = 0; i < args.size();) {
        std::string value;
        if (args[i] == "--data-dir") {
            if (i + 1 >= args.size()) return {out.dir, tr("option --data-dir needs a value")};
            value = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
        } else if (args[i].starts_with("--data-dir=")) {
            value = args[i].substr(std::string_view("--data-dir=").size());
            args.erase(args.begin() + static_cast<long>(i));
        } else {
            ++i;
            continue;
        }
        if (value.empty()) return {out.dir, tr("option --data-dir needs a value")};
        out.dir = platform::PathFromUtf8(value);
    }
    return out;
}

}  // namespace fk::cli
