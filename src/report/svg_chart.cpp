#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace dermasim::report {

std::string html_escape(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string render_svg(const Chart& chart) {
  constexpr double width = 720, height = 220, left = 56, right = 12, top = 28, bottom = 36;
  std::size_t n_days = 0;
  double y_min = chart.y_min, y_max = chart.y_max;
  for (const auto& series : chart.series) {
    n_days = std::max(n_days, series.values.size());
    for (const double v : series.values)
      if (std::isfinite(v)) {
        y_min = std::min(y_min, v);
        y_max = std::max(y_max, v);
      }
  }
  if (y_max <= y_min) y_max = y_min + 1.0;
  const double span_days = std::max<double>(1.0, static_cast<double>(n_days) - 1.0);
  auto x = [&](double day) { return left + (width - left - right) * day / span_days; };
  auto y = [&](double value) { return top + (height - top - bottom) * (1.0 - (value - y_min) / (y_max - y_min)); };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\">\n<text x=\"{3}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{2}</text>\n",
      width, height, html_escape(chart.title), left);
  for (const auto& band : chart.pauses)
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#f3e6c4\"><title>{}</title></rect>\n",
        x(band.first_day), top, std::max(1.0, x(band.last_day + 1) - x(band.first_day)), height - top - bottom,
        html_escape(band.label));
  for (int tick = 0; tick <= 4; ++tick) {
    const double value = y_min + (y_max - y_min) * tick / 4.0;
    svg += fmt::format(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"end\">{:.3g}</text>\n",
        left, width - right, y(value), y(value), left - 4, y(value) + 3, value);
  }
  for (std::size_t day = 0; day < n_days; day += std::max<std::size_t>(1, n_days / 6))
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">day {}</text>\n",
                       x(static_cast<double>(day)), height - bottom + 14, day);
  for (const int day : chart.session_days)
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#b03060\" stroke-dasharray=\"4 3\">"
        "<title>session, day {3}</title></line>\n",
        x(day), top, height - bottom, day);
  double legend_x = left;
  for (const auto& series : chart.series) {
    std::string points;
    for (std::size_t day = 0; day < series.values.size(); ++day)
      points += fmt::format("{:.1f},{:.1f} ", x(static_cast<double>(day)), y(series.values[day]));
    svg += fmt::format(
        "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\" points=\"{}\"><title>{}</title></polyline>\n",
        series.colour, points, html_escape(series.name));
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"10\" height=\"3\" fill=\"{}\"/><text x=\"{:.1f}\" y=\"{}\" "
        "font-size=\"10\">{}</text>\n",
        legend_x, height - 10, series.colour, legend_x + 14, height - 6, html_escape(series.name));
    legend_x += 20 + 6.0 * static_cast<double>(series.name.size());
  }
  svg += fmt::format(
      "<text x=\"12\" y=\"{:.1f}\" font-size=\"10\" transform=\"rotate(-90 12 {:.1f})\" "
      "text-anchor=\"middle\">{}</text>\n",
      (top + height - bottom) / 2, (top + height - bottom) / 2, html_escape(chart.y_label));
  svg += "</svg>\n";
  return svg;
}

}  // namespace dermasim::report
