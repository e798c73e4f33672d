#pragma once
/// What can go wrong in the database, as the layers above need to know it.
/// Storage code throws these (or lets the driver's own error through, which
/// classify() reads); the HTTP layer turns them into problems in one place:
/// `unavailable` is a 503 with Retry-After, `duplicate` a 409 naming the field.

#include <chrono>
#include <exception>
#include <stdexcept>
#include <string>

namespace planflow::storage {

/// The database cannot serve this now, but may soon: no connection could be
/// leased in time, the server is unreachable, or a transaction kept losing to
/// other writers after every retry. Nothing was committed, except when the
/// connection was lost with COMMIT in flight (`maybe_committed`).
class unavailable : public std::runtime_error {
 public:
  explicit unavailable(const std::string& what, std::chrono::seconds retry_after = std::chrono::seconds(2),
                       bool maybe_committed = false)
      : std::runtime_error(what), retry_after_(retry_after), maybe_committed_(maybe_committed) {}
  std::chrono::seconds retry_after() const noexcept { return retry_after_; }
  /// The outcome is unknown: the client repeats with its Idempotency-Key.
  bool maybe_committed() const noexcept { return maybe_committed_; }

 private:
  std::chrono::seconds retry_after_;
  bool maybe_committed_;
};

/// A unique key refused a row: somebody else created the same thing first.
class duplicate : public std::runtime_error {
 public:
  duplicate(const std::string& what, std::string constraint, std::string field)
      : std::runtime_error(what), constraint_(std::move(constraint)), field_(std::move(field)) {}
  const std::string& constraint() const noexcept { return constraint_; }
  /// The request field the key stands for ("username"), or "" when unknown.
  const std::string& field() const noexcept { return field_; }

 private:
  std::string constraint_;
  std::string field_;
};

enum class failure {
  connection,  ///< the connection is gone (MySQL 2002/2003/2006/2013, 1047, 1053, 1927; a lost SQLite handle)
  contention,  ///< lost a race with another transaction (MySQL 1213/1205, SQLite BUSY/LOCKED): retry the whole block
  duplicate,   ///< a unique key refused the row (MySQL 1062, SQLite CONSTRAINT_UNIQUE/PRIMARYKEY)
  other,
};

/// Reads a driver error (SOCI's MySQL or SQLite error, or one of the above).
failure classify(const std::exception& e) noexcept;

/// The `duplicate` for a driver's unique-key error, with the field its key
/// stands for when the key is one of planflow's.
duplicate to_duplicate(const std::exception& e);

}  // namespace planflow::storage
