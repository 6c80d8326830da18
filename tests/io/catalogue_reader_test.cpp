#include "io/catalogue_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "catalogue_edit.hpp"
#include "io/embedded_data.hpp"
#include "io/transport_catalogue.hpp"
#include "regimen/person.hpp"

namespace dermasim::io {
namespace {

using namespace regimen;
using namespace catalogue_test;

TEST(CatalogueReader, TheEmbeddedCataloguesAreCompleteAndSourced) {
  const Catalogue catalogue = load_catalogue(std::nullopt);

  EXPECT_EQ(catalogue.rules.all().size(), rule_schemas().size());
  for (const auto* rule : catalogue.rules.all()) EXPECT_FALSE(rule->source.empty()) << rule->id;
  for (const auto& [active, name] : active_names.entries()) EXPECT_NE(catalogue.find_active(name), nullptr) << name;
  for (const auto& [site, name] : site_names.entries()) EXPECT_NE(catalogue.find_site(name), nullptr) << name;
  EXPECT_NE(catalogue.find_site("abdomen"), nullptr);
  EXPECT_NE(catalogue.find_site("forearm"), nullptr);
  const auto& tretinoin = *catalogue.find_active("tretinoin");
  EXPECT_NEAR(tretinoin.molecular_weight_g_per_mol.value, 300.44, 0.01);
  EXPECT_FALSE(tretinoin.molecular_weight_g_per_mol.provenance.source.empty());
}

TEST(CatalogueReader, ADataDirectoryOverridesOneFileAndKeepsTheRestBuiltIn) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "min_days = 5\n", "min_days = 6\n");
  const EditedDataDirectory directory("rules.toml", rules);

  const Catalogue catalogue = load_catalogue(directory.path());

  EXPECT_EQ(catalogue.rules.tretinoin_washout.min_days, 6);
  EXPECT_FALSE(catalogue.vehicles.empty());
}

TEST(CatalogueReader, RefusesAnIonizingActiveWithoutPka) {
  std::string actives = embedded("actives.toml");
  const auto vitamin_c = actives.find("id = \"vitamin_c\"");
  ASSERT_NE(vitamin_c, std::string::npos);
  const auto pka_line = actives.find("pka = {", vitamin_c);
  actives.erase(pka_line, actives.find('\n', pka_line) + 1 - pka_line);

  const std::string error = load_error("actives.toml", actives);

  EXPECT_NE(error.find("actives.toml:"), std::string::npos) << error;
  EXPECT_NE(error.find("active 'vitamin_c' ionizes (acid) but gives no pka"), std::string::npos) << error;
}

TEST(CatalogueReader, ANeutralActiveNeedsNoPka) {
  const Catalogue catalogue = load_catalogue(std::nullopt);
  EXPECT_FALSE(catalogue.find_active("caffeine")->pka.has_value());
  EXPECT_TRUE(catalogue.find_active("tretinoin")->pka.has_value());
}

TEST(CatalogueReader, RejectsACatalogueEntryDefinedTwice) {
  std::string sites = embedded("sites.toml");
  sites +=
      "\n[[site]]\nid = \"cheek\"\nstratum_corneum_um = { value = 1, source = \"s\" }\n"
      "viable_epidermis_um = { value = 1, source = \"s\" }\ndermis_um = { value = 1, source = \"s\" }\n";
  std::string vehicles = embedded("vehicles.toml");
  replace_once(vehicles, "id = \"lotion\"", "id = \"cream\"");

  const std::string site_error = load_error("sites.toml", sites);
  EXPECT_NE(site_error.find("site 'cheek' is defined twice"), std::string::npos) << site_error;
  const std::string vehicle_error = load_error("vehicles.toml", vehicles);
  EXPECT_NE(vehicle_error.find("vehicles.toml:" + line_and_column(vehicles, "\"cream\"", 2)), std::string::npos)
      << vehicle_error;
  EXPECT_NE(vehicle_error.find("vehicle 'cream' is defined twice"), std::string::npos) << vehicle_error;
}

TEST(CatalogueReader, RejectsARangeThatDoesNotHoldItsValue) {
  std::string vehicles = embedded("vehicles.toml");
  replace_once(vehicles, "range = [0.95, 1.05]", "range = [1.5, 2.0]");

  EXPECT_NE(load_error("vehicles.toml", vehicles).find("does not contain its value"), std::string::npos);
}

