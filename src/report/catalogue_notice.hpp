#pragma once
// What every output says about the catalogues it was computed with (docs/file-formats.md,
// "Catalogue provenance"): the `catalogue` member of each JSON output, and for the text and
// HTML reports a notice naming the edited files, with a banner when the protocol rules
// (rules.toml) are not the built-in ones.

#include <string>

#include <nlohmann/json.hpp>

#include "regimen/catalogue.hpp"

namespace dermasim::report {

/// {"data_directory": path or null, "edited": [paths], "rules_edited": bool,
///  "rules_switched_off": [{rule, reason}], "rules_weakened": [{rule, reason}]}.
[[nodiscard]] nlohmann::json catalogue_json(const regimen::Catalogue& catalogue);

/// Lines for the top of a terminal report; empty when every catalogue is the built-in one.
[[nodiscard]] std::string catalogue_notice_text(const regimen::Catalogue& catalogue);

/// `page` with the notice after its first heading (</h1>); unchanged when nothing was edited.
[[nodiscard]] std::string with_catalogue_notice_html(std::string page, const regimen::Catalogue& catalogue);

}  // namespace dermasim::report
