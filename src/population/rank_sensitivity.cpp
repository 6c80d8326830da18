#include "population/rank_sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "population/sobol_given_data.hpp"

namespace dermasim::population {

std::vector<double> ranks_of(std::span<const double> values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first;
    while (last + 1 < order.size() && values[order[last + 1]] == values[order[first]]) ++last;
    const double shared = 0.5 * static_cast<double>(first + last) + 1.0;  // mean of ranks first+1 … last+1
    for (std::size_t tied = first; tied <= last; ++tied) ranks[order[tied]] = shared;
    first = last + 1;
  }
  return ranks;
}

double rank_correlation(std::span<const double> x, std::span<const double> y) {
  expects(x.size() == y.size() && x.size() >= 2, "rank_correlation: needs two equally long samples of 2 or more");
  const auto rank_x = ranks_of(x);
  const auto rank_y = ranks_of(y);
  const double mean = 0.5 * static_cast<double>(x.size() + 1);  // the mean of ranks 1 … n, ties or not
  double covariance = 0.0;
  double variance_x = 0.0;
  double variance_y = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = rank_x[i] - mean;
    const double dy = rank_y[i] - mean;
    covariance += dx * dy;
    variance_x += dx * dx;
    variance_y += dy * dy;
  }
  if (variance_x == 0.0 || variance_y == 0.0) return 0.0;
  return covariance / std::sqrt(variance_x * variance_y);
}

std::vector<SensitivityEntry> rank_sensitivity(const std::vector<std::string>& names,
                                               const std::vector<std::vector<double>>& columns,
                                               std::span<const double> output) {
  expects(names.size() == columns.size(), "rank_sensitivity: one name per column");
  std::vector<SensitivityEntry> ranking;
  for (std::size_t column = 0; column < names.size(); ++column)
    ranking.push_back(
        {names[column], first_order_index(columns[column], output), rank_correlation(columns[column], output)});
  // Ranked by the share of variance, not by |rank correlation|: a parameter whose effect rises
  // and falls has a rank correlation near 0 but may still explain most of the spread.
  std::ranges::sort(ranking, [](const SensitivityEntry& a, const SensitivityEntry& b) {
    return a.index != b.index ? a.index > b.index : a.parameter < b.parameter;
  });
  return ranking;
}

}  // namespace dermasim::population
