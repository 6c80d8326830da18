#include "report/svg_chart.hpp"

#include <gtest/gtest.h>

namespace dermasim::report {

TEST(SvgChart, DrawsEverySeriesSessionAndPause) {
  const Chart chart{"Redness <daily>",
                    "score",
                    {{"erythema", {0, 1, 3, 1, 0}, "#c00"}, {"irritation", {0, 0, 1, 1, 1}, "#e90"}},
                    {2},
                    {{1, 2, "pause"}},
                    0.0,
                    1.0};

  const std::string svg = render_svg(chart);

  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(std::count(svg.begin(), svg.end(), '\n') > 5, true);
  EXPECT_NE(svg.find("Redness &lt;daily&gt;"), std::string::npos);  // escaped
  EXPECT_NE(svg.find("session, day 2"), std::string::npos);
  EXPECT_NE(svg.find("<rect"), std::string::npos);
  EXPECT_EQ(svg.find("<polyline", svg.find("<polyline") + 1) != std::string::npos, true);  // two series
}

TEST(SvgChart, EscapesHtml) { EXPECT_EQ(html_escape("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;"); }

}  // namespace dermasim::report
