#pragma once
// The audit entry of an administrator's change, written in the change's own
// transaction (so both commit or neither).

#include <planflow/app/context.hpp>
#include <planflow/audit/log.hpp>
#include <planflow/directory/users.hpp>
#include <planflow/http/message.hpp>

#include <boost/json/object.hpp>

#include <string>

namespace planflow::api {

inline void audit_change(soci::session& sql, app::context& ctx, const directory::user& actor, const http::request& req,
                         const std::string& action, const std::string& entity, const std::string& id,
                         boost::json::object details) {
  audit::append(sql, ctx.db.backend(),
                {actor.id, std::nullopt, req.remote_address, action, entity, id, std::move(details)});
}

}  // namespace planflow::api
