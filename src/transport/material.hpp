#pragma once
// The materials of the transport model (docs/transport.md §1): each cell of the
// discretization belongs to one material with diffusivity D, partition coefficient K
// (material/water), binding retardation R and first-order metabolism and clearance rates in
//   K R ∂u/∂t = ∇·(D K ∇u) − (k_met + k_cl) K u,   u = c / K.

#include <string_view>

#include "core/units.hpp"

namespace dermasim::transport {

/// The compartments that amounts are reported for (docs/file-formats.md, absorb.json
/// `layers_ng_per_cm2`).
enum class Compartment { vehicle, stratum_corneum, viable_epidermis, dermis };

[[nodiscard]] constexpr std::string_view name(Compartment compartment) {
  switch (compartment) {
    case Compartment::vehicle:
      return "vehicle";
    case Compartment::stratum_corneum:
      return "stratum_corneum";
    case Compartment::viable_epidermis:
      return "viable_epidermis";
    case Compartment::dermis:
      return "dermis";
  }
  return "unknown";
}

/// Transport properties of one material. Invariant (checked where a model is built):
/// diffusivity > 0, partition > 0, retardation >= 1, rates >= 0.
struct Material {
  Diffusivity diffusivity;   // D, of the mobile (free) drug
  double partition = 1.0;    // K, material/water, of the free drug
  double retardation = 1.0;  // R >= 1: total / free, from binding
  Rate metabolism = Rate{};  // k_met, acts on the free drug
  Rate clearance = Rate{};   // k_cl, dermal capillary uptake of the free drug

  /// The conductance product D·K (m²/s) that the harmonic face means average.
  [[nodiscard]] double conductance_product() const { return diffusivity.si() * partition; }
};

/// A layer of skin (or any laminate): its compartment, thickness and material.
struct Layer {
  Compartment compartment;
  Length thickness;
  Material material;
};

}  // namespace dermasim::transport
