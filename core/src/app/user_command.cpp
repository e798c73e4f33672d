#include <planflow/app/user_command.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/directory/agencies.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/storage/migrations.hpp>
#include <planflow/workflow/definition.hpp>

#include <algorithm>
#include <iostream>
#include <stdexcept>

namespace planflow::app {

directory::role_grant parse_role_grant(const std::string& text) {
  directory::role_grant grant;
  auto first = text.find(':');
  grant.role = text.substr(0, first);
  if (first != std::string::npos) {
    auto second = text.find(':', first + 1);
    grant.province_code = text.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
    if (second != std::string::npos) grant.plan_type = text.substr(second + 1);
  }
  const auto& known = workflow::known_roles();
  if (std::ranges::find(known, grant.role) == known.end()) {
    std::string list;
    for (const auto& r : known) list += (list.empty() ? "" : ", ") + r;
    throw std::invalid_argument("unknown role '" + grant.role + "' (known: " + list + ")");
  }
  if (first != std::string::npos && grant.province_code.empty()) {
    throw std::invalid_argument("role '" + text + "': the province after ':' is empty");
  }
  return grant;
}

int user_command(const config& c, std::istream& password_in) {
  if (c.arguments.empty() || c.arguments[0] != "add") {
    std::cerr << "planflow user: expected `planflow user add ...`\n";
    return 2;
  }
  if (c.username.empty()) throw std::invalid_argument("--username is required");
  if (c.roles.empty()) throw std::invalid_argument("at least one --role is required");
  if (!c.password_stdin)
    throw std::invalid_argument("--password-stdin is required: passwords are never taken as flags");

  directory::new_user input;
  input.username = c.username;
  input.display_name = c.display_name.empty() ? c.username : c.display_name;
  input.agency_id = c.agency_id;
  for (const auto& text : c.roles) input.roles.push_back(parse_role_grant(text));

  std::string password;
  std::getline(password_in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (!auth::long_enough_password(password)) {
    throw std::invalid_argument("the password must have at least " + std::to_string(auth::k_min_password_characters) +
                                " characters");
  }
  input.password_hash = auth::hash_password(password);

  storage::database db(storage::parse_database_url(c.db), 1);
  storage::apply_migrations(db);
  auto id = storage::in_transaction(db, [&](soci::session& sql) {
    if (directory::find_user_by_username(sql, input.username)) {
      throw std::invalid_argument("a user named '" + input.username + "' already exists");
    }
    if (input.agency_id && !directory::find_agency(sql, *input.agency_id)) {
      throw std::invalid_argument("no agency has the id " + std::to_string(*input.agency_id));
    }
    for (const auto& g : input.roles) {
      if (!g.province_code.empty() && !directory::find_province(sql, g.province_code)) {
        throw std::invalid_argument("unknown province code '" + g.province_code + "'");
      }
      if ((g.role == "agency_officer" || g.role == "agency_head") && !input.agency_id) {
        throw std::invalid_argument("the role " + g.role + " needs --agency");
      }
    }
    return directory::create_user(sql, input);
  });
  std::cout << "created user " << input.username << " (id " << id << ")" << std::endl;
  return 0;
}

}  // namespace planflow::app
