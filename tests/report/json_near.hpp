#pragma once
// Whole-value comparison of two JSON documents for the report tests: the same keys, the same
// array lengths, strings, booleans and nulls equal, numbers within a relative tolerance (unit
// conversions such as kg/m² → ng/cm² leave a few ulps of round-off). Each difference is
// reported with its path, e.g. `layers_ng_per_cm2.dermis: 4.33 vs 4.34`.

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dermasim::report::testing {

inline void collect_differences(const nlohmann::json& actual, const nlohmann::json& expected, const std::string& where,
                                double relative_tolerance, std::vector<std::string>& differences) {
  if (actual.is_number() && expected.is_number()) {
    const double a = actual.get<double>(), e = expected.get<double>();
    if (std::fabs(a - e) > relative_tolerance * std::fabs(e))
      differences.push_back(where + ": " + actual.dump() + " vs expected " + expected.dump());
  } else if (actual.is_object() && expected.is_object()) {
    for (const auto& [key, value] : expected.items())
      if (!actual.contains(key))
        differences.push_back(where + "." + key + ": missing");
      else
        collect_differences(actual[key], value, where + "." + key, relative_tolerance, differences);
    for (const auto& [key, value] : actual.items())
      if (!expected.contains(key)) differences.push_back(where + "." + key + ": not expected");
  } else if (actual.is_array() && expected.is_array()) {
    if (actual.size() != expected.size())
      differences.push_back(where + ": " + std::to_string(actual.size()) + " items vs expected " +
                            std::to_string(expected.size()));
    for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i)
      collect_differences(actual[i], expected[i], where + "[" + std::to_string(i) + "]", relative_tolerance,
                          differences);
  } else if (actual != expected) {
    differences.push_back(where + ": " + actual.dump() + " vs expected " + expected.dump());
  }
}

/// All differences between `actual` and `expected`, empty when they agree.
[[nodiscard]] inline std::vector<std::string> json_differences(const nlohmann::json& actual,
                                                               const nlohmann::json& expected,
                                                               double relative_tolerance) {
  std::vector<std::string> differences;
  collect_differences(actual, expected, "$", relative_tolerance, differences);
  return differences;
}

}  // namespace dermasim::report::testing
