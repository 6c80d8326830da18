#include "simulate/regimen_simulation.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "regimen/application_schedule.hpp"
#include "simulate/model_inputs.hpp"
#include "simulate/product_application.hpp"
#include "simulate/viable_epidermis_exposure.hpp"

namespace dermasim::simulate {

namespace {

using regimen::Moment;

Time time_of(Date start, Date date, double hour) {
  return static_cast<double>(days_between(start, date)) * units::day + hours(hour);
}

Time time_of(Date start, const regimen::Application& application) {
  switch (application.moment) {
    case Moment::morning:
      return time_of(start, application.date, morning_hour);
    case Moment::session:
      return time_of(start, application.date, after_session_hour);
    case Moment::evening:
      return time_of(start, application.date, evening_hour);
  }
  return Time{};
}

/// The transport models of one simulation: intact skin, and one per session with channels.
/// The drug in the skin is carried from one application to the next while the skin model
/// stays the same; when it changes (channels opened by a session, or closed again) the new
/// model starts from clean skin — the residue is small after the washout and resume
/// intervals, and docs/model.md names this approximation.
class TransportModels {
 public:
  TransportModels(const regimen::Regimen& regimen, const regimen::Catalogue& catalogue,
                  const transport::TransportParameters& parameters, transport::Fidelity fidelity)
      : regimen_(regimen), catalogue_(catalogue), parameters_(parameters), fidelity_(fidelity) {
    const auto* site = catalogue.find_site(regimen::site_names.name(regimen.person.site));
    expects(site != nullptr, "simulate: the catalogue lacks the person's site");
    site_ = site_layers_of(*site);
  }

  const transport::Compound& compound(regimen::Active active) {
    auto found = compounds_.find(active);
    if (found == compounds_.end()) {
      const auto* spec = catalogue_.find_active(regimen::active_names.name(active));
      expects(spec != nullptr && spec->has_physicochemistry, "simulate: the catalogue lacks the retinoid");
      found = compounds_.emplace(active, compound_of(*spec)).first;
    }
    return found->second;
  }

  const transport::CompoundProperties& properties(regimen::Active active) {
    auto found = properties_.find(active);
    if (found == properties_.end()) {
      found = properties_.emplace(active, transport::derive_properties(compound(active), parameters_.properties)).first;
    }
    return found->second;
  }

  /// The model for `active` with the channels of `session_index` (nullopt: intact skin).
  transport::TransportModel& model(regimen::Active active, std::optional<std::size_t> session_index,
                                   Time session_time) {
    const auto key = std::make_pair(active, session_index ? static_cast<long>(*session_index) : -1L);
    auto found = models_.find(key);
    if (found != models_.end()) return *found->second;
    std::optional<transport::MicroneedleTreatment> treatment;
    bool occluded = false;
    if (session_index) {
      const auto& session = regimen_.sessions[*session_index];
      treatment = treatment_of(session, catalogue_.device(session.device));
      occluded = session.occlusion_hours > 0.0;
    }
    transport::SkinModel skin = transport::build_skin_model(properties(active), site_, transport::Receptor::clearance,
                                                            treatment, occluded, parameters_);
    if (session_index) skin.channels_opened_at = session_time;  // model time = simulation time
    // Day-scale response needs no finer steps: with 1-hour BDF2 steps (first step 15 min after
    // each application or wash-off) every outcome and safety figure of examples/04's regimen
    // is within 0.2 % of 5-minute steps (docs/model.md, "Numerics"), at a third of the cost.
    transport::SolverOptions solver;
    solver.bdf2_step = hours(1.0);
    solver.bdf2_startup_halvings = 2;
    auto model = std::make_unique<transport::TransportModel>(std::move(skin), fidelity_, std::nullopt, solver);
    return *models_.emplace(key, std::move(model)).first->second;
  }

