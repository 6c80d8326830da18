#pragma once
// The three kinds of failure (docs/contributing.md): a broken precondition is a bug (`expects`),
// bad input is an `InputError` that names file, line and column, a numerical failure is a
// `SolverError`. All derive from `dermasim::Error`; only app/ catches them and maps them to
// exit codes 2 (input) and 3 (internal).

#include <source_location>
#include <stdexcept>
#include <string>

namespace dermasim {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Where in an input file a value came from. Lines and columns count from 1; 0 means unknown.
struct SourcePosition {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Bad input: the message says what is wrong, the value, what is allowed and what to do.
/// what() reads `FILE:LINE:COLUMN: message`, the format editors and compilers use.
class InputError : public Error {
 public:
  InputError(SourcePosition position, std::string message);

  [[nodiscard]] const SourcePosition& position() const { return position_; }
  [[nodiscard]] const std::string& message() const { return message_; }

 private:
  SourcePosition position_;
  std::string message_;
};

/// An integrator or linear solver gave up; the message carries the solver's statistics.
class SolverError : public Error {
 public:
  using Error::Error;
};

/// A broken precondition or invariant inside dermasim (a bug, never bad input).
class InternalError : public Error {
 public:
  using Error::Error;
};

/// Checks a precondition or invariant; throws InternalError naming the caller's location.
void expects(bool condition, const char* message, std::source_location location = std::source_location::current());

}  // namespace dermasim
