// Tests of ResponseParameters and data/response.toml (docs/model-response.md; parameters with
// sources).
#include "response/response_parameters.hpp"

#include <set>
#include <stdexcept>
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

const ResponseParameterField& field_named(std::string_view key) {
  for (const ResponseParameterField& field : response_parameter_fields())
    if (field.key == key) return field;
  throw std::runtime_error("no response parameter " + std::string(key));
}

TEST(ResponseParameters, APersonsRunReadsOnlyTheirOwnSensitivityClassAndFitzpatrickType) {
  ResponseUse use;
  use.traits.sensitivity = SkinSensitivity::high;
  use.traits.fitzpatrick = 4;

  EXPECT_TRUE(is_read(field_named("sensitivity_factor_high"), use));
  EXPECT_FALSE(is_read(field_named("sensitivity_factor_normal"), use));
  EXPECT_TRUE(is_read(field_named("pih_reactivity_type_4"), use));
  EXPECT_FALSE(is_read(field_named("pih_reactivity_type_5"), use));
  EXPECT_TRUE(is_read(field_named("inflammation_half_life_h"), use));
}

TEST(ResponseParameters, ScoreCoefficientsAreReadOnlyForTheReportedConcernsAndAcneDynamicsForAcneOrPores) {
  ResponseUse pores;
  pores.reports_enlarged_pores = true;
  ResponseUse retinol;
  retinol.applies_retinol = true;
  retinol.traits.acne_prone = true;

  EXPECT_TRUE(is_read(field_named("pores_per_acne_percent"), pores));
  EXPECT_TRUE(is_read(field_named("acne_response_time_d"), pores));
  EXPECT_FALSE(is_read(field_named("purge_per_activation"), pores));
  EXPECT_FALSE(is_read(field_named("texture_per_collagen_percent"), pores));
  EXPECT_FALSE(is_read(field_named("retinol_potency_ratio"), pores));
  EXPECT_TRUE(is_read(field_named("retinol_potency_ratio"), retinol));
  EXPECT_TRUE(is_read(field_named("purge_per_activation"), retinol));  // acne-prone skin purges
}

TEST(ResponseParameters, RejectsAValueOutsideItsAllowedRange) {
  ResponseParameters parameters = testing::load_response_parameters();

  parameters.barrier_min = 0.9;

  EXPECT_THROW(check_response_parameters(parameters), InternalError);
}

}  // namespace
}  // namespace dermasim::response
