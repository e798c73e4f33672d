#pragma once
/// Canonical JSON: object members sorted by key (byte order of their UTF-8,
/// which is code-point order), no insignificant whitespace, Boost.JSON's
/// number and string forms. Two documents with the same data give the same
/// bytes, so their SHA-256 identifies the content a committee member signs.

#include <boost/json/value.hpp>

#include <string>

namespace planflow {

std::string canonical_json(const boost::json::value& value);

}  // namespace planflow
