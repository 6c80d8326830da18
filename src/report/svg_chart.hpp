#pragma once
// A small, dependency-free SVG line chart for the self-contained HTML reports: daily series
// against the day index, with sessions drawn as vertical lines and pauses as shaded bands.

#include <string>
#include <vector>

namespace dermasim::report {

struct ChartSeries {
  std::string name;
  std::vector<double> values;  // one a day
  std::string colour;          // CSS colour
};

struct ChartBand {
  int first_day = 0;
  int last_day = 0;
  std::string label;
};

struct Chart {
  std::string title;
  std::string y_label;
  std::vector<ChartSeries> series;
  std::vector<int> session_days;
  std::vector<ChartBand> pauses;
  double y_min = 0.0;
  double y_max = 1.0;  // widened to the data when it exceeds it
};

/// The chart as an inline <svg> element.
[[nodiscard]] std::string render_svg(const Chart& chart);

/// Escapes &, <, >, " and ' for HTML text and attributes.
[[nodiscard]] std::string html_escape(const std::string& text);

}  // namespace dermasim::report
