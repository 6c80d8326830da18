#include "io/catalogue_reader.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "io/embedded_data.hpp"
#include "regimen/person.hpp"

namespace dermasim::io {
namespace {

using namespace regimen;

/// A scratch data directory holding one edited catalogue file.
class EditedDataDirectory {
 public:
  EditedDataDirectory(const std::string& file_name, const std::string& text)
      : path_(std::filesystem::temp_directory_path() /
              ("dermasim-data-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::create_directories(path_);
    std::ofstream(path_ / file_name) << text;
  }
  ~EditedDataDirectory() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string embedded(std::string_view name) {
  for (const auto& file : embedded_catalogue_files())
    if (file.name == name) return std::string(file.text);
  return {};
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

std::string load_error(const std::string& file_name, const std::string& text) {
  const EditedDataDirectory directory(file_name, text);
  try {
    (void)load_catalogue(directory.path());
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(CatalogueReader, TheEmbeddedCataloguesAreCompleteAndSourced) {
  const Catalogue catalogue = load_catalogue(std::nullopt);

  EXPECT_EQ(catalogue.rules.rules().size(), rule_schemas().size());
  for (const auto& rule : catalogue.rules.rules()) EXPECT_FALSE(rule.source.empty()) << rule.id;
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

  EXPECT_DOUBLE_EQ(catalogue.rules.rule("tretinoin-washout").number("min_days"), 6.0);
  EXPECT_FALSE(catalogue.vehicles.empty());
}

TEST(CatalogueReader, RejectsAnUnknownRuleIdWithTheNearestKnownOne) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "id = \"sunscreen\"", "id = \"sunscren\"");

  EXPECT_NE(load_error("rules.toml", rules).find("did you mean \"sunscreen\"?"), std::string::npos);
}

TEST(CatalogueReader, RejectsAMissingThresholdAndASeverityOutsideTheTwo) {
  std::string missing = embedded("rules.toml");
  replace_once(missing, "recommended_days = 7\n", "");
  std::string severity = embedded("rules.toml");
  replace_once(severity, "severity = \"error\"", "severity = \"fatal\"");

  EXPECT_NE(load_error("rules.toml", missing).find("needs the key 'recommended_days'"), std::string::npos);
  EXPECT_NE(load_error("rules.toml", severity).find("use one of error or warning"), std::string::npos);
}

TEST(CatalogueReader, RequiresASourceOrAnAssumptionWithANote) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "source = \"Soltani-Arabshahi", "reference = \"Soltani-Arabshahi");

  const std::string error = load_error("rules.toml", rules);

  EXPECT_NE(error.find("rules.toml:"), std::string::npos);
  EXPECT_NE(error.find("'reference'"), std::string::npos);
}

TEST(CatalogueReader, RequiresEveryRuleTheCheckerKnows) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "id = \"pih-deep-needles\"", "id = \"pih-deep-needles\"\n[[rule]]\nid = \"pih-deep-needles\"");

  EXPECT_NE(load_error("rules.toml", rules).find("rules.toml:"), std::string::npos);
}

TEST(CatalogueReader, RejectsARangeThatDoesNotHoldItsValue) {
  std::string vehicles = embedded("vehicles.toml");
  replace_once(vehicles, "range = [0.95, 1.05]", "range = [1.5, 2.0]");

  EXPECT_NE(load_error("vehicles.toml", vehicles).find("does not contain its value"), std::string::npos);
}

TEST(CatalogueReader, NamesTheDataDirectoryFromTheEnvironment) {
  ::setenv("DERMASIM_DATA", "/tmp/edited", 1);
  EXPECT_EQ(data_directory(std::nullopt), std::filesystem::path("/tmp/edited"));
  EXPECT_EQ(data_directory(std::filesystem::path("/other")), std::filesystem::path("/other"));
  ::unsetenv("DERMASIM_DATA");
  EXPECT_EQ(data_directory(std::nullopt), std::nullopt);
}

}  // namespace
}  // namespace dermasim::io
