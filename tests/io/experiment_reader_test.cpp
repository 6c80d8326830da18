#include "io/experiment_reader.hpp"

#include <string>

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "core/error.hpp"

namespace dermasim::io {
namespace {

const regimen::Catalogue& catalogue() { return test_support::built_in_catalogue(); }

// The inline-compound example of the file-formats guide, with `extra` added to its [active] table.
std::string inline_experiment(const std::string& ionization, const std::string& extra = "") {
  return "[experiment]\nactive = \"probe\"\nstrength_percent = 1.0\nvehicle = \"gel\"\ndose = \"infinite\"\n"
         "hours = 24\nsite = \"abdomen\"\nreceptor = \"sink\"\n\n[active]\nname = \"probe\"\n"
         "molecular_weight = 194.19\nlog_p = -0.07\nionization = \"" +
         ionization + "\"\nwater_solubility_mg_per_ml = 21.6\n" + extra;
}

std::string error_of(const std::string& text) {
  try {
    (void)read_experiment(text, "probe.experiment.toml", catalogue());
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(ExperimentReader, AnInlineNeutralCompoundNeedsNoPka) {
  const Experiment experiment = read_experiment(inline_experiment("neutral"), "probe.toml", catalogue());
  EXPECT_EQ(experiment.compound.ionization, Ionization::neutral);
  EXPECT_FALSE(experiment.compound.pka.has_value());
  EXPECT_DOUBLE_EQ(experiment.compound.molecular_weight_g_per_mol, 194.19);
}

TEST(ExperimentReader, AnInlineAcidWithoutPkaIsRefusedAtItsIonization) {
  const std::string error = error_of(inline_experiment("acid"));
  EXPECT_NE(error.find("probe.experiment.toml:14:"), std::string::npos) << error;
  EXPECT_NE(error.find("needs its pKa"), std::string::npos) << error;
}

TEST(ExperimentReader, AnInlineAcidCarriesItsPka) {
  const Experiment experiment = read_experiment(inline_experiment("acid", "pka = 4.7\n"), "probe.toml", catalogue());
  ASSERT_TRUE(experiment.compound.pka.has_value());
  EXPECT_DOUBLE_EQ(*experiment.compound.pka, 4.7);
}

TEST(ExperimentReader, ACatalogueActiveBringsItsPkaAndIonization) {
  std::string text = inline_experiment("neutral");
  text = text.substr(0, text.find("[active]"));
  text.replace(text.find("\"probe\""), 7, "\"tretinoin\"");
  const Experiment experiment = read_experiment(text, "probe.toml", catalogue());
  EXPECT_EQ(experiment.compound.ionization, Ionization::acid);
  ASSERT_TRUE(experiment.compound.pka.has_value());
  EXPECT_DOUBLE_EQ(*experiment.compound.pka, catalogue().find_active("tretinoin")->pka->value);
}

}  // namespace
}  // namespace dermasim::io
