#pragma once
// Records every HTTP exchange the tests have with planflow, so that
// tests/contract/validate.mjs can check each answer against api/openapi.json
// after the run. Only when PLANFLOW_CONTRACT_DIR is set: then each test process
// appends JSON lines to a file of its own in that directory (ctest runs
// processes side by side, and one file each needs no locking between them).
// Unset, every call returns at once.

#include <map>
#include <optional>
#include <string>

namespace planflow::test {

struct http_reply;

/// What the client sent, as far as the contract cares.
struct sent_request {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // as sent; Authorization values are not kept
};

/// Declares that `port` is served by planflow's own routes (app_server, the
/// real executable): only exchanges with such ports are recorded, since other
/// servers the tests talk to (a test router, haproxy) are not what
/// api/openapi.json describes.
void contract_serves_planflow(unsigned short port);
/// Whether exchanges are being recorded (PLANFLOW_CONTRACT_DIR is set).
bool contract_enabled();
void contract_forget(unsigned short port);

/// Records one exchange with `port`; `request` is empty for an answer that
/// came without a request (a connection turned away as it was accepted).
void contract_record(unsigned short port, const std::optional<sent_request>& request, const http_reply& reply);

/// Takes the first request off the front of `unanswered` (bytes sent on a
/// connection and not yet answered): its request line and header fields when
/// they read as HTTP/1.x, and its body by Content-Length. Bytes that do not
/// read as a request are all taken, and give no request.
std::optional<sent_request> contract_take_request(std::string& unanswered);

}  // namespace planflow::test
