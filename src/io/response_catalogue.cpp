#include "io/response_catalogue.hpp"

#include <fmt/format.h>

#include "io/catalogue_reader.hpp"
#include "io/parameter_reader.hpp"
#include "io/toml_table.hpp"

namespace dermasim::io {

ResponseCatalogue read_response_catalogue(std::string_view text, const std::string& file_name) {
  const toml::table document = parse_toml(text, file_name);
  const TomlTable root(document, file_name, "the response file");
  root.allow_only({"response"});
  const TomlTable table = root.table("response");

  std::vector<std::string> keys;
  for (const auto& field : response::response_parameter_fields()) keys.emplace_back(field.key);
  table.allow_only(keys);

  ResponseCatalogue catalogue;
  for (const auto& field : response::response_parameter_fields()) {
    const std::string hint = fmt::format("give {} within {:g} .. {:g}", field.key, field.min, field.max);
    const Parameter parameter = read_parameter(table, field.key, {field.min, field.max, hint});
    response::set_parameter(catalogue.parameters, field, parameter.value);
    if (parameter.range) catalogue.ranges.emplace(std::string(field.key), *parameter.range);
  }
  response::check_response_parameters(catalogue.parameters);
  return catalogue;
}

ResponseCatalogue load_response_catalogue(const std::optional<std::filesystem::path>& directory) {
  const CatalogueText text = catalogue_text(directory, "response.toml");
  return read_response_catalogue(text.text, text.name);
}

}  // namespace dermasim::io
