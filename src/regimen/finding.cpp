#include "regimen/finding.hpp"

#include <algorithm>
#include <tuple>

namespace dermasim::regimen {

void sort_findings(std::vector<Finding>& findings) {
  std::ranges::stable_sort(findings, [](const Finding& a, const Finding& b) {
    return std::tie(a.date, a.severity, a.rule, a.subject) < std::tie(b.date, b.severity, b.rule, b.subject);
  });
}

bool has_error(const std::vector<Finding>& findings) {
  return std::ranges::any_of(findings, [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace dermasim::regimen
