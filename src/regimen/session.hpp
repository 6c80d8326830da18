#pragma once
// A micro-needling session (docs/file-formats.md, [[session]]) and the devices that perform it.

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/enum_names.hpp"

namespace dermasim::regimen {

enum class Device { pen, roller, stamp };
inline constexpr EnumNames<Device, 3> device_names{
    {{{Device::pen, "pen"}, {Device::roller, "roller"}, {Device::stamp, "stamp"}}}};

struct Session {
  Date date;
  Device device = Device::pen;
  double needle_mm = 1.0;  // 0.2 .. 3.0
  int passes = 0;          // from data/devices.toml when not given
  bool passes_is_default = true;
  double occlusion_hours = 0.0;
  std::vector<std::string> after;  // product ids applied right after the session

  /// The subject string findings use for a session: `session:YYYY-MM-DD`.
  [[nodiscard]] std::string subject() const { return "session:" + iso(date); }
};

}  // namespace dermasim::regimen