TEST(CatalogueReader, RejectsAnIonizationOutsideItsNamesAtTheValuesLineAndColumn) {
  std::string actives = embedded("actives.toml");
  replace_once(actives, "ionization = { value = \"acid\"", "ionization = { value = \"acidic\"");

  const std::string error = load_error("actives.toml", actives);

  EXPECT_NE(error.find("actives.toml:" + line_and_column(actives, "\"acidic\"") + ": ionization: "), std::string::npos)
      << error;
  EXPECT_NE(error.find("use one of neutral, acid or base"), std::string::npos) << error;
}

TEST(CatalogueReader, RejectsAChemicalClassOutsideItsNamesAtTheValuesLineAndColumn) {
  std::string actives = embedded("actives.toml");
  replace_once(actives, "class = \"retinoid\"", "class = \"retinoids\"");

  const std::string error = load_error("actives.toml", actives);

  EXPECT_NE(error.find("actives.toml:" + line_and_column(actives, "\"retinoids\"") + ":"), std::string::npos) << error;
  EXPECT_NE(error.find("did you mean \"retinoid\"?"), std::string::npos) << error;
}

TEST(TransportCatalogue, ReadsEveryFieldThroughTheTableAndKeepsTheRangesByName) {
  const TransportCatalogue catalogue = load_transport_catalogue(std::nullopt);

  EXPECT_NEAR(catalogue.parameters.closure_time_open.in(units::hour), 0.7, 1e-12);
  EXPECT_NEAR(catalogue.parameters.properties.reference_stratum_corneum.in(units::micrometre), 15.0, 1e-12);
  ASSERT_TRUE(catalogue.ranges.contains("closure.time_constant_open_h"));
  EXPECT_DOUBLE_EQ(catalogue.ranges.at("closure.time_constant_open_h").high, 6.0);
  EXPECT_FALSE(catalogue.ranges.contains("properties.viable_tissue_ph"));  // the file gives it no range
}

TEST(TransportCatalogue, RejectsAKeyTheTableDoesNotKnowAndAValueOutsideTheAllowedRange) {
  std::string unknown = embedded("transport.toml");
  replace_once(unknown, "dermal_clearance_per_h = {", "dermal_clearence_per_h = {");
  std::string outside = embedded("transport.toml");
  replace_once(outside, "viable_tissue_ph = { value = 7.4", "viable_tissue_ph = { value = 10.4");
  const auto error_of = [](const std::string& text) -> std::string {
    const EditedDataDirectory directory("transport.toml", text);
    try {
      (void)load_transport_catalogue(directory.path());
    } catch (const InputError& error) {
      return error.what();
    }
    return "no error";
  };

  EXPECT_NE(error_of(unknown).find("unknown key 'dermal_clearence_per_h'"), std::string::npos) << error_of(unknown);
  const std::string range_error = error_of(outside);
  const std::string line = line_and_column(outside, "10.4");
  EXPECT_NE(range_error.find("transport.toml:" + line.substr(0, line.find(':')) + ":"), std::string::npos)
      << range_error;
  EXPECT_NE(range_error.find("viable_tissue_ph"), std::string::npos) << range_error;
}

TEST(CatalogueReader, EachFileReadsFromTextUnderTheNameItIsGiven) {
  const Catalogue built_in = load_catalogue(std::nullopt);

  EXPECT_EQ(read_actives(embedded("actives.toml"), "a.toml").size(), built_in.actives.size());
  EXPECT_EQ(read_vehicles(embedded("vehicles.toml"), "v.toml").size(), built_in.vehicles.size());
  EXPECT_EQ(read_devices(embedded("devices.toml"), "d.toml").size(), built_in.devices.size());
  EXPECT_EQ(read_sites(embedded("sites.toml"), "s.toml").size(), built_in.sites.size());
  EXPECT_EQ(read_rules(embedded("rules.toml"), "r.toml").all().size(), rule_schemas().size());
  EXPECT_NEAR(
      read_transport_catalogue(embedded("transport.toml"), "t.toml").parameters.closure_time_open.in(units::hour), 0.7,
      1e-12);
}

TEST(CatalogueReader, AMissingVehicleIsReportedInTheFileThatLacksIt) {
  std::string vehicles = embedded("vehicles.toml");
  const auto lotion = vehicles.find("[[vehicle]]\nid = \"lotion\"");
  ASSERT_NE(lotion, std::string::npos);
  vehicles.erase(lotion);  // the last block

  try {
    (void)read_vehicles(vehicles, "edited/vehicles.toml");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.position().file, "edited/vehicles.toml");
    EXPECT_NE(error.message().find("has no entry for 'lotion'"), std::string::npos) << error.what();
  }
}

