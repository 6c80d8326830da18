#include "io/transport_catalogue.hpp"

#include <fmt/format.h>

#include "io/catalogue_reader.hpp"
#include "io/parameter_reader.hpp"
#include "io/toml_table.hpp"

namespace dermasim::io {

namespace {

/// Reads `key` of `section` into the catalogue's entries and returns its value (file units).
class SectionReader {
 public:
  SectionReader(const TomlTable& root, std::string section, std::vector<std::string> keys,
                TransportCatalogue& catalogue)
      : table_(root.table(section)), section_(std::move(section)), catalogue_(catalogue) {
    table_.allow_only(keys);
  }

  double read(std::string_view key, double min, double max) {
    const Parameter parameter =
        read_parameter(table_, key, {min, max, fmt::format("give {} within {:g} .. {:g}", key, min, max)});
    catalogue_.entries.emplace(fmt::format("{}.{}", section_, key), parameter);
    return parameter.value;
  }

 private:
  TomlTable table_;
  std::string section_;
  TransportCatalogue& catalogue_;
};

}  // namespace

TransportCatalogue load_transport_catalogue(const std::optional<std::filesystem::path>& directory) {
  const CatalogueText text = catalogue_text(directory, "transport.toml");
  const toml::table document = parse_toml(text.text, text.name);
  const TomlTable root(document, text.name, "the transport file");
  root.allow_only({"properties", "closure", "clearance", "metabolism", "calibration"});

  TransportCatalogue catalogue;
  auto& p = catalogue.parameters;
  SectionReader properties(root, "properties",
                           {"stratum_corneum_surface_ph", "viable_tissue_ph", "lipid_volume_fraction",
                            "keratin_volume_fraction", "tissue_water_fraction", "reference_stratum_corneum_um"},
                           catalogue);
  p.properties.stratum_corneum_surface_ph = properties.read("stratum_corneum_surface_ph", 3.0, 9.0);
  p.properties.viable_tissue_ph = properties.read("viable_tissue_ph", 6.0, 8.5);
  p.properties.lipid_volume_fraction = properties.read("lipid_volume_fraction", 0.01, 0.5);
  p.properties.keratin_volume_fraction = properties.read("keratin_volume_fraction", 0.05, 0.9);
  p.properties.tissue_water_fraction = properties.read("tissue_water_fraction", 0.1, 1.0);
  p.properties.reference_stratum_corneum = micrometres(properties.read("reference_stratum_corneum_um", 1.0, 100.0));

  SectionReader closure(root, "closure", {"time_constant_open_h", "time_constant_occluded_h"}, catalogue);
  p.closure_time_open = hours(closure.read("time_constant_open_h", 0.01, 200.0));
  p.closure_time_occluded = hours(closure.read("time_constant_occluded_h", 0.01, 500.0));

  SectionReader clearance(root, "clearance", {"dermal_clearance_per_h"}, catalogue);
  p.dermal_clearance = clearance.read("dermal_clearance_per_h", 0.0, 1000.0) * units::per_hour;

  SectionReader metabolism(root, "metabolism", {"viable_epidermis_metabolism_per_h"}, catalogue);
  p.viable_epidermis_metabolism = metabolism.read("viable_epidermis_metabolism_per_h", 0.0, 1000.0) * units::per_hour;

  SectionReader calibration(root, "calibration", {"cream_stratum_corneum_vehicle_partition"}, catalogue);
  p.cream_stratum_corneum_vehicle_partition = calibration.read("cream_stratum_corneum_vehicle_partition", 1e-6, 1e6);
  return catalogue;
}

}  // namespace dermasim::io
