#include "tracing/traceview.h"

#include "tracing/breakcountmodel.h"
#include "tracing/tracemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// `translate(n)`: a tr("…%n…", nullptr, n). Qt's %n is an int: a count past INT_MAX picks the
/// plural form of INT_MAX (the "other" form in English, Italian, French and German) and shows its
/// own digits.
template <typename Translate>
QString countText(quint64 count, Translate translate)
{
    constexpr int Max = std::numeric_limits<int>::max();
    if (count <= quint64(Max))
        return translate(int(count));
    return translate(Max).replace(QString::number(Max), QString::number(count));
}

enum TraceKind {
    SessionKind,
    ClientKind
};

/// The same decision, as the history and the live stream both report it.
bool sameDecision(const TraceRecord &a, const TraceRecord &b)
{
    return a.timeMs == b.timeMs && a.client == b.client && a.target == b.target
        && a.keySeen == b.keySeen && a.key == b.key && a.backend == b.backend
        && a.reason == b.reason;
}

} // namespace

TraceView::TraceView(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_target(new QLineEdit(this))
    , m_traceButton(new QPushButton(tr("&Trace"), this))
    , m_pause(new QCheckBox(tr("&Pause"), this))
    , m_exportButton(new QPushButton(tr("&Export JSON…"), this))
    , m_status(new QLabel(this))
    , m_model(new TraceModel(this))
    , m_table(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_breaks(new BreakCountModel(this))
    , m_breakTable(new QTableView(this))
    , m_breakTotal(new QLabel(this))
{
    m_kind->setObjectName(u"traceKind"_s);
    m_kind->addItem(tr("Session key"), SessionKind);
    m_kind->addItem(tr("Client address"), ClientKind);
    m_target->setObjectName(u"traceTarget"_s);
    m_target->setPlaceholderText(tr("3f9a0c1d-app1-77b2e410 or 192.0.2.10"));
    m_target->setClearButtonEnabled(true);
    m_traceButton->setObjectName(u"traceButton"_s);
    m_pause->setObjectName(u"pause"_s);
    m_pause->setToolTip(tr("Hold new requests so the table stays still while you read"));
    m_exportButton->setObjectName(u"exportButton"_s);
    m_exportButton->setToolTip(tr("Save the trace as a JSON array of decisions"));
    m_status->setObjectName(u"traceStatus"_s);

    m_table->setObjectName(u"trace"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail->setObjectName(u"traceDetail"_s);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a request to see its decision"));

    m_breakTable->setObjectName(u"breaks"_s);
    m_breakTable->setModel(m_breaks);
    m_breakTable->verticalHeader()->hide();
    m_breakTable->horizontalHeader()->setSectionResizeMode(
        BreakCountModel::CauseColumn, QHeaderView::Stretch);
    m_breakTable->horizontalHeader()->setSectionResizeMode(
        BreakCountModel::CountColumn, QHeaderView::ResizeToContents);
    m_breakTotal->setObjectName(u"breakTotal"_s);
    m_breakTotal->setWordWrap(true);

    connect(m_traceButton, &QPushButton::clicked, this, &TraceView::traceFromFields);
    connect(m_target, &QLineEdit::returnPressed, this, &TraceView::traceFromFields);
    connect(m_pause, &QCheckBox::toggled, this, &TraceView::setPaused);
    connect(m_exportButton, &QPushButton::clicked, this, &TraceView::exportWithDialog);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TraceView::showDetail);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_kind);
    bar->addWidget(m_target, 1);
    bar->addWidget(m_traceButton);
    bar->addWidget(m_pause);
    bar->addWidget(m_exportButton);

    auto *breaksPane = new QWidget(this);
    auto *breaksLayout = new QVBoxLayout(breaksPane);
    breaksLayout->setContentsMargins(0, 0, 0, 0);
    breaksLayout->addWidget(new QLabel(tr("Stickiness breaks, whole instance"), this));
    breaksLayout->addWidget(m_breakTable, 1);
    breaksLayout->addWidget(m_breakTotal);

    auto *timeline = new QSplitter(Qt::Vertical, this);
    timeline->addWidget(m_table);
    timeline->addWidget(m_detail);
    timeline->setStretchFactor(0, 3);
    timeline->setStretchFactor(1, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(timeline);
    splitter->addWidget(breaksPane);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    updateStatus();
    updateBreaks();
}

TraceView::~TraceView() = default;

void TraceView::setClient(ClusterClient *client)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_client = client;
    m_breaks->clear();
    updateBreaks();
    if (client) {
        m_connections = {
            connect(client, &ClusterClient::traceReady, this, &TraceView::onTraceReady),
            connect(client, &ClusterClient::decisionsArrived, this, &TraceView::onDecisions),
            connect(client, &ClusterClient::snapshotUpdated, this,
                [this](const EngineSnapshot &snapshot) {
                    m_breaks->update(snapshot);
                    updateBreaks();
                }),
        };
    }
    if (!m_key.isEmpty() || !m_clientAddress.isEmpty())
        start();
    else
        updateStatus();
}

void TraceView::traceSession(const QByteArray &key)
{
    m_key = key.trimmed();
    m_clientAddress.clear();
    m_kind->setCurrentIndex(m_kind->findData(SessionKind));
    m_target->setText(QString::fromUtf8(m_key));
    start();
}

void TraceView::traceClient(const QString &client)
{
    m_key.clear();
    m_clientAddress = client.trimmed();
    m_kind->setCurrentIndex(m_kind->findData(ClientKind));
    m_target->setText(m_clientAddress);
    start();
}

void TraceView::traceFromFields()
{
    const QString target = m_target->text().trimmed();
    if (target.isEmpty())
        return;
    if (m_kind->currentData().toInt() == ClientKind)
        traceClient(target);
    else
        traceSession(target.toUtf8());
}

void TraceView::start()
{
    m_model->clear();
    m_detail->clear();
    m_held.clear();
    m_keys.clear();
    if (!m_key.isEmpty())
        m_keys.insert(QString::fromUtf8(m_key));
    m_waitingHistory = !m_key.isEmpty() || !m_clientAddress.isEmpty();
    if (m_client && m_waitingHistory)
        m_client->requestTrace(m_key, m_clientAddress, TraceModel::MaxRows);
    updateStatus();
}

bool TraceView::follows(const TraceRecord &r) const
{
    if (!m_clientAddress.isEmpty())
        return r.client == m_clientAddress;
    if (m_keys.isEmpty())
        return false;
    return (!r.keySeen.isEmpty() && m_keys.contains(r.keySeen))
        || (!r.key.isEmpty() && m_keys.contains(r.key));
}

void TraceView::onTraceReady(
    const QByteArray &key, const QString &client, const QList<TraceRecord> &records)
{
    // Answers to an earlier question (the user picked another session since) are dropped.
    if (!m_waitingHistory || key != m_key || client != m_clientAddress)
        return;
    m_waitingHistory = false;
    for (const TraceRecord &r : records) {
        if (!m_key.isEmpty() && !r.key.isEmpty())
            m_keys.insert(r.key);
    }
    m_model->setRecords(records);

    // Live decisions that came while the history was on its way: those the history has not.
    QList<TraceRecord> held;
    held.swap(m_held);
    const qint64 lastMs = records.isEmpty() ? 0 : records.last().timeMs;
    QList<TraceRecord> newer;
    for (const TraceRecord &r : std::as_const(held)) {
        if (r.timeMs < lastMs)
            continue;
        const bool inHistory = std::any_of(records.crbegin(), records.crend(),
            [&](const TraceRecord &h) { return sameDecision(h, r); });
        if (!inHistory)
            newer.append(r);
    }
    if (m_pause->isChecked())
        m_held = newer;
    else
        appendRows(newer);
    m_table->scrollToBottom();
    updateStatus();
}

void TraceView::onDecisions(const QList<TraceRecord> &decisions)
{
    QList<TraceRecord> mine;
    for (const TraceRecord &r : decisions) {
        if (!follows(r))
            continue;
        // A session re-issued a cookie goes on under its new key.
        if (!m_key.isEmpty() && !r.key.isEmpty())
            m_keys.insert(r.key);
        mine.append(r);
    }
    if (mine.isEmpty())
        return;
    if (m_waitingHistory || m_pause->isChecked()) {
        m_held.append(mine);
        if (m_held.size() > TraceModel::MaxRows)
            m_held.remove(0, m_held.size() - TraceModel::MaxRows);
        updateStatus();
        return;
    }
    appendRows(mine);
    updateStatus();
}

void TraceView::appendRows(const QList<TraceRecord> &records)
{
    if (records.isEmpty())
        return;
    // Follow the end only when the user is there: reading older rows is never disturbed.
    const QScrollBar *scroll = m_table->verticalScrollBar();
    const bool atEnd = scroll->value() == scroll->maximum();
    m_model->append(records);
    if (atEnd)
        m_table->scrollToBottom();
}

void TraceView::setPaused(bool paused)
{
    if (!paused && !m_waitingHistory) {
        QList<TraceRecord> held;
        held.swap(m_held);
        appendRows(held);
    }
    updateStatus();
}

void TraceView::showDetail()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const TraceModel::Row &row = m_model->row(current.row());
    const TraceRecord &d = row.record;
    const QString none = tr("none");
    QStringList lines;
    lines << tr("%1 %2 from %3, pool %4 (mode %5)")
                 .arg(d.method, d.target, d.client, d.pool.isEmpty() ? none : d.pool,
                     d.mode.isEmpty() ? none : d.mode);
    lines << tr("Cookie seen: %1").arg(d.keySeen.isEmpty() ? none : d.keySeen);
    lines << tr("Decoded: %1").arg(d.decoded.isEmpty() ? none : d.decoded);
    lines << tr("Reason: %1%2").arg(d.reason, d.detail.isEmpty() ? QString() : u" — "_s + d.detail);
    lines << tr("Backend: %1%2")
                 .arg(d.backend.isEmpty() ? none : d.backend,
                     d.algorithm.isEmpty() ? QString() : tr(" (balanced by %1)").arg(d.algorithm));
    if (row.changed) {
        lines << tr("Backend change: %1 → %2, %3 (%4)")
                     .arg(row.previousBackend.isEmpty() ? none : row.previousBackend,
                         d.backend.isEmpty() ? none : d.backend, TraceModel::plainCause(row.cause),
                         row.cause);
    }
    lines << tr("Key in force: %1").arg(d.key.isEmpty() ? none : d.key);
    lines << tr("Set-Cookie: %1").arg(d.setCookie.isEmpty() ? none : d.setCookie);
    lines << tr("Status %1 in %2 ms").arg(d.status).arg(d.durationMs) + u", "_s
            + countText(d.bytesSent, [](int n) { return tr("%n byte(s)", nullptr, n); }) + u", "_s
            + tr("%n retry(-ies)", nullptr, d.retries);
    m_detail->setPlainText(lines.join(u'\n'));
}

