#include <planflow/audit/signing_key.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/util/file.hpp>
#include <planflow/util/log.hpp>

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace planflow::audit {
namespace {

/// Exactly `n` bytes from `hex`, or nullopt.
std::optional<std::string> from_hex(std::string_view hex, std::size_t n) {
  if (hex.size() != n * 2) return std::nullopt;
  std::string out(n, '\0');
  std::size_t written = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), n, hex.data(), hex.size(), nullptr, &written,
                     nullptr) != 0 ||
      written != n) {
    return std::nullopt;
  }
  return out;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::strchr(" \t\r\n", text.back())) text.remove_suffix(1);
  while (!text.empty() && std::strchr(" \t\r\n", text.front())) text.remove_prefix(1);
  return text;
}

std::runtime_error file_error(const std::filesystem::path& path, const std::string& what) {
  return std::runtime_error("audit signing key " + path.string() + ": " + what);
}

void warn_if_readable_by_others(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && (info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    log::warn("the audit signing key can be read by other users; make it mode 0600", {{"file", path.string()}});
  }
}

// Written to a private temporary file and linked into place, so that a
// process starting at the same moment reads either no file or a whole key,
// and the one that loses the race adopts the winner's key.
void write_new_key(const std::filesystem::path& path, std::string_view hex) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  const std::string temp =
      path.string() + ".new." + std::to_string(::getpid()) + "." + auth::random_token().substr(0, 8);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw file_error(path, std::string("cannot be created: ") + std::strerror(errno));
  const std::string text = std::string(hex) + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == ssize_t(text.size()) && ::fsync(fd) == 0;
  const int write_errno = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp.c_str());
    throw file_error(path, std::string("cannot be written: ") + std::strerror(write_errno));
  }
  const int linked = ::link(temp.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(temp.c_str());
  if (linked != 0 && link_errno != EEXIST) {
    throw file_error(path, std::string("cannot be created: ") + std::strerror(link_errno));
  }
}

}  // namespace

signing_key signing_key::generate() {
  auth::initialize_crypto();
  signing_key key;
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_keypair(public_key, key.secret_.data());
  key.public_hex_ = auth::to_hex(public_key, sizeof public_key);
  return key;
}

signing_key signing_key::from_secret(std::string_view secret) {
  auth::initialize_crypto();
  std::optional<std::string> bytes;
  if (secret.size() == crypto_sign_SECRETKEYBYTES)
    bytes = std::string(secret);
  else
    bytes = from_hex(trimmed(secret), crypto_sign_SECRETKEYBYTES);
  if (!bytes) throw std::invalid_argument("expected a 64-byte Ed25519 secret key, raw or as 128 hex digits");
  // The second half is the public key: it must be the one the seed makes,
  // or signatures would not verify under the key they name.
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char expected[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(public_key, expected, reinterpret_cast<const unsigned char*>(bytes->data()));
  const bool matches = sodium_memcmp(expected, bytes->data(), sizeof expected) == 0;
  signing_key key;
  std::memcpy(key.secret_.data(), expected, sizeof expected);
  sodium_memzero(expected, sizeof expected);
  sodium_memzero(bytes->data(), bytes->size());
  if (!matches) throw std::invalid_argument("the secret key's public half does not match its seed");
  key.public_hex_ = auth::to_hex(public_key, sizeof public_key);
  return key;
}

std::optional<signing_key> signing_key::load(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  auto text = read_file(path);
  if (!text) throw file_error(path, "cannot be read");
  warn_if_readable_by_others(path);
  try {
    auto key = from_secret(*text);
    sodium_memzero(text->data(), text->size());
    return key;
  } catch (const std::invalid_argument& e) {
    sodium_memzero(text->data(), text->size());
    throw file_error(path, e.what());
  }
}

signing_key signing_key::load_or_create(const std::filesystem::path& path) {
  if (auto key = load(path)) return *key;
  const auto fresh = generate();
  write_new_key(path, auth::to_hex(fresh.secret_.data(), fresh.secret_.size()));
  if (auto key = load(path)) {
    if (key->public_key_hex() == fresh.public_key_hex()) {
      log::info("created the audit signing key", {{"file", path.string()}, {"public_key", fresh.public_key_hex()}});
    }
    return *key;
  }
  throw file_error(path, "vanished right after it was created");
}

signing_key::signing_key(const signing_key& other) : secret_(other.secret_), public_hex_(other.public_hex_) {}

signing_key& signing_key::operator=(const signing_key& other) {
  secret_ = other.secret_;
  public_hex_ = other.public_hex_;
  return *this;
}

signing_key::~signing_key() { sodium_memzero(secret_.data(), secret_.size()); }

std::string signing_key::sign_hex(std::string_view message) const {
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_.data());
  return auth::to_hex(signature, sizeof signature);
}

bool signature_valid(std::string_view public_key_hex, std::string_view message, std::string_view signature_hex) {
  auth::initialize_crypto();
  auto public_key = from_hex(public_key_hex, crypto_sign_PUBLICKEYBYTES);
  auto signature = from_hex(signature_hex, crypto_sign_BYTES);
  if (!public_key || !signature) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature->data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     reinterpret_cast<const unsigned char*>(public_key->data())) == 0;
}

}  // namespace planflow::audit
