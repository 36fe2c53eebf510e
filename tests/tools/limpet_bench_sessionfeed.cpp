// What the Sessions view's feed costs per session, in each thread it runs in, without the noise
// of a whole proxy benchmark: a worker touching new sessions while a reader follows the table
// (and, for comparison, while nobody does), the client thread's SessionTable::changes(), and
// the GUI thread's SessionTableModel::applyChanges() into the model, filter proxy and table view
// of the Sessions view. Not part of ctest; run by hand:
//
//   build/bin/limpet_bench_sessionfeed [prefill] [per-batch] [batches]
//
// Defaults: 300,000 sessions already in the table, 40,000 new ones per batch (a second of the
// no-cookie stress of tests/bench/gui.sh), 5 batches. Prints the median ns per session of each
// step. Under `valgrind --tool=callgrind` the instruction counts are repeatable.

#include "session/sessiontable.h"
#include "sessions/sessionfiltermodel.h"
#include "sessions/sessiontablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

int argument(const QStringList &args, int i, int fallback)
{
    bool ok = false;
    const int v = args.size() > i ? args.at(i).toInt(&ok) : fallback;
    return ok && v > 0 ? v : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int prefill = argument(args, 1, 300'000);
    const int perBatch = argument(args, 2, 40'000);
    const int batches = argument(args, 3, 5);

    std::vector<Limpet::BackendPtr> backends;
    for (int i = 0; i < 3; ++i) {
        Limpet::BackendConfig config;
        config.name = u"s%1"_s.arg(i + 1);
        config.address = Limpet::Endpoint{QHostAddress::LocalHost, quint16(9000 + i)};
        backends.push_back(std::make_shared<Limpet::Backend>(config, quint32(i)));
    }
    const QString pool = u"app"_s;
    const QHostAddress client(u"127.0.0.1"_s);
    quint64 next = 0;
    const auto touchNew = [&](Limpet::SessionTable &table, int count) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i, ++next) {
            const QByteArray key = QByteArray::number(next, 16).rightJustified(16, '0');
            table.touch(pool, key, backends[next % 3], client, 1'700'000'000'000 + qint64(next));
        }
        return double(timer.nsecsElapsed()) / count;
    };

    // Nobody following: what a headless worker pays.
    std::vector<double> unfollowed;
    {
        Limpet::SessionTable table(2'000'000, std::chrono::hours(1));
        touchNew(table, prefill);
        for (int b = 0; b < batches; ++b)
            unfollowed.push_back(touchNew(table, perBatch));
    }

    Limpet::SessionTable table(2'000'000, std::chrono::hours(1));
    Limpet::SessionTableModel model;
    Limpet::SessionFilterModel proxy;
    proxy.setSessionModel(&model);
    QTableView view;
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view.resize(1200, 700);
    view.show();

    Limpet::SessionCursor cursor;
    touchNew(table, prefill);
    model.applyChanges(table.changes(cursor)); // the first read: whole
    QCoreApplication::processEvents();

    std::vector<double> followed, read, applied;
    for (int b = 0; b < batches; ++b) {
        followed.push_back(touchNew(table, perBatch));
        QElapsedTimer timer;
        timer.start();
        const Limpet::SessionChanges changes = table.changes(cursor);
        read.push_back(double(timer.nsecsElapsed()) / perBatch);
        if (changes.full || changes.sessions.size() != perBatch) {
            std::fprintf(stderr, "unexpected read: full %d, %lld sessions\n", changes.full,
                static_cast<long long>(changes.sessions.size()));
            return 1;
        }
        timer.start();
        model.applyChanges(changes);
        QCoreApplication::processEvents(); // the view's share of the insertion
        applied.push_back(double(timer.nsecsElapsed()) / perBatch);
    }
    if (model.rowCount() != prefill + perBatch * batches) {
        std::fprintf(stderr, "the model has %d rows, expected %d\n", model.rowCount(),
            prefill + perBatch * batches);
        return 1;
    }

    std::printf("sessions: %d before, %d new per batch, %d batches (median ns per session)\n",
        prefill, perBatch, batches);
    std::printf("worker touch, nobody following  %8.0f\n", median(unfollowed));
    std::printf("worker touch, a reader follows  %8.0f\n", median(followed));
    std::printf("client SessionTable::changes    %8.0f\n", median(read));
    std::printf("GUI applyChanges + view         %8.0f\n", median(applied));
    return 0;
}
