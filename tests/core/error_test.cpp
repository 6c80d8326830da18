#include "core/error.hpp"

#include <gtest/gtest.h>

namespace dermasim {

TEST(InputError, FormatsFileLineAndColumnLikeACompiler) {
  const InputError error({"scenario.toml", 14, 7}, "needle_mm = 4.0 is outside 0.2 .. 3.0");

  EXPECT_STREQ(error.what(), "scenario.toml:14:7: needle_mm = 4.0 is outside 0.2 .. 3.0");
  EXPECT_EQ(error.position().line, 14);
  EXPECT_EQ(error.message(), "needle_mm = 4.0 is outside 0.2 .. 3.0");
}

TEST(InputError, OmitsTheLineWhenUnknown) {
  const InputError error({"data/rules.toml", 0, 0}, "has no rule");

  EXPECT_STREQ(error.what(), "data/rules.toml: has no rule");
}

TEST(Expects, ThrowsAnInternalErrorNamingTheCaller) {
  try {
    expects(false, "the grid must have cells");
    FAIL() << "expects(false) did not throw";
  } catch (const InternalError& error) {
    EXPECT_NE(std::string(error.what()).find("the grid must have cells"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("error_test.cpp"), std::string::npos);
  }
}

}  // namespace dermasim
