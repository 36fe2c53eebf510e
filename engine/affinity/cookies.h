#pragma once

#include "http/httphead.h"

#include <QByteArray>
#include <optional>

namespace Limpet::Cookies {

/// Value of the first cookie called `name` in the request's Cookie headers
/// (RFC 6265 `name=value; name2=value2`), or empty optional when there is none.
[[nodiscard]] std::optional<QByteArray> find(const HttpHead &request, QByteArrayView name);
/// Removes every cookie called `name` from the request; a Cookie header left empty is dropped.
/// Returns whether anything was removed.
bool strip(HttpHead &request, QByteArrayView name);

} // namespace Limpet::Cookies
