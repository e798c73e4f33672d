#pragma once
/// The Ed25519 key that signs audit checkpoints (libsodium's
/// crypto_sign_detached). It lives in a file of its own, created with mode
/// 0600 on first use; several instances of one deployment share it by
/// copying that file, since `audit verify` trusts only checkpoints signed by
/// the key it is given.

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace planflow::audit {

class signing_key {
 public:
  /// A fresh random key (tests, and the first use of a key file).
  static signing_key generate();
  /// From libsodium's 64-byte secret key (seed and public key), raw or as
  /// 128 hex digits; throws std::invalid_argument when it is neither or when
  /// its halves do not belong together.
  static signing_key from_secret(std::string_view secret);
  /// The key in `path`, or nullopt when there is no such file; throws
  /// std::runtime_error naming the file when it cannot be read or is not a key.
  static std::optional<signing_key> load(const std::filesystem::path& path);
  /// The key in `path`, created (mode 0600, hex) when there is none. Safe
  /// when several processes start at once: all end up with the same key.
  static signing_key load_or_create(const std::filesystem::path& path);

  signing_key(const signing_key& other);
  signing_key& operator=(const signing_key& other);
  ~signing_key();

  /// 64 lower-case hex digits.
  const std::string& public_key_hex() const noexcept { return public_hex_; }
  /// The detached signature of `message`, 128 hex digits.
  std::string sign_hex(std::string_view message) const;

 private:
  signing_key() = default;
  std::array<unsigned char, 64> secret_{};
  std::string public_hex_;
};

/// True when `signature_hex` is `public_key_hex`'s signature of `message`.
/// Malformed hex is simply not a valid signature.
bool signature_valid(std::string_view public_key_hex, std::string_view message, std::string_view signature_hex);

}  // namespace planflow::audit
