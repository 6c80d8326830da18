// The transport parameter table against data/transport.toml: every field is in the file with
// its unit in its key and its value (and data range) inside the allowed range, every file
// entry is a field, and the struct's defaults are the shipped values.
#include "transport/transport_parameters.hpp"

#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "core/error.hpp"

namespace dermasim::transport {
namespace {

const toml::table& shipped_file() {
  static const toml::table document = toml::parse_file(std::string(DERMASIM_SOURCE_DIR) + "/data/transport.toml");
  return document;
}

const toml::table& entry_of(const TransportParameterField& field) {
  const toml::table* entry = shipped_file()[field.section][field.key].as_table();
  if (entry == nullptr) throw std::runtime_error("data/transport.toml lacks " + field.name());
  return *entry;
}

double file_value(const TransportParameterField& field) { return *entry_of(field)["value"].value<double>(); }

/// The SI value of the unit a key's suffix names.
double unit_of_key(std::string_view key) {
  if (key.ends_with("_per_h")) return units::per_hour.si();
  if (key.ends_with("_h")) return units::hour.si();
  if (key.ends_with("_um")) return units::micrometre.si();
  return 1.0;  // a dimensionless number: pH, fraction, partition coefficient
}

TEST(TransportParameters, EveryFieldIsInTheDataFileWithItsValueAndRangeInsideTheAllowedRange) {
  for (const TransportParameterField& field : transport_parameter_fields()) {
    SCOPED_TRACE(field.name());
    const toml::table& entry = entry_of(field);

    const double value = *entry["value"].value<double>();
    EXPECT_GE(value, field.min);
    EXPECT_LE(value, field.max);
    if (const toml::array* range = entry["range"].as_array()) {
      ASSERT_EQ(range->size(), 2u);
      EXPECT_GE(*(*range)[0].value<double>(), field.min);
      EXPECT_LE(*(*range)[1].value<double>(), field.max);
    }
  }
}

TEST(TransportParameters, EveryKeyNamesTheUnitTheTableConvertsFrom) {
  for (const TransportParameterField& field : transport_parameter_fields()) {
    SCOPED_TRACE(field.name());

    EXPECT_NEAR(field.si_per_file_unit, unit_of_key(field.key), 1e-15 * unit_of_key(field.key));
  }
}

TEST(TransportParameters, EveryEntryOfTheDataFileIsAFieldOfTheTable) {
  std::set<std::string> names;
  for (const TransportParameterField& field : transport_parameter_fields()) names.insert(field.name());

  for (const auto& [section, node] : shipped_file()) {
    for (const auto& [key, entry] : *node.as_table()) {
      const std::string name = std::string(section.str()) + "." + std::string(key.str());
      EXPECT_TRUE(names.contains(name)) << name;
    }
  }
  EXPECT_EQ(names.size(), transport_parameter_fields().size());  // no name twice
}

TEST(TransportParameters, TheDefaultsAreTheShippedValues) {
  const TransportParameters defaults;

  for (const TransportParameterField& field : transport_parameter_fields()) {
    SCOPED_TRACE(field.name());
    EXPECT_NEAR(parameter_value(defaults, field), file_value(field), 1e-12 * std::abs(file_value(field)));
  }
}

TEST(TransportParameters, SetsAndReadsBackEachFieldInFileUnits) {
  TransportParameters parameters;

  for (const TransportParameterField& field : transport_parameter_fields()) {
    const double midpoint = 0.5 * (field.min + field.max);
    set_parameter(parameters, field, midpoint);
    EXPECT_NEAR(parameter_value(parameters, field), midpoint, 1e-12 * midpoint) << field.name();
  }
  EXPECT_NEAR(parameters.closure_time_open.in(units::hour), 0.5 * (0.01 + 200.0), 1e-9);
  EXPECT_NEAR(parameters.properties.reference_stratum_corneum.in(units::micrometre), 50.5, 1e-9);
}

TEST(TransportParameters, ChannelClosureIsReadOnlyWithSessionsAndTheRestOnlyWithARetinoid) {
  const TransportUse sessions_only{.applies_retinoid = false, .has_sessions = true};
  const TransportUse retinoid_only{.applies_retinoid = true, .has_sessions = false};

  for (const TransportParameterField& field : transport_parameter_fields()) {
    const bool is_closure = field.section == "closure";
    EXPECT_EQ(is_read(field, sessions_only), is_closure) << field.name();
    EXPECT_EQ(is_read(field, retinoid_only), !is_closure) << field.name();
  }
}

TEST(TransportParameters, RejectsAValueOutsideItsAllowedRange) {
  TransportParameters parameters;

  parameters.properties.viable_tissue_ph = 12.0;

  EXPECT_THROW(check_transport_parameters(parameters), InternalError);
}

}  // namespace
}  // namespace dermasim::transport
