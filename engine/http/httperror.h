#pragma once

#include "http/httpparser.h"

#include <QByteArray>

namespace Limpet {

/// The status a client gets for a request the parser refused (400, 414 or 431).
[[nodiscard]] int statusForRequestError(ParseError error);
/// A complete response Limpet itself sends: status line, Content-Type, Content-Length,
/// `Connection: close` and a short plain-text body naming the status and `detail`.
/// This is the one place where protocol errors become responses.
[[nodiscard]] QByteArray errorResponse(int status, QByteArrayView detail);
[[nodiscard]] QByteArray reasonPhrase(int status);

} // namespace Limpet
