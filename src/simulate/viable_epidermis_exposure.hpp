#pragma once
// The retinoid amount the response sees in the viable epidermis, taken from the transport's
// numerical solution. Once the drug in the skin decays faster than a time step, the fast
// fidelity's fixed-step BDF2 rings around zero (its two characteristic roots turn complex
// when decay rate × step exceeds 1/2) and CVODE errs within its absolute tolerance, so an
// amount that has all but vanished comes out below zero. The true amount is never negative,
// so reading such an undershoot as zero can only bring the exposure closer to it.

#include "core/units.hpp"

namespace dermasim::simulate {

/// `amount_kg_m2` as an exposure: itself when it is not negative, zero when it lies below zero
/// by at most `drug_in_model_kg_m2` (the most drug in vehicle and skin during the application,
/// >= 0). Throws SolverError when it lies further below or is not a number: no error of a
/// stable integrator reaches that far, so the solution has failed.
[[nodiscard]] MassPerArea viable_epidermis_exposure(double amount_kg_m2, double drug_in_model_kg_m2);

}  // namespace dermasim::simulate
