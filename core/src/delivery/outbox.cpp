#include <planflow/auth/crypto.hpp>
#include <planflow/delivery/outbox.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/json_text.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>

#include <curl/curl.h>

#include <algorithm>
#include <mutex>

namespace planflow::delivery {
namespace {

using clock = std::chrono::system_clock;

// Waits between attempts: 1 min, 5 min, 30 min, 2 h, then 6 h.
std::chrono::seconds backoff(int attempts) {
  static constexpr std::chrono::seconds steps[] = {std::chrono::minutes(1), std::chrono::minutes(5),
                                                   std::chrono::minutes(30), std::chrono::hours(2),
                                                   std::chrono::hours(6)};
  return steps[std::min<std::size_t>(std::size_t(std::max(attempts - 1, 0)), std::size(steps) - 1)];
}

std::size_t discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

}  // namespace

std::int64_t add_recipient(soci::session& sql, const recipient& r) {
  const std::string now = storage::now_iso();
  sql << "INSERT INTO report_recipients (province_code, name, kind, url, secret, active, created_at) "
         "VALUES (:p, :n, :k, :u, :s, 1, :t)",
      soci::use(r.province_code), soci::use(r.name), soci::use(r.kind), soci::use(r.url), soci::use(r.secret),
      soci::use(now);
  return storage::last_insert_id(sql, "report_recipients");
}

std::vector<recipient> recipients(soci::session& sql, const std::string& province_code) {
  std::vector<recipient> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, province_code, name, kind, url, secret, active FROM report_recipients "
                      "WHERE (:p1 = '' OR province_code = :p2) ORDER BY id",
       soci::use(province_code), soci::use(province_code));
  for (const auto& row : rows) {
    using namespace storage;
    out.push_back({column_int(row, 0), column_text(row, 1), column_text(row, 2), column_text(row, 3),
                   column_text(row, 4), column_text(row, 5), column_int(row, 6) != 0});
  }
  return out;
}

bool deactivate_recipient(soci::session& sql, std::int64_t id) {
  long long key = id;
  soci::statement st =
      (sql.prepare << "UPDATE report_recipients SET active = 0 WHERE id = :id AND active = 1", soci::use(key));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void enqueue(soci::session& sql, std::int64_t report_id, const std::string& province_code) {
  const std::string now = storage::now_iso();
  long long rid = report_id;
  for (const auto& r : recipients(sql, province_code)) {
    if (!r.active) continue;
    long long recipient_id = r.id;
    int exists = 0;
    sql << "SELECT COUNT(*) FROM report_deliveries WHERE report_id = :r AND recipient_id = :c", soci::use(rid),
        soci::use(recipient_id), soci::into(exists);
    if (exists) continue;
    // Packages need no sending: they are ready for download at once.
    const std::string status = r.kind == "package" ? "ready" : "pending";
    sql << "INSERT INTO report_deliveries (report_id, recipient_id, status, attempts, next_attempt_at, last_error, "
           "response_status, delivered_at, created_at) VALUES (:r, :c, :s, 0, :n, '', NULL, NULL, :t)",
        soci::use(rid), soci::use(recipient_id), soci::use(status), soci::use(now), soci::use(now);
  }
}

std::vector<delivery_record> deliveries_of(soci::session& sql, std::int64_t report_id) {
  long long key = report_id;
  std::vector<delivery_record> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT d.id, d.report_id, d.recipient_id, r.name, r.kind, d.status, d.attempts, "
                      "d.next_attempt_at, d.last_error, d.response_status, d.delivered_at FROM report_deliveries d "
                      "JOIN report_recipients r ON r.id = d.recipient_id WHERE d.report_id = :r ORDER BY d.id",
       soci::use(key));
  for (const auto& row : rows) {
    using namespace storage;
    auto status = column_opt_int(row, 9);
    out.push_back({column_int(row, 0), column_int(row, 1), column_int(row, 2), column_text(row, 3), column_text(row, 4),
                   column_text(row, 5), int(column_int(row, 6)), column_text(row, 7), column_text(row, 8),
                   status ? std::optional<int>(int(*status)) : std::nullopt, column_opt_text(row, 10)});
  }
  return out;
}

int mark_package_delivered(soci::session& sql, std::int64_t report_id, std::optional<std::int64_t> delivery_id) {
  long long rid = report_id;
  long long did = delivery_id.value_or(0);
  int only_one = delivery_id ? 1 : 0;
  const std::string now = storage::now_iso();
  soci::statement st =
      (sql.prepare << "UPDATE report_deliveries SET status = 'delivered', delivered_at = :t, attempts = attempts + 1 "
                      "WHERE report_id = :r AND status = 'ready' AND (:one = 0 OR id = :d) AND recipient_id IN "
                      "(SELECT id FROM report_recipients WHERE kind = 'package')",
       soci::use(now), soci::use(rid), soci::use(only_one), soci::use(did));
  st.execute(true);
  return int(st.get_affected_rows());
}

std::string signature_header(const std::string& secret, std::int64_t unix_seconds, const std::string& body) {
  const std::string t = std::to_string(unix_seconds);
  return "t=" + t + ",v1=" + auth::hmac_sha256_hex(secret, t + "." + body);
}

