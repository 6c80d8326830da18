#pragma once
// Replaces an output directory as a whole (docs/architecture.md, "The command line"): the new
// set of files is written into a fresh directory beside it and swapped in with one rename, so
// that after a kill, a full disk or a failed write the directory holds the complete set of one
// run and nothing else. A lock file beside the directory keeps a second run out.
//
// Names beside `DIR`, in its parent directory:
//   .DIR.lock                 the lock (flock); stays, it is empty
//   .DIR.dermasim-new-XXXXXX  the set being written (after a swap, the previous set being removed)
//   .DIR.dermasim-old-XXXXXX  the previous set moved aside where the rename cannot exchange
// A run that is killed may leave the last two; the next run on `DIR` removes them (or, if `DIR`
// itself is missing, moves the set aside back into place).

#include <sys/types.h>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dermasim::report {

/// Writes `content` to a new file `name` inside the open directory `directory_fd`. Throws
/// std::system_error (with errno) on failure.
using FileWriter = std::function<void(int directory_fd, const std::string& name, std::string_view content)>;

/// The default FileWriter: creates the file exclusively (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600
/// while written, then 0666 less the umask), writes it whole and fsyncs it.
void write_new_file(int directory_fd, const std::string& name, std::string_view content);

/// How the new set replaces an existing one: in one exchange where the file system offers
/// renameat2(RENAME_EXCHANGE), else by two renames (the old set aside, the new one in).
enum class Swap { exchange_if_available, two_renames };

class OutputSet {
 public:
  /// Prepares to replace `directory`: creates its parent, takes the lock, cleans what a killed
  /// run left and checks that the directory, if present, holds only `known_names` (or temporary
  /// files of older dermasim versions, `.NAME.tmpPID`). Every refusal is an InputError that says
  /// what to do: a second run (lock held), a foreign file, a symbolic link or non-directory at
  /// `directory`, an unwritable `directory` or parent.
  OutputSet(const std::filesystem::path& directory, std::vector<std::string> known_names);
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  /// Replaces the directory by exactly `files` (name, content). On any failure the directory
  /// keeps its previous set, no temporary directory is left and the error (dermasim::Error
  /// naming the path, or whatever `writer` threw) propagates.
  void replace(const std::vector<std::pair<std::string, std::string>>& files, const FileWriter& writer = write_new_file,
               Swap swap = Swap::exchange_if_available);

  [[nodiscard]] std::filesystem::path lock_path() const;

  /// The prefixes of the temporary directories beside `directory` (followed by 6 characters).
  [[nodiscard]] static std::string new_set_prefix(const std::string& directory_name);
  [[nodiscard]] static std::string old_set_prefix(const std::string& directory_name);

 private:
  void open_checked();
  void close_descriptors();
  void take_lock();
  void recover_leftovers() const;
  void inspect_existing();
  void swap_in(const std::string& new_set, Swap swap) const;

  std::filesystem::path shown_;   // --out as the user gave it, for messages
  std::filesystem::path parent_;  // absolute
  std::string name_;
  std::vector<std::string> known_names_;
  int parent_fd_ = -1;
  int lock_fd_ = -1;
  bool exists_ = false;
  mode_t directory_mode_ = 0755;
};

}  // namespace dermasim::report
