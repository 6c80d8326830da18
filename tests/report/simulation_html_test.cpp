// report.html of `simulate` from a hand-built result: self-contained (no scripts, no network),
// the name escaped, every outcome and safety figure, each session, the findings, the banner
// only when forced, and the notice.

#include "report/simulation_html.hpp"

#include <gtest/gtest.h>

#include "report/findings_report.hpp"
#include "report/svg_chart.hpp"
#include "simulation_fixture.hpp"

namespace dermasim::report {
namespace {

using testing::two_day_regimen;
using testing::two_day_result;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

int occurrences(const std::string& text, const std::string& part) {
  int count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

TEST(SimulationHtml, IsOneSelfContainedPageWithTheEscapedName) {
  const std::string html = simulation_html(two_day_regimen(), two_day_result(), {}, false);

  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_TRUE(html.ends_with("</body></html>\n"));
  EXPECT_TRUE(contains(html, "<h1>Two days &lt;with&gt; a session</h1>"));
  EXPECT_FALSE(contains(html, "<with>"));
  EXPECT_FALSE(contains(html, "<script"));
  EXPECT_FALSE(contains(html, "src=\""));  // nothing loaded from elsewhere
  EXPECT_FALSE(contains(html, "<link"));
  EXPECT_TRUE(contains(html, "2 days from 2027-01-14; Fitzpatrick type 3, normal skin, site cheek; full fidelity."));
}

TEST(SimulationHtml, ShowsEveryOutcomeSafetyFigureAndSession) {
  const std::string html = simulation_html(two_day_regimen(), two_day_result(), {}, false);

  EXPECT_TRUE(contains(html, "<tr><td>collagen_change_percent</td><td>+8.8 %</td></tr>"));
  EXPECT_TRUE(contains(html, "<tr><td>acne_scars_improvement_percent</td><td>+13.6 %</td></tr>"));
  EXPECT_TRUE(contains(html, "<tr><td>fine_lines_improvement_percent</td><td>+12.1 %</td></tr>"));
  EXPECT_FALSE(contains(html, "texture_improvement_percent"));
  EXPECT_TRUE(contains(html, "<tr><td>peak_erythema</td><td>2.435</td></tr>"));
  EXPECT_TRUE(contains(html, "<tr><td>days_erythema_ge_1</td><td>2</td></tr>"));
  EXPECT_TRUE(contains(html, "<tr><td>pih_risk</td><td>0.02568</td></tr>"));
  EXPECT_TRUE(contains(html, "<tr><td>2027-01-15</td><td>1 mm</td><td>2.43</td><td>2</td><td>1</td></tr>"));
  EXPECT_EQ(occurrences(html, "<svg "), 5);  // the five day-by-day charts
  EXPECT_TRUE(contains(html, "No findings: the regimen follows the protocol."));
  EXPECT_FALSE(contains(html, "FORCED RUN"));
  EXPECT_TRUE(contains(html, html_escape(medical_notice)));
}

TEST(SimulationHtml, AForcedRunHasTheBannerAndEveryFindingEscaped) {
  const regimen::Finding finding{
      "into-channels", regimen::Severity::error,       make_date(2027, 1, 15),   make_date(2027, 1, 16),
      "vit-c",         "no vitamin C <into> channels", "Soltani-Arabshahi & al."};

  const std::string html = simulation_html(two_day_regimen(), two_day_result(), {finding}, true);

  EXPECT_TRUE(contains(html, "FORCED RUN: this regimen breaks the protocol"));
  EXPECT_TRUE(contains(html,
                       "<tr><td>2027-01-15 to 2027-01-16</td><td class=\"error\">error</td>"
                       "<td>into-channels</td><td>no vitamin C &lt;into&gt; channels</td>"
                       "<td>Soltani-Arabshahi &amp; al.</td></tr>"));
}

}  // namespace
}  // namespace dermasim::report
