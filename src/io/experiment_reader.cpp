#include "io/experiment_reader.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "io/input_kind.hpp"
#include "io/toml_table.hpp"

namespace dermasim::io {
namespace {

constexpr EnumNames<transport::Receptor, 2> receptor_names{
    {{{transport::Receptor::sink, "sink"}, {transport::Receptor::clearance, "clearance"}}}};

transport::Compound inline_compound(const TomlTable& active) {
  active.allow_only({"name", "molecular_weight", "log_p", "pka", "ionization", "water_solubility_mg_per_ml"});
  transport::Compound compound;
  compound.name = active.string("name");
  compound.molecular_weight_g_per_mol = active.number(
      "molecular_weight", {16.0, 1500.0, "give the molecular weight in g/mol, e.g. molecular_weight = 194.19"});
  compound.log_p =
      active.number("log_p", {-6.0, 10.0, "give log10 of the octanol/water partition coefficient, e.g. log_p = -0.07"});
  compound.pka = active.optional_number("pka", {-5.0, 20.0, "give the pKa, e.g. pka = 4.7"});
  compound.ionization = active.has("ionization") ? active.choice("ionization", transport::ionization_names)
                                                 : transport::Ionization::neutral;
  if (compound.ionization != transport::Ionization::neutral && !compound.pka)
    active.fail("ionization",
                "an acid or base needs its pKa: add pka (e.g. pka = 4.7) or set ionization = \"neutral\"");
  if (const auto solubility = active.optional_number("water_solubility_mg_per_ml",
                                                     {0.0, 2000.0, "give the water solubility in mg/mL, e.g. 21.6"})) {
    compound.water_solubility = *solubility * units::milligram_per_millilitre;
  }
  return compound;
}

transport::Compound catalogue_compound(const TomlTable& experiment, const regimen::Catalogue& catalogue,
                                       const std::string& id) {
  const regimen::ActiveSpec* spec = catalogue.find_active(id);
  if (spec == nullptr) {
    experiment.fail("active", fmt::format("active = \"{}\" is neither in data/actives.toml nor defined in "
                                          "an [active] table; name a catalogue active (e.g. \"tretinoin\") "
                                          "or add [active] with name = \"{}\"",
                                          id, id));
  }
  if (!spec->has_physicochemistry) {
    experiment.fail("active", fmt::format("active = \"{}\" has no physicochemistry in data/actives.toml to "
                                          "compute transport from; define it in an [active] table",
                                          id));
  }
  transport::Compound compound;
  compound.name = spec->name;
  compound.molecular_weight_g_per_mol = spec->molecular_weight_g_per_mol.value;
  compound.log_p = spec->log_p.value;
  compound.ionization = spec->ionization;
  if (spec->pka) compound.pka = spec->pka->value;
  if (spec->water_solubility_mg_per_ml.value > 0.0) {
    compound.water_solubility = spec->water_solubility_mg_per_ml.value * units::milligram_per_millilitre;
  }
  return compound;
}

/// The compound: an inline [active] (named as in [experiment]) or the catalogue's.
transport::Compound read_compound(const TomlTable& root, const TomlTable& experiment,
                                  const regimen::Catalogue& catalogue, const std::string& name) {
  const auto active = root.optional_table("active");
  if (!active) return catalogue_compound(experiment, catalogue, name);
  transport::Compound compound = inline_compound(*active);
  if (compound.name != name) {
    active->fail("name", fmt::format("[active] name = \"{}\" differs from [experiment] active = \"{}\"; "
                                     "use the same name in both",
                                     compound.name, name));
  }
  return compound;
}

/// The applied amount: dose_mg_per_cm2, the vehicle's default, or nullopt for `dose = "infinite"`.
std::optional<double> read_dose(const TomlTable& experiment, const regimen::Catalogue& catalogue,
                                regimen::Vehicle vehicle) {
  if (!experiment.has("dose")) {
    return experiment.has("dose_mg_per_cm2")
               ? experiment.number(
                     "dose_mg_per_cm2",
                     {0.01, 100.0, "give the applied amount of product in mg/cm2, e.g. dose_mg_per_cm2 = 2.0"})
               : catalogue.vehicle(vehicle).default_amount_mg_per_cm2.value;
  }
  if (experiment.has("dose_mg_per_cm2")) {
    experiment.fail("dose", "give either dose_mg_per_cm2 (finite dose) or dose = \"infinite\", not both");
  }
  if (experiment.string("dose") != "infinite") {
    experiment.fail("dose", fmt::format("dose = \"{}\" is not allowed; write dose = \"infinite\" for a "
                                        "constant donor, or dose_mg_per_cm2 = 2.0 for a finite dose",
                                        experiment.string("dose")));
  }
  return std::nullopt;
}

/// The skin: three explicit layer thicknesses, or a catalogue site.
void read_skin(const TomlTable& experiment, const regimen::Catalogue& catalogue, Experiment& out) {
  const bool explicit_layers =
      experiment.has("stratum_corneum_um") || experiment.has("viable_epidermis_um") || experiment.has("dermis_um");
  if (explicit_layers) {
    if (experiment.has("site")) {
      experiment.fail("site", "give either site or the three layer thicknesses, not both");
    }
    out.site = "explicit";
    out.layers.stratum_corneum =
        micrometres(experiment.number("stratum_corneum_um", {1.0, 200.0, "e.g. stratum_corneum_um = 15"}));
    out.layers.viable_epidermis =
        micrometres(experiment.number("viable_epidermis_um", {5.0, 500.0, "e.g. viable_epidermis_um = 60"}));
    out.layers.dermis = micrometres(experiment.number("dermis_um", {10.0, 5000.0, "e.g. dermis_um = 1000"}));
    return;
  }
  out.site = experiment.string("site");
  const regimen::SiteSpec* site = catalogue.find_site(out.site);
  if (site == nullptr) {
    experiment.fail("site", fmt::format("site = \"{}\" is not in data/sites.toml; name a catalogue site "
                                        "(e.g. \"cheek\", \"abdomen\") or give stratum_corneum_um, "
                                        "viable_epidermis_um and dermis_um",
                                        out.site));
  }
  out.layers = {micrometres(site->stratum_corneum_um.value), micrometres(site->viable_epidermis_um.value),
                micrometres(site->dermis_um.value)};
}

/// The [microneedles] table: device, needle length, channel density (the device's default
/// passes when absent) and the minutes from perforation to application.
MicroneedleExperiment read_microneedles(const TomlTable& needles, const regimen::Catalogue& catalogue) {
  needles.allow_only({"device", "needle_mm", "density_per_cm2", "minutes_before"});
  MicroneedleExperiment m;
  m.device = needles.has("device") ? needles.choice("device", regimen::device_names) : regimen::Device::pen;
  m.needle_mm = needles.number("needle_mm", {0.2, 3.0, "give the needle length in millimetres, e.g. needle_mm = 0.5"});
  const auto& device = catalogue.device(m.device);
  m.channels_per_cm2 =
      needles.optional_number("density_per_cm2", {1.0, 10000.0, "give channels per cm2, e.g. density_per_cm2 = 100"})
          .value_or(device.channels_per_cm2_per_pass.value * device.default_passes.value);
  m.minutes_before = needles
                         .optional_number("minutes_before", {0.0, 60.0 * 24.0 * 7.0,
                                                             "give minutes from perforation to application, e.g. 0"})
                         .value_or(0.0);
  return m;
}

}  // namespace

Experiment read_experiment(std::string_view text, const std::string& file_name, const regimen::Catalogue& catalogue) {
  const toml::table document = parse_toml(text, file_name);
  require_input_kind(document, file_name, InputKind::experiment);
  const TomlTable root(document, file_name, "the experiment file");
  root.allow_only({"experiment", "microneedles", "active"});
  const TomlTable experiment = root.table("experiment");
  experiment.allow_only({"active", "strength_percent", "vehicle", "dose_mg_per_cm2", "dose", "hours", "wash_off_hours",
                         "site", "stratum_corneum_um", "viable_epidermis_um", "dermis_um", "receptor", "occluded",
                         "barrier"});
  Experiment out;
  out.active = experiment.string("active");
  out.compound = read_compound(root, experiment, catalogue, out.active);
  out.strength_percent = experiment.number(
      "strength_percent", {1e-6, 100.0, "give the drug's mass percent in the product, e.g. strength_percent = 0.05"});
  out.vehicle = experiment.choice("vehicle", regimen::vehicle_names);
  out.dose_mg_per_cm2 = read_dose(experiment, catalogue, out.vehicle);
  out.hours = experiment.number("hours", {0.01, 24.0 * 30.0, "give the experiment's length in hours, e.g. hours = 24"});
  out.wash_off_hours = experiment.optional_number(
      "wash_off_hours", {0.0, out.hours, "give the wash-off time in hours after application, within the experiment"});
  read_skin(experiment, catalogue, out);
  out.receptor = experiment.choice("receptor", receptor_names);
  out.occluded = experiment.boolean("occluded", false);
  out.barrier =
      experiment
          .optional_number("barrier", {0.05, 1.0, "give the stratum corneum barrier state, 0.05 (leaky) to 1 (intact)"})
          .value_or(1.0);
  if (const auto needles = root.optional_table("microneedles"))
    out.microneedles = read_microneedles(*needles, catalogue);
  return out;
}

Experiment read_experiment_file(const std::string& path, const regimen::Catalogue& catalogue) {
  return read_experiment(read_input_file(path, InputKind::experiment), path, catalogue);
}

}  // namespace dermasim::io
