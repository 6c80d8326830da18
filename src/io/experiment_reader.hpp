#pragma once
// Reads an experiment file (docs/file-formats.md, "Experiment"; `dermasim absorb`) into a typed
// value: the compound (from data/actives.toml or an inline [active]), the vehicle and dose, the
// skin (a catalogue site or explicit layer thicknesses), the receptor, occlusion, the barrier state
// and optional micro-needles. Errors name FILE:LINE:COLUMN, the value, what is allowed and
// what to do, so a user can fix the file without reading the code.

#include <optional>
#include <string>
#include <string_view>

#include "regimen/catalogue.hpp"
#include "transport/compound.hpp"
#include "transport/skin_geometry.hpp"
#include "transport/skin_model_builder.hpp"

namespace dermasim::io {

struct MicroneedleExperiment {
  regimen::Device device = regimen::Device::pen;
  double needle_mm = 0.0;
  double channels_per_cm2 = 0.0;
  double minutes_before = 0.0;
};

struct Experiment {
  std::string active;  // as named in [experiment] active
  transport::Compound compound;
  double strength_percent = 0.0;
  regimen::Vehicle vehicle = regimen::Vehicle::cream;
  std::optional<double> dose_mg_per_cm2;  // absent: infinite dose (constant donor)
  double hours = 0.0;
  std::optional<double> wash_off_hours;
  std::string site;  // catalogue id, or "explicit"
  transport::SiteLayers layers;
  transport::Receptor receptor = transport::Receptor::sink;
  bool occluded = false;
  double barrier = 1.0;
  std::optional<MicroneedleExperiment> microneedles;
};

[[nodiscard]] Experiment read_experiment(std::string_view text, const std::string& file_name,
                                         const regimen::Catalogue& catalogue);
[[nodiscard]] Experiment read_experiment_file(const std::string& path, const regimen::Catalogue& catalogue);

}  // namespace dermasim::io
