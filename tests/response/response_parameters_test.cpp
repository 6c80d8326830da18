// Tests of ResponseParameters and data/response.toml (docs/model-response.md; parameters with
// sources).
#include "response/response_parameters.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "core/error.hpp"
#include "response_test_support.hpp"

namespace dermasim::response {
namespace {

TEST(ResponseParameters, EveryFieldIsReadFromTheCatalogueWithinItsAllowedRange) {
  const ResponseParameters parameters = testing::load_response_parameters();

  EXPECT_NO_THROW(check_response_parameters(parameters));
  EXPECT_NEAR(parameters.inflammation_half_life.in(units::hour), 18.0, 1e-12);
  EXPECT_NEAR(parameters.turnover_time.in(units::day), 36.2, 1e-12);
}

TEST(ResponseParameters, EveryCatalogueEntryHasASourceOrIsAnAssumptionWithANote) {
  const toml::table document = toml::parse_file(testing::response_toml_path());
  const toml::table& table = *document["response"].as_table();

  for (const auto& [key, node] : table) {
    SCOPED_TRACE(std::string(key.str()));
    const toml::table& entry = *node.as_table();
    const bool has_source = entry["source"].value<std::string>().has_value();
    const bool is_assumption = entry["assumption"].value_or(false);
    EXPECT_NE(has_source, is_assumption);
    if (is_assumption) {
      EXPECT_TRUE(entry["note"].value<std::string>().has_value());
    }
    if (const toml::array* range = entry["range"].as_array()) {
      const double value = *entry["value"].value<double>();
      ASSERT_EQ(range->size(), 2u);
      EXPECT_LE(*(*range)[0].value<double>(), value);
      EXPECT_GE(*(*range)[1].value<double>(), value);
    }
  }
}

TEST(ResponseParameters, FieldKeysAreUniqueAndConvertFileUnitsToSi) {
  ResponseParameters parameters = testing::load_response_parameters();
  std::set<std::string_view> keys;

  for (const ResponseParameterField& field : response_parameter_fields()) {
    EXPECT_TRUE(keys.insert(field.key).second) << field.key;
    if (field.key == "barrier_recovery_time_h") set_parameter(parameters, field, 12.0);
  }

  EXPECT_NEAR(parameters.barrier_recovery_time.si(), 12.0 * 3600.0, 1e-9);
}

TEST(ResponseParameters, RejectsAValueOutsideItsAllowedRange) {
  ResponseParameters parameters = testing::load_response_parameters();

  parameters.barrier_min = 0.9;

  EXPECT_THROW(check_response_parameters(parameters), InternalError);
}

}  // namespace
}  // namespace dermasim::response
