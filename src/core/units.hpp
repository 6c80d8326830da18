#pragma once
// Physical quantities with their dimension in the type, so mixing units fails to compile.
// Values are stored in SI (metre, kilogram, second); a value enters by naming its unit
// (`micrometres(15)`) and leaves by naming one (`thickness.in(micrometre)`), so a number never
// crosses a boundary unitless.

#include <cmath>
#include <compare>

namespace dermasim {

/// A quantity of dimension length^L · mass^M · time^T, stored in SI units.
template <int L, int M, int T>
class Quantity {
 public:
  constexpr Quantity() = default;
  [[nodiscard]] static constexpr Quantity from_si(double value) { return Quantity(value); }

  [[nodiscard]] constexpr double si() const { return value_; }
  /// The value expressed in `unit` (a quantity of the same dimension).
  [[nodiscard]] constexpr double in(Quantity unit) const { return value_ / unit.value_; }

  constexpr Quantity& operator+=(Quantity other) {
    value_ += other.value_;
    return *this;
  }
  constexpr Quantity& operator-=(Quantity other) {
    value_ -= other.value_;
    return *this;
  }
  constexpr Quantity& operator*=(double factor) {
    value_ *= factor;
    return *this;
  }
  constexpr Quantity& operator/=(double factor) {
    value_ /= factor;
    return *this;
  }

  friend constexpr Quantity operator+(Quantity a, Quantity b) { return Quantity(a.value_ + b.value_); }
  friend constexpr Quantity operator-(Quantity a, Quantity b) { return Quantity(a.value_ - b.value_); }
  friend constexpr Quantity operator-(Quantity a) { return Quantity(-a.value_); }
  friend constexpr Quantity operator*(double f, Quantity a) { return Quantity(f * a.value_); }
  friend constexpr Quantity operator*(Quantity a, double f) { return Quantity(a.value_ * f); }
  friend constexpr Quantity operator/(Quantity a, double f) { return Quantity(a.value_ / f); }
  friend constexpr double operator/(Quantity a, Quantity b) { return a.value_ / b.value_; }
  friend constexpr auto operator<=>(Quantity a, Quantity b) = default;

 private:
  constexpr explicit Quantity(double value) : value_(value) {}
  double value_ = 0.0;
};

template <int L1, int M1, int T1, int L2, int M2, int T2>
[[nodiscard]] constexpr auto operator*(Quantity<L1, M1, T1> a, Quantity<L2, M2, T2> b) {
  return Quantity<L1 + L2, M1 + M2, T1 + T2>::from_si(a.si() * b.si());
}
template <int L1, int M1, int T1, int L2, int M2, int T2>
requires(L1 != L2 || M1 != M2 || T1 != T2) [[nodiscard]] constexpr auto operator/(Quantity<L1, M1, T1> a,
                                                                                  Quantity<L2, M2, T2> b) {
  return Quantity<L1 - L2, M1 - M2, T1 - T2>::from_si(a.si() / b.si());
}

using Length = Quantity<1, 0, 0>;
using Area = Quantity<2, 0, 0>;
using Volume = Quantity<3, 0, 0>;
using Mass = Quantity<0, 1, 0>;
using Time = Quantity<0, 0, 1>;
using Rate = Quantity<0, 0, -1>;           // first-order rate constant, 1/s
using Diffusivity = Quantity<2, 0, -1>;    // m²/s
using Velocity = Quantity<1, 0, -1>;       // permeability coefficient, m/s
using Concentration = Quantity<-3, 1, 0>;  // kg/m³
using MassPerArea = Quantity<-2, 1, 0>;    // kg/m²
using Flux = Quantity<-2, 1, -1>;          // kg/(m²·s)
using Density = Concentration;

namespace units {
inline constexpr Length metre = Length::from_si(1.0);
inline constexpr Length centimetre = Length::from_si(1e-2);
inline constexpr Length millimetre = Length::from_si(1e-3);
inline constexpr Length micrometre = Length::from_si(1e-6);
inline constexpr Area square_centimetre = Area::from_si(1e-4);
inline constexpr Volume cubic_centimetre = Volume::from_si(1e-6);
inline constexpr Volume millilitre = cubic_centimetre;
inline constexpr Mass kilogram = Mass::from_si(1.0);
inline constexpr Mass gram = Mass::from_si(1e-3);
inline constexpr Mass milligram = Mass::from_si(1e-6);
inline constexpr Mass microgram = Mass::from_si(1e-9);
inline constexpr Mass nanogram = Mass::from_si(1e-12);
inline constexpr Time second = Time::from_si(1.0);
inline constexpr Time minute = Time::from_si(60.0);
inline constexpr Time hour = Time::from_si(3600.0);
inline constexpr Time day = Time::from_si(86400.0);
inline constexpr MassPerArea milligram_per_square_centimetre = milligram / square_centimetre;
inline constexpr MassPerArea nanogram_per_square_centimetre = nanogram / square_centimetre;
inline constexpr Diffusivity square_centimetre_per_second = square_centimetre / second;
inline constexpr Velocity centimetre_per_hour = centimetre / hour;
inline constexpr Concentration milligram_per_millilitre = milligram / millilitre;
inline constexpr Concentration gram_per_cubic_centimetre = gram / cubic_centimetre;
inline constexpr Rate per_hour = Rate::from_si(1.0 / 3600.0);
inline constexpr Rate per_second = Rate::from_si(1.0);
}  // namespace units

[[nodiscard]] constexpr Length micrometres(double v) { return v * units::micrometre; }
[[nodiscard]] constexpr Length millimetres(double v) { return v * units::millimetre; }
[[nodiscard]] constexpr Length centimetres(double v) { return v * units::centimetre; }
[[nodiscard]] constexpr Time seconds(double v) { return v * units::second; }
[[nodiscard]] constexpr Time minutes(double v) { return v * units::minute; }
[[nodiscard]] constexpr Time hours(double v) { return v * units::hour; }
[[nodiscard]] constexpr MassPerArea milligrams_per_square_centimetre(double v) {
  return v * units::milligram_per_square_centimetre;
}
[[nodiscard]] constexpr Diffusivity square_centimetres_per_second(double v) {
  return v * units::square_centimetre_per_second;
}

}  // namespace dermasim