TEST(CatalogueReader, RequiresEveryFaceSiteSoThatSimulateFindsThePersonsSite) {
  std::string sites = embedded("sites.toml");
  const auto neck = sites.find("[[site]]\nid = \"neck\"");
  ASSERT_NE(neck, std::string::npos);
  sites.erase(neck, sites.find("[[site]]", neck + 1) - neck);

  const std::string error = load_error("sites.toml", sites);

  EXPECT_NE(error.find("sites.toml: has no entry for 'neck'"), std::string::npos) << error;
}

TEST(CatalogueReader, RequiresARetinoidsPhysicochemistryAndRefusesPartsOfIt) {
  std::string retinoid = embedded("actives.toml");
  const auto tretinoin = retinoid.find("id = \"tretinoin\"");
  const auto first = retinoid.find("molecular_weight_g_per_mol = {", tretinoin);
  const auto last = retinoid.find("potency_relative_to_tretinoin = {", tretinoin);
  ASSERT_LT(first, last);
  std::string partial = retinoid;
  partial.erase(first, partial.find('\n', first) + 1 - first);  // only the molar mass
  retinoid.erase(first, last - first);                          // all of it

  const std::string retinoid_error = load_error("actives.toml", retinoid);
  // The missing key has no position of its own: the error points at the entry's block.
  const auto block = retinoid.rfind("[[active]]", retinoid.find("id = \"tretinoin\""));
  const auto block_line = std::count(retinoid.begin(), retinoid.begin() + static_cast<std::ptrdiff_t>(block), '\n') + 1;
  EXPECT_NE(retinoid_error.find("actives.toml:" + std::to_string(block_line) + ":1:"), std::string::npos)
      << retinoid_error;
  EXPECT_NE(retinoid_error.find("active 'tretinoin' is a retinoid"), std::string::npos) << retinoid_error;
  const std::string partial_error = load_error("actives.toml", partial);
  EXPECT_NE(partial_error.find("active 'tretinoin' gives log_p but no molecular_weight_g_per_mol"), std::string::npos)
      << partial_error;
}

TEST(CatalogueReader, NamesTheDataDirectoryFromTheEnvironment) {
  const EditedDataDirectory from_environment("rules.toml", embedded("rules.toml"));
  const auto other = from_environment.path() / "other";
  std::filesystem::create_directory(other);
  ::setenv("DERMASIM_DATA", from_environment.path().c_str(), 1);
  EXPECT_EQ(data_directory(std::nullopt), from_environment.path());
  EXPECT_EQ(data_directory(other), other);
  ::unsetenv("DERMASIM_DATA");
  EXPECT_EQ(data_directory(std::nullopt), std::nullopt);
}

