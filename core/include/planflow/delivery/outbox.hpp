#pragma once
/// Delivering acknowledged quarterly reports to the bodies they are owed to
/// (the Ministry of Interior's centre, the NACC office, the PACC office):
/// an outbox row per recipient is written in the same transaction as the
/// acknowledgement, and a background pass sends what is due, with retries.
/// A webhook recipient gets the report as JSON signed with HMAC-SHA-256; a
/// package recipient's row is marked ready and the package downloaded.

#include <planflow/storage/database.hpp>

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace planflow::delivery {

struct recipient {
  std::int64_t id = 0;
  std::string province_code;
  std::string name;
  std::string kind;    ///< "webhook" or "package"
  std::string url;     ///< webhook only
  std::string secret;  ///< webhook only: the HMAC key
  bool active = true;
};

struct delivery_record {
  std::int64_t id = 0;
  std::int64_t report_id = 0;
  std::int64_t recipient_id = 0;
  std::string recipient_name;
  std::string kind;
  std::string status;  ///< pending, sending, delivered, ready, failed
  int attempts = 0;
  std::string next_attempt_at;
  std::string last_error;
  std::optional<int> response_status;
  std::optional<std::string> delivered_at;
};

std::int64_t add_recipient(soci::session& sql, const recipient& r);
std::vector<recipient> recipients(soci::session& sql, const std::string& province_code = {});
bool deactivate_recipient(soci::session& sql, std::int64_t id);

/// Queues one delivery per active recipient of the report's province (in the
/// caller's transaction); a report is queued once per recipient.
void enqueue(soci::session& sql, std::int64_t report_id, const std::string& province_code);

std::vector<delivery_record> deliveries_of(soci::session& sql, std::int64_t report_id);

/// Records that a report's package was handed over: its package deliveries
/// still ready (or only `delivery_id`) become delivered. Returns how many
/// were marked; webhook deliveries are never touched.
int mark_package_delivered(soci::session& sql, std::int64_t report_id,
                           std::optional<std::int64_t> delivery_id = std::nullopt);

/// The header value of a webhook signature: "t=<unix seconds>,v1=<hex HMAC-SHA-256
/// of "<t>.<body>" under the secret>".
std::string signature_header(const std::string& secret, std::int64_t unix_seconds, const std::string& body);

/// Sends an HTTP POST; returns the status code, or nullopt with `error` set
/// when no answer came. Replaceable in tests only through the real network.
struct http_result {
  std::optional<int> status;
  std::string error;
};
http_result post_json(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                      std::chrono::seconds timeout);

/// The report document a delivery carries.
using payload_builder = std::function<boost::json::object(soci::session&, std::int64_t report_id)>;

class outbox {
 public:
  /// `claim_timeout`: a delivery claimed longer ago than this (its sender
  /// died) is sent again; it must exceed the send timeout (20 s).
  outbox(storage::database& db, payload_builder build, int max_attempts = 8,
         std::chrono::seconds claim_timeout = std::chrono::minutes(2));

  /// Sends every delivery that is due. Each row is claimed by a conditional
  /// update first, so several processes never send one at the same time; a
  /// claim left by a process that died is taken back after `claim_timeout`
  /// (so a receiver may, rarely, get a delivery twice: at least once, with
  /// its id in X-Planflow-Delivery). Leases a connection per step and holds
  /// none while a receiver answers. Returns how many were attempted.
  int run_once(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

 private:
  /// Claims, builds and sends one delivery and records the outcome; false
  /// when another process claimed it first.
  bool deliver(std::int64_t id, std::chrono::system_clock::time_point now);

  storage::database& db_;
  payload_builder build_;
  int max_attempts_;
  std::chrono::seconds claim_timeout_;
};

}  // namespace planflow::delivery
