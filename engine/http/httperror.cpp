#include "http/httperror.h"

namespace Limpet {

int statusForRequestError(ParseError error)
{
    switch (error) {
    case ParseError::UriTooLong:
        return 414;
    case ParseError::HeadersTooLarge:
        return 431;
    case ParseError::None:
    case ParseError::Malformed:
        break;
    }
    return 400;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Error";
    }
}

QByteArray errorResponse(int status, QByteArrayView detail)
{
    QByteArray body;
    body.append(QByteArray::number(status)).append(' ').append(reasonPhrase(status));
    if (!detail.isEmpty())
        body.append(": ").append(detail);
    body.append('\n');
    QByteArray out;
    out.reserve(160 + body.size());
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(reasonPhrase(status));
    out.append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ")
        .append(QByteArray::number(body.size()))
        .append("\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n")
        .append(body);
    return out;
}

} // namespace Limpet