std::string data_directory_error(const std::optional<std::filesystem::path>& given) {
  try {
    (void)data_directory(given);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(CatalogueReader, RefusesAMissingDataDirectoryFromTheEnvironmentAsFromTheCommandLine) {
  const auto missing = std::filesystem::temp_directory_path() / "dermasim-no-such-data-directory-3f9c1";
  ::setenv("DERMASIM_DATA", missing.c_str(), 1);
  const std::string from_environment = data_directory_error(std::nullopt);
  ::unsetenv("DERMASIM_DATA");
  const std::string from_command_line = data_directory_error(missing);

  EXPECT_EQ(from_environment.rfind("DERMASIM_DATA: " + missing.string() + " is not a directory", 0), 0u)
      << from_environment;
  EXPECT_EQ(from_command_line.rfind("--data: " + missing.string() + " is not a directory", 0), 0u) << from_command_line;
}

TEST(CatalogueReader, RefusesAMisspeltCatalogueInTheDataDirectoryAndIgnoresOtherFiles) {
  const EditedDataDirectory directory("rule.toml", embedded("rules.toml"));
  std::ofstream(directory.path() / "acne.scenario.toml") << "# a scenario kept next to the catalogues\n";

  const std::string error = data_directory_error(directory.path());

  EXPECT_NE(error.find("rule.toml: is not a catalogue dermasim reads"), std::string::npos) << error;
  EXPECT_NE(error.find("did you mean rules.toml?"), std::string::npos) << error;
  std::filesystem::remove(directory.path() / "rule.toml");
  EXPECT_EQ(data_directory_error(directory.path()), "no error");
}

/// The text of one `[[key]]` block of `file`: from its `id = "ID"` line to the next block.
std::string block_of(const std::string& file, const std::string& key, const std::string& id) {
  const auto start = file.find("id = \"" + id + "\"");
  const auto end = file.find("[[" + key + "]]", start);
  return "[[" + key + "]]\n" + file.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

TEST(CatalogueReader, RefusesAnActiveDefinedTwiceAtTheSecondId) {
  std::string actives = embedded("actives.toml");
  std::string copy = block_of(actives, "active", "tretinoin");
  replace_once(copy, "value = 300.44", "value = 350.0");
  actives += "\n" + copy;

  const std::string error = load_error("actives.toml", actives);

  const auto second = actives.rfind("id = \"tretinoin\"");
  const auto line = std::count(actives.begin(), actives.begin() + static_cast<std::ptrdiff_t>(second), '\n') + 1;
  EXPECT_NE(error.find("actives.toml:" + std::to_string(line) +
                       ":6: active 'tretinoin' is defined twice (first at "
                       "line " +
                       line_and_column(actives, "id = \"tretinoin\"").substr(0, 2)),
            std::string::npos)
      << error;
}

TEST(CatalogueReader, RefusesASiteDefinedTwice) {
  std::string sites = embedded("sites.toml");
  sites += "\n" + block_of(sites, "site", "cheek");

  EXPECT_NE(load_error("sites.toml", sites).find("site 'cheek' is defined twice"), std::string::npos);
}

TEST(CatalogueReader, RefusesAVehicleDefinedTwice) {
  std::string vehicles = embedded("vehicles.toml");
  vehicles += "\n" + block_of(vehicles, "vehicle", "gel");

  EXPECT_NE(load_error("vehicles.toml", vehicles).find("vehicle 'gel' is defined twice"), std::string::npos);
}

TEST(CatalogueReader, RefusesACatalogueWithoutAFaceSiteNamingThePathAsGiven) {
  std::string sites = embedded("sites.toml");
  replace_once(sites, "id = \"neck\"", "id = \"neck-lower\"");
  const EditedDataDirectory directory("sites.toml", sites);

  std::string error;
  try {
    (void)load_catalogue(directory.path());
  } catch (const InputError& caught) {
    error = caught.what();
  }

  EXPECT_EQ(error.rfind((directory.path() / "sites.toml").string() + ": has no entry for 'neck'", 0), 0u) << error;
}

TEST(CatalogueReader, RefusesARetinoidWithoutPhysicochemistry) {
  std::string actives = embedded("actives.toml");
  const auto retinol = actives.find("id = \"retinol\"");
  for (const std::string key : {"molecular_weight_g_per_mol", "log_p", "ionization", "water_solubility_mg_per_ml"}) {
    const auto line = actives.find(key + " = {", retinol);
    actives.erase(line, actives.find('\n', line) + 1 - line);
  }

  const std::string error = load_error("actives.toml", actives);

  EXPECT_NE(error.find("actives.toml:" + line_and_column(actives, "[[active]]\nid = \"retinol\"") +
                       ": active 'retinol' is a retinoid, which simulate, plan and population carry into the skin"),
            std::string::npos)
      << error;
}

TEST(CatalogueReader, RefusesPhysicochemistryWithoutAMolecularWeight) {
  std::string actives = embedded("actives.toml");
  replace_once(actives, "molecular_weight_g_per_mol = { value = 194.19",
               "# molecular_weight_g_per_mol = { value = 194.19");

  EXPECT_NE(load_error("actives.toml", actives).find("active 'caffeine' gives log_p but no molecular_weight_g_per_mol"),
            std::string::npos);
}

TEST(CatalogueReader, RefusesAScenarioActiveWhoseClassContradictsTheChecker) {
  std::string tretinoin = embedded("actives.toml");
  replace_once(tretinoin, "class = \"retinoid\"", "class = \"inert\"");
  std::string vitamin_c = embedded("actives.toml");
  replace_once(vitamin_c, "class = \"antioxidant\"", "class = \"retinoid\"");

  EXPECT_NE(load_error("actives.toml", tretinoin).find("give class = \"retinoid\""), std::string::npos);
  EXPECT_NE(load_error("actives.toml", vitamin_c).find("active 'vitamin_c' is not one of the retinoids"),
            std::string::npos);
}

}  // namespace
}  // namespace dermasim::io
