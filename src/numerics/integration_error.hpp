#pragma once
// The failure of a time integrator as a value the caller can inspect: a SolverError (so app/
// maps it to exit code 3 like every numerical failure) that also carries the integrator's
// statistics at the moment it gave up, besides naming them in its message.

#include <string>

#include "core/error.hpp"
#include "numerics/time_integrator.hpp"

namespace dermasim::numerics {

class IntegrationError final : public SolverError {
 public:
  IntegrationError(const std::string& message, IntegratorStatistics statistics)
      : SolverError(message), statistics_(statistics) {}
  /// Since the integrator's last restart.
  [[nodiscard]] const IntegratorStatistics& statistics() const { return statistics_; }

 private:
  IntegratorStatistics statistics_;
};

}  // namespace dermasim::numerics