http_result post_json(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                      std::chrono::seconds timeout) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  http_result out;
  CURL* curl = curl_easy_init();
  if (!curl) {
    out.error = "curl could not start";
    return out;
  }
  curl_slist* list = curl_slist_append(nullptr, "Content-Type: application/json");
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  CURLcode code = curl_easy_perform(curl);
  if (code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    out.status = int(status);
  } else {
    out.error = error[0] ? error : curl_easy_strerror(code);
  }
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return out;
}

outbox::outbox(storage::database& db, payload_builder build, int max_attempts, std::chrono::seconds claim_timeout)
    : db_(db), build_(std::move(build)), max_attempts_(max_attempts), claim_timeout_(claim_timeout) {}

int outbox::run_once(clock::time_point now) {
  const std::string now_text = format_iso(now);
  std::vector<long long> due;
  {
    storage::lease session(db_);
    // A claim older than any send can take belongs to a process that died
    // between claiming and recording: the delivery is due again. The receiver
    // may then see it twice, and X-Planflow-Delivery lets it tell.
    const std::string stale = format_iso(now - claim_timeout_);
    soci::statement reclaim = (session->prepare << "UPDATE report_deliveries SET status = 'pending' "
                                                   "WHERE status = 'sending' AND claimed_at < :t",
                               soci::use(stale));
    reclaim.execute(true);
    if (auto n = reclaim.get_affected_rows(); n > 0) log::warn("deliveries reclaimed", {{"count", n}});
    soci::rowset<long long> rows = (session->prepare << "SELECT id FROM report_deliveries WHERE status = 'pending' "
                                                        "AND next_attempt_at <= :t ORDER BY id",
                                    soci::use(now_text));
    for (long long id : rows) due.push_back(id);
  }
  int attempted = 0;
  // Each delivery on its own: a receiver that hangs or a report that cannot
  // be built is recorded against that row and the others go on.
  for (long long id : due) {
    try {
      if (deliver(id, now)) ++attempted;
    } catch (const std::exception& e) {
      log::error("delivery not attempted; retried next pass", {{"delivery", id}, {"error", e.what()}});
    }
  }
  return attempted;
}

bool outbox::deliver(std::int64_t id, clock::time_point now) {
  const std::string now_text = format_iso(now);
  long long key = id, report_id = 0;
  int attempts = 0;
  std::string url, secret, name, body, build_error;
  {
    storage::lease session(db_);
    auto& sql = *session;
    // Claim the row: only one process gets affected_rows == 1.
    soci::statement claim = (sql.prepare << "UPDATE report_deliveries SET status = 'sending', claimed_at = :t "
                                            "WHERE id = :id AND status = 'pending'",
                             soci::use(now_text), soci::use(key));
    claim.execute(true);
    if (claim.get_affected_rows() != 1) return false;
    long long recipient_id = 0;
    sql << "SELECT report_id, recipient_id, attempts FROM report_deliveries WHERE id = :id", soci::use(key),
        soci::into(report_id), soci::into(recipient_id), soci::into(attempts);
    sql << "SELECT url, secret, name FROM report_recipients WHERE id = :id", soci::use(recipient_id), soci::into(url),
        soci::into(secret), soci::into(name);
    try {
      body = json_text(build_(sql, report_id));
    } catch (const std::exception& e) {
      build_error = std::string("the report could not be built: ") + e.what();
    }
  }
  // No connection is held while the receiver takes its time.
  http_result result;
  if (build_error.empty()) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    result =
        post_json(url, body,
                  {"X-Planflow-Signature: " + signature_header(secret, seconds, body),
                   "X-Planflow-Delivery: " + std::to_string(id), "X-Planflow-Report: " + std::to_string(report_id)},
                  std::chrono::seconds(20));
  } else {
    result.error = build_error;
  }
  attempts += 1;
  const bool ok = result.status && *result.status >= 200 && *result.status < 300;
  const std::string status = ok ? "delivered" : attempts >= max_attempts_ ? "failed" : "pending";
  const std::string error = ok                     ? ""
                            : result.error.empty() ? "HTTP " + std::to_string(result.status.value_or(0))
                                                   : result.error;
  const std::string next = format_iso(now + backoff(attempts));
  int code = result.status.value_or(0);
  soci::indicator code_ind = result.status ? soci::i_ok : soci::i_null;
  std::string delivered = ok ? now_text : "";
  soci::indicator delivered_ind = ok ? soci::i_ok : soci::i_null;
  storage::in_transaction(db_, [&](soci::session& sql) {
    sql << "UPDATE report_deliveries SET status = :s, attempts = :a, next_attempt_at = :n, last_error = :e, "
           "response_status = :c, delivered_at = :d, claimed_at = NULL WHERE id = :id AND status = 'sending'",
        soci::use(status), soci::use(attempts), soci::use(next), soci::use(error), soci::use(code, code_ind),
        soci::use(delivered, delivered_ind), soci::use(key);
  });
  (ok ? log::info : log::warn)(
      "report delivery",
      {{"delivery", id}, {"recipient", name}, {"status", status}, {"attempts", attempts}, {"error", error}});
  return true;
}

}  // namespace planflow::delivery
