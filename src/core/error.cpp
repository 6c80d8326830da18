#include "core/error.hpp"

#include <fmt/format.h>

namespace dermasim {

namespace {
std::string format_position(const SourcePosition& position, const std::string& message) {
  if (position.file.empty()) return message;
  if (position.line <= 0) return fmt::format("{}: {}", position.file, message);
  return fmt::format("{}:{}:{}: {}", position.file, position.line, position.column, message);
}
}  // namespace

InputError::InputError(SourcePosition position, std::string message)
    : Error(format_position(position, message)), position_(std::move(position)), message_(std::move(message)) {}

void expects(bool condition, const char* message, std::source_location location) {
  if (condition) return;
  throw InternalError(fmt::format("internal error: {} ({}:{} in {})", message, location.file_name(), location.line(),
                                  location.function_name()));
}

}  // namespace dermasim
