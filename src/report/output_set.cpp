#include "report/output_set.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.hpp"

namespace dermasim::report {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t random_suffix_length = 6;  // the XXXXXX of mkdtemp

[[noreturn]] void refuse(const fs::path& where, const std::string& message) {
  throw InputError({where.string(), 0, 0}, message);
}

[[noreturn]] void throw_errno(const char* operation) {
  throw std::system_error(errno, std::generic_category(), operation);
}

std::string errno_text() { return std::generic_category().message(errno); }

mode_t process_umask() {
  // umask can only be read by setting it; done once, before any thread of ours writes a file.
  static const mode_t mask = [] {
    const mode_t previous = ::umask(022);
    ::umask(previous);
    return previous;
  }();
  return mask;
}

/// Closes a file descriptor on scope exit.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  /// Closes now, reporting the error a delayed write may surface only here.
  void close() {
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) throw_errno("close");
  }

 private:
  int fd_;
};

/// Removes a directory tree on scope exit unless released; never throws.
class TreeRemover {
 public:
  explicit TreeRemover(fs::path path) : path_(std::move(path)) {}
  ~TreeRemover() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  TreeRemover(const TreeRemover&) = delete;
  TreeRemover& operator=(const TreeRemover&) = delete;
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

void sync_directory(int directory_fd, const fs::path& shown) {
  if (::fsync(directory_fd) != 0)
    throw Error(fmt::format("{}: cannot flush the directory to disk ({})", shown.string(), errno_text()));
}

bool has_prefix_and_suffix(const std::string& name, const std::string& prefix) {
  return name.size() == prefix.size() + random_suffix_length && name.starts_with(prefix);
}

/// A temporary file of dermasim before 0.2 (`.NAME.tmpPID`, NAME an output): removable.
bool is_legacy_temporary(const std::string& entry, const std::vector<std::string>& known) {
  return std::ranges::any_of(known, [&](const std::string& name) {
    const std::string prefix = "." + name + ".tmp";
    return entry.size() > prefix.size() && entry.starts_with(prefix) &&
           std::all_of(entry.begin() + static_cast<std::ptrdiff_t>(prefix.size()), entry.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  });
}

bool rename_is_unsupported(int error) { return error == EINVAL || error == ENOSYS || error == EOPNOTSUPP; }

/// mkdtemp beside the output directory; the name (without the parent) is returned.
std::string make_temporary_directory(const fs::path& parent, const std::string& prefix, const fs::path& shown) {
  std::string path = (parent / (prefix + std::string(random_suffix_length, 'X'))).string();
  if (::mkdtemp(path.data()) == nullptr)
    throw Error(
        fmt::format("{}: cannot create a temporary directory beside it ({}); the previous outputs are "
                    "untouched: free space and run again",
                    shown.string(), errno_text()));
  return fs::path(path).filename().string();
}

}  // namespace

void write_new_file(int directory_fd, const std::string& name, std::string_view content) {
  Descriptor file(::openat(directory_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (file.get() < 0) throw_errno("create");
  while (!content.empty()) {
    const ssize_t written = ::write(file.get(), content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) throw_errno("write");
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::fchmod(file.get(), 0666 & ~process_umask()) != 0) throw_errno("chmod");
  if (::fsync(file.get()) != 0) throw_errno("fsync");
  file.close();
}

std::string OutputSet::new_set_prefix(const std::string& directory_name) {
  return "." + directory_name + ".dermasim-new-";
}
std::string OutputSet::old_set_prefix(const std::string& directory_name) {
  return "." + directory_name + ".dermasim-old-";
}

fs::path OutputSet::lock_path() const { return parent_ / ("." + name_ + ".lock"); }

OutputSet::OutputSet(const fs::path& directory, std::vector<std::string> known_names)
    : shown_(directory), known_names_(std::move(known_names)) {
  process_umask();  // read now, before the command starts threads
  try {
    open_checked();
  } catch (...) {
    close_descriptors();  // the destructor does not run for a constructor that throws
    throw;
  }
}

void OutputSet::open_checked() {
  auto path = fs::absolute(shown_).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();  // "out/" names "out"
  name_ = path.filename().string();
  parent_ = path.parent_path();
  if (name_.empty() || name_ == "." || name_ == "..")
    refuse(shown_, "--out must name a directory of its own (e.g. --out dermasim-out): dermasim replaces it whole");
  std::error_code error;
  const auto here = fs::current_path(error);
  const auto target = fs::weakly_canonical(path, error);
  if (!error && here.native().starts_with(target.native()) &&
      (here == target || here.native()[target.native().size()] == '/'))
    refuse(shown_, "--out is the current directory or holds it; dermasim replaces --out whole: choose another --out");
  fs::create_directories(parent_, error);
  if (error)  // a path the user chose: invalid input (exit 2), not an internal failure
    refuse(shown_, fmt::format("cannot create the output directory's parent {} ({}); choose another --out",
                               parent_.string(), error.message()));
  parent_fd_ = ::open(parent_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent_fd_ < 0 || ::faccessat(parent_fd_, ".", W_OK | X_OK, AT_EACCESS) != 0)
    refuse(shown_, fmt::format("the directory holding --out, {}, is not writable ({}): dermasim writes the new "
                               "outputs beside --out and swaps them in; make it writable or choose another --out",
                               parent_.string(), errno_text()));
  take_lock();
  recover_leftovers();
  inspect_existing();
}

OutputSet::~OutputSet() { close_descriptors(); }

void OutputSet::close_descriptors() {
  if (lock_fd_ >= 0) ::close(std::exchange(lock_fd_, -1));  // closing releases the flock
  if (parent_fd_ >= 0) ::close(std::exchange(parent_fd_, -1));
}

void OutputSet::take_lock() {
  const auto lock = lock_path();
  lock_fd_ = ::openat(parent_fd_, lock.filename().c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (lock_fd_ < 0) {
    const bool link = errno == ELOOP;
    refuse(lock, fmt::format("cannot open the lock file of --out {} ({}); {}", shown_.string(), errno_text(),
                             link ? "it is a symbolic link: remove it" : "choose another --out"));
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (errno == EWOULDBLOCK)
    refuse(shown_, fmt::format("another dermasim run is writing this output directory (it holds the lock {}); "
                               "wait for it to finish or choose another --out",
                               lock.string()));
  refuse(lock, fmt::format("cannot lock --out {} ({}); choose another --out", shown_.string(), errno_text()));
}

void OutputSet::recover_leftovers() const {
  // Under the lock no other run uses these names: each is what a killed run left behind.
  std::vector<std::string> new_sets;
  std::vector<std::string> old_sets;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(parent_, error)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_directory(error) || entry.is_symlink(error)) continue;  // only our own directories
    if (has_prefix_and_suffix(name, new_set_prefix(name_))) new_sets.push_back(name);
    if (has_prefix_and_suffix(name, old_set_prefix(name_))) old_sets.push_back(name);
  }
  struct stat status {};
  const bool missing = ::fstatat(parent_fd_, name_.c_str(), &status, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT;
  if (missing) {
    // Killed between the two renames: the set moved aside is the last complete one.
    for (const auto& old_set : old_sets)
      if (!fs::is_empty(parent_ / old_set, error) && !error &&
          ::renameat(parent_fd_, old_set.c_str(), parent_fd_, name_.c_str()) == 0) {
        ::fsync(parent_fd_);
        break;
      }
  }
  for (const auto& name : new_sets) fs::remove_all(parent_ / name, error);
  for (const auto& name : old_sets) fs::remove_all(parent_ / name, error);
}

void OutputSet::inspect_existing() {
  struct stat status {};
  if (::fstatat(parent_fd_, name_.c_str(), &status, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno != ENOENT) refuse(shown_, fmt::format("cannot inspect --out ({}); choose another --out", errno_text()));
    directory_mode_ = 0777 & ~process_umask();
    return;
  }
  if (S_ISLNK(status.st_mode))
    refuse(shown_,
           "--out is a symbolic link; dermasim replaces the directory itself, so give the directory it "
           "points to or a new one");
  if (!S_ISDIR(status.st_mode)) refuse(shown_, "--out exists and is not a directory; choose another --out");
  exists_ = true;
  directory_mode_ = status.st_mode & 07777;
  if (::faccessat(parent_fd_, name_.c_str(), R_OK | W_OK | X_OK, AT_EACCESS) != 0)
    refuse(shown_, fmt::format("--out is not writable ({}); make it writable (chmod u+rwx) or choose another --out",
                               errno_text()));
  std::vector<std::string> foreign;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(parent_ / name_, error)) {
    const auto name = entry.path().filename().string();
    const bool file_like = entry.is_symlink(error) || entry.is_regular_file(error);
    const bool ours =
        std::ranges::find(known_names_, name) != known_names_.end() || is_legacy_temporary(name, known_names_);
    if (!(file_like && ours)) foreign.push_back("'" + name + "'");
  }
  if (error) refuse(shown_, fmt::format("cannot list --out ({}); choose another --out", error.message()));
  if (!foreign.empty())
    refuse(shown_, fmt::format("--out holds {} entr{} that dermasim did not write ({}); dermasim replaces the whole "
                               "directory, so move them away or choose another --out",
                               foreign.size(), foreign.size() == 1 ? "y" : "ies", fmt::join(foreign, ", ")));
}

void OutputSet::replace(const std::vector<std::pair<std::string, std::string>>& files, const FileWriter& writer,
                        Swap swap) {
  const auto new_set = make_temporary_directory(parent_, new_set_prefix(name_), shown_);
  TreeRemover remover(parent_ / new_set);  // on failure the new set, after a swap the old one
  {
    Descriptor directory(::openat(parent_fd_, new_set.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (directory.get() < 0)
      throw Error(
          fmt::format("{}: cannot open the temporary directory ({})", (parent_ / new_set).string(), errno_text()));
    for (const auto& [name, content] : files) {
      try {
        writer(directory.get(), name, content);
      } catch (const std::system_error& failure) {
        throw Error(
            fmt::format("{}: cannot write the output file ({}); the previous outputs are untouched: free "
                        "space or fix the file system and run again",
                        (shown_ / name).string(), failure.code().message()));
      }
    }
    if (::fchmod(directory.get(), directory_mode_) != 0)
      throw Error(fmt::format("{}: cannot set the directory's mode ({})", (parent_ / new_set).string(), errno_text()));
    sync_directory(directory.get(), parent_ / new_set);
  }
  swap_in(new_set, swap);
  exists_ = true;
}

void OutputSet::swap_in(const std::string& new_set, Swap swap) const {
  const char* name = name_.c_str();
  if (!exists_) {
    if (::renameat(parent_fd_, new_set.c_str(), parent_fd_, name) != 0)
      throw Error(fmt::format("{}: cannot move the new outputs into place ({})", shown_.string(), errno_text()));
    sync_directory(parent_fd_, parent_);
    return;
  }
#ifdef RENAME_EXCHANGE
  if (swap == Swap::exchange_if_available) {
    if (::renameat2(parent_fd_, new_set.c_str(), parent_fd_, name, RENAME_EXCHANGE) == 0) {
      sync_directory(parent_fd_, parent_);
      return;  // the new set's temporary name now holds the old set, which the caller removes
    }
    if (!rename_is_unsupported(errno))
      throw Error(fmt::format("{}: cannot swap the new outputs in ({})", shown_.string(), errno_text()));
  }
#endif
  // Two renames: a kill between them leaves --out missing and the old set aside, which the next
  // run moves back (recover_leftovers).
  const auto old_set = make_temporary_directory(parent_, old_set_prefix(name_), shown_);
  TreeRemover remover(parent_ / old_set);
  if (::renameat(parent_fd_, name, parent_fd_, old_set.c_str()) != 0)
    throw Error(fmt::format("{}: cannot move the previous outputs aside ({})", shown_.string(), errno_text()));
  if (::renameat(parent_fd_, new_set.c_str(), parent_fd_, name) != 0) {
    const std::string reason = errno_text();
    remover.release();  // the old set stays aside if it cannot go back: the next run restores it
    ::renameat(parent_fd_, old_set.c_str(), parent_fd_, name);
    throw Error(fmt::format("{}: cannot move the new outputs into place ({})", shown_.string(), reason));
  }
  sync_directory(parent_fd_, parent_);
}

}  // namespace dermasim::report
