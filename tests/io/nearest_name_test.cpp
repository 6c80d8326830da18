#include "io/nearest_name.hpp"

#include <gtest/gtest.h>

namespace dermasim::io {

TEST(NearestName, SuggestsTheClosestPlausibleSpelling) {
  const std::vector<std::string> keys = {"needle_mm", "device", "passes", "occlusion_hours"};

  EXPECT_EQ(nearest_name("neddle_mm", keys), "needle_mm");
  EXPECT_EQ(nearest_name("pases", keys), "passes");
  EXPECT_EQ(nearest_name("colour", keys), std::nullopt);
}

TEST(NearestName, MeasuresEditDistance) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(NearestName, JoinsAlternativesForMessages) {
  EXPECT_EQ(join_alternatives({"pen", "roller", "stamp"}), "pen, roller or stamp");
  EXPECT_EQ(join_alternatives({"pen"}), "pen");
}

}  // namespace dermasim::io