 private:
  const regimen::Regimen& regimen_;
  const regimen::Catalogue& catalogue_;
  const transport::TransportParameters& parameters_;
  transport::Fidelity fidelity_;
  transport::SiteLayers site_;
  std::map<regimen::Active, transport::Compound> compounds_;
  std::map<regimen::Active, transport::CompoundProperties> properties_;
  std::map<std::pair<regimen::Active, long>, std::unique_ptr<transport::TransportModel>> models_;
};

/// The session whose channels are the most open at `t`, if any is open by more than 1 %.
std::optional<std::size_t> open_session(const response::ResponseSimulation& response, Time t,
                                        const std::vector<Time>& session_times) {
  std::optional<std::size_t> best;
  double best_fraction = 0.01;
  for (const auto& channels : response.open_channels(t, 0.01)) {
    const auto at = std::ranges::find(session_times, channels.session_time);
    if (at == session_times.end() || channels.open_fraction <= best_fraction) continue;
    best_fraction = channels.open_fraction;
    best = static_cast<std::size_t>(at - session_times.begin());
  }
  return best;
}

using RetinoidApplications = std::vector<std::pair<Time, const regimen::Product*>>;

/// Every session as an injury of the response; returns the sessions' times.
std::vector<Time> add_sessions(response::ResponseSimulation& response, const regimen::Regimen& regimen,
                               const regimen::Catalogue& catalogue, const transport::TransportParameters& parameters) {
  std::vector<Time> session_times;
  for (const auto& session : regimen.sessions) {
    session_times.push_back(time_of(regimen.start, session.date, session_hour));
    response.add_session(injury_of(session, catalogue.device(session.device), session_times.back(), parameters));
  }
  return session_times;
}

/// Sunscreen: a setting at each day where it changes.
void add_sunscreen(response::ResponseSimulation& response, const regimen::Regimen& regimen,
                   const std::vector<regimen::Application>& applications) {
  std::optional<bool> protected_yesterday;
  for (Date day = regimen.start; day <= regimen.last_day(); day += Days{1}) {
    const bool is_protected = std::ranges::any_of(applications, [&](const regimen::Application& a) {
      return a.date == day && regimen.products[a.product_index].active == regimen::Active::sunscreen;
    });
    if (protected_yesterday != is_protected) response.set_sunscreen({time_of(regimen.start, day, 0.0), is_protected});
    protected_yesterday = is_protected;
  }
}

/// The retinoid applications before `end`, in time order.
RetinoidApplications retinoid_applications_of(const regimen::Regimen& regimen,
                                              const std::vector<regimen::Application>& applications, Time end) {
  RetinoidApplications retinoid_applications;
  for (const auto& application : applications) {
    const auto& product = regimen.products[application.product_index];
    const Time t = time_of(regimen.start, application);
    if (regimen::is_retinoid(product.active) && t < end) retinoid_applications.emplace_back(t, &product);
  }
  return retinoid_applications;
}

/// The next application of the same retinoid as application `index`, or the end.
Time next_application_of_same(const RetinoidApplications& applications, std::size_t index, Time end) {
  for (std::size_t later = index + 1; later < applications.size(); ++later)
    if (applications[later].second->active == applications[index].second->active) return applications[later].first;
  return end;
}

/// The exposure the response sees: the VE amount, piecewise constant between samples.
void add_exposure(response::ResponseSimulation& response, const transport::ApplicationResult& outcome,
                  regimen::Active active, Time from_time, Time end) {
  const auto retinoid =
      active == regimen::Active::tretinoin ? response::Retinoid::tretinoin : response::Retinoid::retinol;
  double drug_in_model = 0.0;  // the scale of the solution's round-off and ringing, kg/m²
  for (const auto& sample : outcome.samples)
    drug_in_model = std::max(drug_in_model, (sample.amounts.vehicle + sample.amounts.in_skin()).si());
  for (std::size_t s = 1; s < outcome.samples.size(); ++s) {
    const auto& a = outcome.samples[s - 1];
    const auto& b = outcome.samples[s];
    const Time from = std::max(a.time, from_time);
    const Time to = std::min(b.time, end);
    if (!(to > from)) continue;
    const MassPerArea mean = 0.5 * (a.amounts.viable_epidermis + b.amounts.viable_epidermis);
    response.add_exposure({from, to, retinoid, viable_epidermis_exposure(mean.si(), drug_in_model)});
  }
}

}  // namespace

SimulationResult simulate_regimen(const regimen::Regimen& regimen, const regimen::Catalogue& catalogue,
                                  const ModelParameters& parameters, transport::Fidelity fidelity) {
  response::ResponseSimulation response(parameters.response, traits_of(regimen.person));
  const Time end = static_cast<double>(regimen.days) * units::day;
  const std::vector<Time> session_times = add_sessions(response, regimen, catalogue, parameters.transport);
  const auto applications = regimen::application_schedule(regimen);
  add_sunscreen(response, regimen, applications);

  // Retinoid applications, each integrated by transport until the next one (or the end).
  const RetinoidApplications retinoid_applications = retinoid_applications_of(regimen, applications, end);
  SimulationResult result;
  result.fidelity = fidelity;
  TransportModels models(regimen, catalogue, parameters.transport, fidelity);
  std::map<regimen::Active, std::pair<const transport::TransportModel*, transport::State>> carried;
  for (std::size_t index = 0; index < retinoid_applications.size(); ++index) {
    const auto [t, product] = retinoid_applications[index];
    const Time next = next_application_of_same(retinoid_applications, index, end);
    if (next <= t) continue;  // twice in one moment: the film is already there
    response.advance_to(t);

    const auto session_index = open_session(response, t, session_times);
    auto& model = models.model(product->active, session_index, session_index ? session_times[*session_index] : Time{});
    auto& [last_model, state] = carried[product->active];
    if (last_model != &model) {  // a new skin model starts from clean skin
      state = model.initial_state();
      last_model = &model;
    }
    state.time_s = std::max(state.time_s, t.si());
    const auto application =
        regimen_application(*product, catalogue.vehicle(product->vehicle), models.compound(product->active),
                            models.properties(product->active), parameters.transport, response.barrier(), next - t);
    const auto outcome = model.apply(state, application);
    state.time_s = next.si();

    ++result.n_retinoid_applications;
    result.retinoid_applied += outcome.applied;
    add_exposure(response, outcome, product->active, t, end);
    const auto& first = outcome.samples.front().amounts;
    const auto& last = outcome.samples.back().amounts;
    result.retinoid_absorbed += last.cleared + last.metabolized - first.cleared - first.metabolized;
  }

  response.advance_to(end);
  result.outcomes = response::summarize(response);
  const auto& days = response.days();
  for (std::size_t day = 0; day < days.size() && day < static_cast<std::size_t>(regimen.days); ++day)
    result.days.push_back({regimen.start + Days{static_cast<int>(day)}, days[day]});
  return result;
}

}  // namespace dermasim::simulate
