#include "app/absorb_command.hpp"

#include <algorithm>
#include <iostream>

#include "app/output_directory.hpp"
#include "io/catalogue_reader.hpp"
#include "io/experiment_reader.hpp"
#include "io/transport_catalogue.hpp"
#include "report/absorb_report.hpp"
#include "transport/skin_model_builder.hpp"

namespace dermasim::app {

CLI::App* add_absorb_command(CLI::App& app, AbsorbOptions& options) {
  CLI::App* command = app.add_subcommand(
      "absorb", "Run one transport experiment (Franz cell or in vivo), intact or micro-needled skin");
  command->add_option("EXPERIMENT", options.experiment_path, "experiment file (.experiment.toml)")->required();
  command->add_option("--out", options.out_directory, "output directory (created if absent)")
      ->default_str("dermasim-out");
  command->add_flag("--json", options.json, "print absorb.json to stdout");
  command->add_option("--fidelity", options.fidelity, "transport fidelity")
      ->check(CLI::IsMember({"fast", "full"}))
      ->default_str("full");
  return command;
}

int run_absorb(const AbsorbOptions& options, const GlobalOptions& global) {
  using namespace transport;
  const auto data = io::data_directory(global.data_directory);
  const auto catalogue = io::load_catalogue(data);
  const TransportParameters parameters = io::load_transport_catalogue(data).parameters;
  const auto experiment = io::read_experiment_file(options.experiment_path, catalogue);
  const Fidelity fidelity = options.fidelity == "fast" ? Fidelity::fast : Fidelity::full;

  // 1. Properties from the compound's physicochemistry.
  const auto properties = derive_properties(experiment.compound, parameters.properties);
  const bool emulsion = experiment.vehicle == regimen::Vehicle::cream || experiment.vehicle == regimen::Vehicle::lotion;
  const double vehicle_partition = vehicle_water_partition(
      properties, emulsion ? VehicleBase::emulsion : VehicleBase::aqueous, parameters);

  // 2. The application: finite film or constant donor, wash-off, barrier, profile times.
  const auto& vehicle = catalogue.vehicle(experiment.vehicle);
  const Density density = vehicle.density_g_per_cm3.value * units::gram_per_cubic_centimetre;
  const double mass_fraction = experiment.strength_percent / 100.0;
  Application application;
  application.vehicle_partition = vehicle_partition;
  application.vehicle_density = density;
  application.water_solubility = experiment.compound.water_solubility;
  if (experiment.dose_mg_per_cm2) {
    application.formulation_dose = milligrams_per_square_centimetre(*experiment.dose_mg_per_cm2);
    application.drug_mass_fraction = mass_fraction;
  } else {
    application.constant_donor = mass_fraction * density;
  }
  application.duration = hours(experiment.hours);
  if (experiment.wash_off_hours) application.wash_off_after = hours(*experiment.wash_off_hours);
  application.barrier = experiment.barrier;
  for (const double h : {1.0, 4.0, 8.0, 24.0}) {
    if (h <= experiment.hours) application.profile_times.push_back(hours(h));
  }
  application.n_samples = static_cast<std::size_t>(std::clamp(experiment.hours * 4.0, 24.0, 2000.0));

  // 3. The skin, with and (for the enhancement ratio) without micro-needles.
  std::optional<MicroneedleTreatment> treatment;
  if (experiment.microneedles) {
    const auto& needles = *experiment.microneedles;
    const auto& device = catalogue.device(needles.device);
    treatment = MicroneedleTreatment{needles.channels_per_cm2, millimetres(needles.needle_mm),
                                     device.depth_fraction.value,
                                     micrometres(device.channel_surface_diameter_um.value),
                                     minutes(needles.minutes_before)};
  }
  const auto run = [&](const std::optional<MicroneedleTreatment>& with) {
    TransportModel model(build_skin_model(properties, experiment.layers, experiment.receptor, with,
                                          experiment.occluded, parameters),
                         fidelity);
    auto state = model.initial_state();
    return std::pair{model.apply(state, application), model.n_cells()};
  };
  auto [result, cells] = run(treatment);

  report::AbsorbOutcome outcome;
  outcome.active = experiment.active;
  outcome.fidelity = options.fidelity;
  outcome.cells = cells;
  outcome.infinite_dose = !experiment.dose_mg_per_cm2.has_value();
  outcome.donor_concentration_kg_per_m3 = (mass_fraction * density).si();
  outcome.vehicle_water_partition = vehicle_partition;
  if (experiment.compound.water_solubility) {
    outcome.vehicle_solubility_kg_per_m3 = vehicle_partition * experiment.compound.water_solubility->si();
  }
  outcome.derived = properties.derived;
  outcome.result = std::move(result);
  if (treatment) outcome.intact = run(std::nullopt).first;

  // 4. Outputs: every file computed before the first is written.
  const std::string json = report::absorb_json(outcome).dump(2) + "\n";
  write_outputs(options.out_directory, {{"absorb.json", json},
                                        {"profile.csv", report::absorb_profile_csv(outcome.result)},
                                        {"depth_profile.csv", report::absorb_depth_profile_csv(outcome.result)}});
  if (options.json) {
    std::cout << json;
  } else {
    std::cout << report::absorb_text(outcome) << "Wrote "
              << (std::filesystem::path(options.out_directory) / "absorb.json").string()
              << ", profile.csv and depth_profile.csv\n";
  }
  return exit_ok;
}

}  // namespace dermasim::app
