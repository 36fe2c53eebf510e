#pragma once

#include "pool/backend.h"

#include <QList>
#include <QString>

#include <array>

namespace Limpet {

/// Value snapshots of a running engine, for the UI and the API. Safe to copy across threads;
/// they hold no pointer into the engine.
struct BackendSnapshot
{
    QString pool;
    QString name;
    QString address;
    QString route;
    BackendState state = BackendState::Ready;
    Health health = Health::Up;
    int weight = 1;
    quint64 requests = 0;
    std::array<quint64, 6> responses{}; ///< [0] = no response (errors), [1..5] = 1xx..5xx
    int active = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 failures = 0;
    int sessions = 0; ///< bound sessions in the session table
};

struct PoolSnapshot
{
    QString name;
    QString affinityMode;
    QString balancing;
    QList<BackendSnapshot> backends;
};

struct EngineSnapshot
{
    qint64 timeMs = 0;
    QString listen;
    int workers = 0;
    quint64 connectionsAccepted = 0;
    int connectionsOpen = 0;
    int sessions = 0;
    QList<PoolSnapshot> pools;
};

} // namespace Limpet