void TraceView::updateStatus()
{
    if (m_key.isEmpty() && m_clientAddress.isEmpty()) {
        m_status->setText(tr("Pick a session key or a client address, then Trace."));
        return;
    }
    const QString what = m_key.isEmpty() ? tr("Client %1").arg(m_clientAddress)
                                         : tr("Session %1").arg(QString::fromUtf8(m_key));
    if (!m_client) {
        m_status->setText(tr("%1: no instance is connected.").arg(what));
        return;
    }
    if (m_waitingHistory) {
        m_status->setText(tr("%1: asking the instance for its history…").arg(what));
        return;
    }
    QString text = tr("%1: %n request(s)", nullptr, m_model->rowCount()).arg(what);
    text += u", "_s + tr("%n backend change(s)", nullptr, m_model->changes());
    if (m_pause->isChecked())
        text += u" — "_s
            + tr("paused, %n new request(s) held", nullptr, static_cast<int>(m_held.size()));
    m_status->setText(text);
}

void TraceView::updateBreaks()
{
    const QString breaks
        = countText(m_breaks->totalBreaks(), [](int n) { return tr("%n break(s)", nullptr, n); });
    const QString decisions = countText(
        m_breaks->decisionsSeen(), [](int n) { return tr("%n decision(s)", nullptr, n); });
    //: %1: "3 breaks", %2: "1200 decisions"
    m_breakTotal->setText(tr("%1 in %2 since this view opened").arg(breaks, decisions));
}

bool TraceView::exportJson(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(m_model->toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void TraceView::exportWithDialog()
{
    QString name = m_key.isEmpty() ? m_clientAddress : QString::fromUtf8(m_key);
    name.replace(QRegularExpression(u"[^A-Za-z0-9_.-]"_s), u"_"_s);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export trace"),
        name.isEmpty() ? u"trace.json"_s : u"trace-%1.json"_s.arg(name), tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportJson(path, &error))
        QMessageBox::warning(this, tr("Export trace"),
            tr("The trace could not be written to %1: %2").arg(path, error));
}

} // namespace Limpet
