#pragma once
/// The cryptographic primitives planflow uses, all from libsodium: argon2id
/// password hashes, random tokens and SHA-256.

#include <cstddef>
#include <string>
#include <string_view>

namespace planflow::auth {

/// Initialises libsodium; safe to call more than once. Throws if it cannot.
void initialize_crypto();

/// The shortest password accepted, in characters (code points), wherever
/// it is set: the API, the web interface's form and `planflow user add`.
inline constexpr std::size_t k_min_password_characters = 10;
bool long_enough_password(std::string_view password);

/// An argon2id hash in libsodium's encoded form (parameters and salt included).
std::string hash_password(std::string_view password);
/// Constant-time check of a password against an encoded hash.
bool verify_password(const std::string& encoded_hash, std::string_view password);

/// 256 random bits, base64url without padding (43 characters).
std::string random_token();

/// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

/// SHA-256 of the bytes in standard base64 with padding (a CSP hash source's form).
std::string sha256_base64(std::string_view bytes);

/// HMAC-SHA-256 of `message` under `key`, lower-case hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

/// The bytes as lower-case hex.
std::string to_hex(const unsigned char* bytes, std::size_t n);

}  // namespace planflow::auth
