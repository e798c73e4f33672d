#pragma once
/// The two kinds of names the message catalog (api/messages.json) defines.
/// Their constants are generated from the catalog into
/// <planflow/error/catalog.hpp>; nothing else should construct them.

#include <string_view>

namespace planflow::error {

/// A problem type: "not-found" becomes "urn:planflow:problem:not-found";
/// the catalog gives its HTTP status and its title in Thai and English.
struct problem_type {
  std::string_view slug;
};

/// One message of the catalog, with `{name}` placeholders filled from the
/// parameters it is raised with.
struct message_code {
  std::string_view id;
};

}  // namespace planflow::error
