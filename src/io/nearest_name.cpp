#include "io/nearest_name.hpp"

#include <algorithm>
#include <numeric>

namespace dermasim::io {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

std::optional<std::string> nearest_name(std::string_view text, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(text, candidate);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (!best) return std::nullopt;
  const std::size_t allowed = std::max<std::size_t>(1, std::max(text.size(), best->size()) / 3);
  return best_distance <= allowed ? best : std::nullopt;
}

std::string join_alternatives(const std::vector<std::string>& names) {
  std::string joined;
  for (std::size_t index = 0; index < names.size(); ++index) {
    if (index > 0) joined += index + 1 == names.size() ? " or " : ", ";
    joined += names[index];
  }
  return joined;
}

}  // namespace dermasim::io
