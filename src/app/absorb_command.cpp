#include "app/absorb_command.hpp"

#include "app/command_options.hpp"

#include <algorithm>
#include <iostream>

#include "app/output_directory.hpp"
#include "io/catalogue_reader.hpp"
#include "io/experiment_reader.hpp"
#include "io/transport_catalogue.hpp"
#include "report/absorb_report.hpp"
#include "report/catalogue_notice.hpp"
#include "simulate/product_application.hpp"
#include "transport/skin_model_builder.hpp"

namespace dermasim::app {

CLI::App* add_absorb_command(CLI::App& app, AbsorbOptions& options) {
  CLI::App* command = app.add_subcommand(
      "absorb", "Run one transport experiment (Franz cell or in vivo), intact or micro-needled skin");
  command->add_option("EXPERIMENT", options.experiment_path, "experiment file (.experiment.toml)")->required();
  add_output_options(command, options.out_directory, options.json, "absorb.json");
  add_fidelity_option(command, options.fidelity);
  return command;
}

namespace {

// Depth profiles at these hours, where the experiment lasts that long.
constexpr double profile_hours[] = {1.0, 4.0, 8.0, 24.0};
// Four samples an hour, at least 24 and at most 2000, for the flux curve of profile.csv.
constexpr double samples_per_hour = 4.0;
constexpr double min_samples = 24.0;
constexpr double max_samples = 2000.0;

/// The experiment's product on the skin: finite film or constant donor, wash-off, barrier.
simulate::ProductApplication product_of(const io::Experiment& experiment) {
  simulate::ProductApplication product;
  product.vehicle = experiment.vehicle;
  product.strength_percent = experiment.strength_percent;
  if (experiment.dose_mg_per_cm2) product.amount = milligrams_per_square_centimetre(*experiment.dose_mg_per_cm2);
  product.duration = hours(experiment.hours);
  if (experiment.wash_off_hours) product.wash_off_after = hours(*experiment.wash_off_hours);
  product.barrier = experiment.barrier;
  for (const double h : profile_hours) {
    if (h <= experiment.hours) product.profile_times.push_back(hours(h));
  }
  product.n_samples =
      static_cast<std::size_t>(std::clamp(experiment.hours * samples_per_hour, min_samples, max_samples));
  return product;
}

/// The experiment's micro-needles, if any, with the device's depth fraction and channel size.
std::optional<transport::MicroneedleTreatment> treatment_of(const io::Experiment& experiment,
                                                            const regimen::Catalogue& catalogue) {
  if (!experiment.microneedles) return std::nullopt;
  const auto& needles = *experiment.microneedles;
  const auto& device = catalogue.device(needles.device);
  return transport::MicroneedleTreatment{
      needles.channels_per_cm2, millimetres(needles.needle_mm), device.depth_fraction.value,
      micrometres(device.channel_surface_diameter_um.value), minutes(needles.minutes_before)};
}

void write_absorb_outputs(const AbsorbOptions& options, OutputDirectory& out, const report::AbsorbOutcome& outcome,
                          const regimen::Catalogue& catalogue) {
  auto absorb_json = report::absorb_json(outcome);
  absorb_json["catalogue"] = report::catalogue_json(catalogue);
  const std::string json = absorb_json.dump(2) + "\n";
  out.write({{"absorb.json", json},
             {"profile.csv", report::absorb_profile_csv(outcome.result)},
             {"depth_profile.csv", report::absorb_depth_profile_csv(outcome.result)}});
  if (options.json) {
    std::cout << json;
  } else {
    std::cout << report::catalogue_notice_text(catalogue) << report::absorb_text(outcome) << "Wrote "
              << (std::filesystem::path(options.out_directory) / "absorb.json").string()
              << ", profile.csv and depth_profile.csv\n";
  }
}

}  // namespace

int run_absorb(const AbsorbOptions& options, const GlobalOptions& global) {
  using namespace transport;
  const auto data = io::data_directory(global.data_directory);
  const auto catalogue = io::load_catalogue(data);
  const TransportParameters parameters = io::load_transport_catalogue(data).parameters;
  const auto experiment = io::read_experiment_file(options.experiment_path, catalogue);
  const auto fidelity = options.fidelity;
  // --out is checked and locked now, not after the computation.
  OutputDirectory out("absorb", options.out_directory);

  // 1. Properties from the compound's physicochemistry; the application, by the vehicle's base.
  const auto properties = derive_properties(experiment.compound, parameters.properties);
  const Application application =
      simulate::assemble_application(product_of(experiment), catalogue.vehicle(experiment.vehicle), experiment.compound,
                                     properties, parameters, simulate::VehicleRule::by_vehicle_base);

  // 2. The skin, with and (for the enhancement ratio) without micro-needles.
  const auto treatment = treatment_of(experiment, catalogue);
  const auto run = [&](const std::optional<MicroneedleTreatment>& with) {
    TransportModel model(
        build_skin_model(properties, experiment.layers, experiment.receptor, with, experiment.occluded, parameters),
        fidelity);
    auto state = model.initial_state();
    return std::pair{model.apply(state, application), model.n_cells()};
  };
  auto [result, cells] = run(treatment);

  // 3. The outcome: the drug's concentration in the product and what the vehicle dissolves.
  report::AbsorbOutcome outcome;
  outcome.active = experiment.active;
  outcome.fidelity = fidelity;
  outcome.cells = cells;
  outcome.infinite_dose = application.constant_donor.has_value();
  outcome.donor_concentration =
      application.constant_donor.value_or(application.drug_mass_fraction * application.vehicle_density);
  outcome.vehicle_water_partition = application.vehicle_partition;
  if (experiment.compound.water_solubility) {
    outcome.vehicle_solubility = application.vehicle_partition * *experiment.compound.water_solubility;
  }
  outcome.derived = properties.derived;
  outcome.result = std::move(result);
  if (treatment) outcome.intact = run(std::nullopt).first;

  // 4. Outputs: every file computed before the first is written.
  write_absorb_outputs(options, out, outcome, catalogue);
  return exit_ok;
}

}  // namespace dermasim::app
