#include "io/transport_catalogue.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "io/catalogue_reader.hpp"
#include "io/parameter_reader.hpp"
#include "io/toml_table.hpp"

namespace dermasim::io {

namespace {

/// The file's sections, in the order of the field table.
std::vector<std::string> sections() {
  std::vector<std::string> names;
  for (const auto& field : transport::transport_parameter_fields())
    if (std::ranges::find(names, field.section) == names.end()) names.emplace_back(field.section);
  return names;
}

/// The keys of one section.
std::vector<std::string> keys_of(std::string_view section) {
  std::vector<std::string> keys;
  for (const auto& field : transport::transport_parameter_fields())
    if (field.section == section) keys.emplace_back(field.key);
  return keys;
}

}  // namespace

TransportCatalogue read_transport_catalogue(std::string_view text, const std::string& file_name) {
  const toml::table document = parse_toml(text, file_name);
  const TomlTable root(document, file_name, "the transport file");
  root.allow_only(sections());
  for (const std::string& section : sections()) root.table(section).allow_only(keys_of(section));

  TransportCatalogue catalogue;
  for (const auto& field : transport::transport_parameter_fields()) {
    const TomlTable table = root.table(field.section);
    const std::string hint = fmt::format("give {} within {:g} .. {:g}", field.key, field.min, field.max);
    const Parameter parameter = read_parameter(table, field.key, {field.min, field.max, hint});
    transport::set_parameter(catalogue.parameters, field, parameter.value);
    if (parameter.range) catalogue.ranges.emplace(field.name(), *parameter.range);
  }
  transport::check_transport_parameters(catalogue.parameters);
  return catalogue;
}

TransportCatalogue load_transport_catalogue(const std::optional<std::filesystem::path>& directory) {
  const CatalogueText text = catalogue_text(directory, "transport.toml");
  return read_transport_catalogue(text.text, text.name);
}

}  // namespace dermasim::io
