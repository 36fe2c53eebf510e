#include "inspector/inspectorview.h"

#include "config/config.h"
#include "inspector/cookietablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

constexpr int MaxRecentRequests = 50;

/// The affinity modes whose key is a cookie the inspector can fill in.
bool isCookieMode(const QString &mode)
{
    return mode == "insert"_L1 || mode == "prefix"_L1 || mode == "route"_L1 || mode == "learn"_L1;
}

QString pathOf(const QString &target)
{
    const qsizetype end = target.indexOf(u'?');
    return end < 0 ? target : target.left(end);
}

QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

InspectorView::InspectorView(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_host(new QLineEdit(this))
    , m_path(new QLineEdit(this))
    , m_recent(new QComboBox(this))
    , m_inspectButton(new QPushButton(tr("&Inspect"), this))
    , m_cookies(new CookieTableModel(this))
    , m_cookieView(new QTableView(this))
    , m_warnings(new QListWidget(this))
    , m_noWarnings(new QLabel(this))
    , m_summary(valueLabel(this, u"drySummary"_s))
    , m_pool(valueLabel(this, u"dryPool"_s))
    , m_reason(valueLabel(this, u"dryReason"_s))
    , m_backend(valueLabel(this, u"dryBackend"_s))
    , m_candidates(valueLabel(this, u"dryCandidates"_s))
    , m_session(valueLabel(this, u"drySession"_s))
    , m_detail(valueLabel(this, u"dryDetail"_s))
{
    m_text->setObjectName(u"cookieText"_s);
    m_text->setPlaceholderText(tr("Paste a Cookie: header, Set-Cookie: lines or a whole HTTP "
                                  "request, then Inspect (Ctrl+Return)"));
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_host->setObjectName(u"host"_s);
    m_host->setPlaceholderText(tr("www.example.com"));
    m_host->setToolTip(tr("The host the browser talks to: Domain attributes are checked against "
                          "it, and the dry run routes by it"));
    m_path->setObjectName(u"path"_s);
    m_path->setPlaceholderText(u"/"_s);
    m_path->setToolTip(tr("The application's path: a cookie Path narrower than this loses the "
                          "session, and the dry run routes by it"));
    m_recent->setObjectName(u"recentRequests"_s);
    m_recent->setToolTip(tr("Requests the instance served lately: pick one to inspect its cookie"));
    m_recent->addItem(tr("Recent requests…"));
    m_recent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_recent->setMinimumContentsLength(30);
    m_inspectButton->setObjectName(u"inspectButton"_s);
    m_inspectButton->setToolTip(tr("Read the cookies and ask the instance what it would do "
                                   "(Ctrl+Return)"));

    auto *inspectAction = new QAction(tr("Inspect"), this);
    inspectAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    inspectAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(inspectAction);
    connect(inspectAction, &QAction::triggered, this, &InspectorView::inspect);
    connect(m_inspectButton, &QPushButton::clicked, this, &InspectorView::inspect);
    connect(m_recent, &QComboBox::activated, this, &InspectorView::pickRecent);

    m_cookieView->setObjectName(u"cookies"_s);
    m_cookieView->setModel(m_cookies);
    m_cookieView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cookieView->setAlternatingRowColors(true);
    m_cookieView->setWordWrap(false);
    m_cookieView->verticalHeader()->hide();
    m_cookieView->horizontalHeader()->setStretchLastSection(true);
    m_cookieView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_warnings->setObjectName(u"warnings"_s);
    m_warnings->setWordWrap(true);
    m_noWarnings->setObjectName(u"noWarnings"_s);
    m_noWarnings->setText(tr("Nothing in these cookies breaks stickiness."));
    m_noWarnings->hide();

    // Input: the text, then where it is sent.
    auto *input = new QWidget(this);
    auto *inputLayout = new QVBoxLayout(input);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(m_text);
    auto *row = new QHBoxLayout;
    row->addWidget(m_recent, 2);
    auto *hostLabel = new QLabel(tr("H&ost:"), this);
    hostLabel->setBuddy(m_host);
    row->addWidget(hostLabel);
    row->addWidget(m_host, 1);
    auto *pathLabel = new QLabel(tr("&Path:"), this);
    pathLabel->setBuddy(m_path);
    row->addWidget(pathLabel);
    row->addWidget(m_path, 1);
    row->addWidget(m_inspectButton);
    inputLayout->addLayout(row);

    auto *warningsBox = new QGroupBox(tr("Warnings"), this);
    auto *warningsLayout = new QVBoxLayout(warningsBox);
    warningsLayout->addWidget(m_noWarnings);
    warningsLayout->addWidget(m_warnings);

    auto *dryRun = new QGroupBox(tr("What Limpet would do now"), this);
    dryRun->setToolTip(tr("A dry run on the instance: nothing is sent, recorded or counted"));
    auto *form = new QFormLayout(dryRun);
    form->addRow(m_summary);
    form->addRow(tr("Pool:"), m_pool);
    form->addRow(tr("Reason code:"), m_reason);
    form->addRow(tr("Backend:"), m_backend);
    form->addRow(tr("Candidates:"), m_candidates);
    form->addRow(tr("Session:"), m_session);
    form->addRow(tr("Detail:"), m_detail);
    showDryRunMessage(tr("Inspect a cookie to see where the instance would send it."));

    auto *results = new QSplitter(Qt::Horizontal, this);
    results->addWidget(warningsBox);
    results->addWidget(dryRun);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(input);
    splitter->addWidget(m_cookieView);
    splitter->addWidget(results);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

InspectorView::~InspectorView() = default;

void InspectorView::setClient(ClusterClient *client)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    if (m_client && m_client != client)
        m_client->setDecisionFeed(DecisionFeed::Sample);
    m_client = client;
    m_waiting = false;
    m_pools.clear();
    m_backends.clear();
    while (m_recent->count() > 1)
        m_recent->removeItem(1);
    m_recentIds.clear();
    m_hiddenRecent.clear();
    if (!client)
        return;
    m_connections = {
        connect(client, &ClusterClient::snapshotUpdated, this, &InspectorView::onSnapshot),
        connect(client, &ClusterClient::decisionsArrived, this, &InspectorView::onDecisions),
        connect(client, &ClusterClient::inspectReady, this, &InspectorView::onInspectReady),
    };
    // The list of recent requests wants many decisions, only while it can be seen.
    client->setDecisionFeed(isVisible() ? DecisionFeed::Full : DecisionFeed::Sample);
}

CookieFormats::Context InspectorView::context() const
{
    CookieFormats::Context c;
    c.host = m_host->text().trimmed();
    c.appPath = m_path->text().trimmed();
    c.pools = m_pools.values();
    c.backends = m_backends;
    c.now = QDateTime::currentDateTimeUtc();
    return c;
}

void InspectorView::inspect()
{
    const CookieFormats::Context c = context();
    const CookieReport report = CookieFormats::inspect(m_text->toPlainText(), c);
    m_cookies->setCookies(report.cookies, c.now);
    m_cookieView->resizeColumnsToContents();

    m_warnings->clear();
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const CookieWarning &w : report.warnings)
        m_warnings->addItem(new QListWidgetItem(warningIcon, w.text));
    m_noWarnings->setVisible(report.warnings.isEmpty() && !report.cookies.isEmpty());
    m_warnings->setVisible(!report.warnings.isEmpty());

    if (!m_client) {
        showDryRunMessage(tr("No instance is connected: the dry run needs one."));
        return;
    }
    InspectRequest request;
    if (!report.method.isEmpty())
        request.method = report.method.toLatin1();
    request.host = (c.host.isEmpty() ? report.host : c.host).toUtf8();
    // A raw request goes as it came (route mode reads `;jsessionid=` and query parameters).
    QString path = c.appPath.isEmpty() ? report.target : c.appPath;
    if (path.isEmpty())
        path = u"/"_s;
    else if (!path.startsWith(u'/'))
        path.prepend(u'/');
    request.path = path.toUtf8();
    request.cookie = report.cookieHeader;
    m_waiting = true;
    showDryRunMessage(tr("Asking the instance…"));
    m_client->inspect(request);
}

void InspectorView::showDryRunMessage(const QString &message)
{
    m_summary->setText(message);
    for (QLabel *label : {m_pool, m_reason, m_backend, m_candidates, m_session, m_detail})
        label->clear();
}

void InspectorView::onInspectReady(const InspectAnswer &answer)
{
    // Another view of the same instance may ask too: only the answer to our question counts.
    if (!m_waiting)
        return;
    m_waiting = false;
    const TraceRecord &d = answer.decision;
    m_summary->setText(answer.summary);
    m_pool->setText(d.pool.isEmpty()
            ? tr("none")
            : (d.mode.isEmpty() ? d.pool : tr("%1 (mode %2)").arg(d.pool, d.mode)));
    m_reason->setText(d.reason);
    m_backend->setText(d.backend.isEmpty() ? tr("none chosen yet") : d.backend);
    m_candidates->setText(d.candidates.isEmpty() ? tr("—") : d.candidates.join(", "_L1));
    if (answer.session) {
        const SessionInfo &s = *answer.session;
        const qint64 idle = (QDateTime::currentMSecsSinceEpoch() - s.lastSeenMs) / 1000;
        QString text
            = tr("on %1, %n request(s), last seen %2 ago", nullptr, static_cast<int>(s.requests))
                  .arg(s.backend, CookieFormats::durationText(idle));
        if (!s.pinnedBackend.isEmpty()) {
            text += u"; "_s
                + (s.pinUntilMs > 0 ? tr("pinned to %1 until %2")
                                          .arg(s.pinnedBackend,
                                              QDateTime::fromMSecsSinceEpoch(s.pinUntilMs)
                                                  .toString(Qt::ISODate))
                                    : tr("rebound to %1").arg(s.pinnedBackend));
        }
        m_session->setText(text);
    } else {
        m_session->setText(tr("not in the session table"));
    }
    m_detail->setText(d.detail.isEmpty() ? d.decoded : d.detail);
}

void InspectorView::onSnapshot(const EngineSnapshot &snapshot)
{
    m_backends.clear();
    for (const PoolSnapshot &pool : snapshot.pools) {
        PoolHint &hint = m_pools[pool.name];
        hint.pool = pool.name;
        hint.mode = pool.affinityMode;
        for (const BackendSnapshot &b : pool.backends)
            m_backends.append(BackendHint{pool.name, b.name, b.route, b.address});
    }
}

void InspectorView::onDecisions(const QList<TraceRecord> &decisions)
{
    // Runs of one pool look its hint up once: this loop sees every decision of the stream.
    PoolHint *hint = nullptr;
    for (const TraceRecord &d : decisions) {
        if (d.pool.isEmpty())
            continue;
        if (!hint || hint->pool != d.pool) {
            hint = &m_pools[d.pool];
            hint->pool = d.pool;
        }
        if (!d.mode.isEmpty() && hint->mode != d.mode)
            hint->mode = d.mode;
        // The cookie's name is only ever seen in a Set-Cookie the pool added.
        if (d.setCookie.isEmpty())
            continue;
        const qsizetype eq = d.setCookie.indexOf(u'=');
        if (eq > 0)
            hint->cookieName = d.setCookie.left(eq).trimmed();
    }
    if (isVisible()) {
        addRecent(decisions);
        return;
    }
    // Hidden: keep only what could make it into the list (a few times its length, as some
    // are repeats or carry no cookie).
    constexpr qsizetype Keep = 4 * MaxRecentRequests;
    m_hiddenRecent += decisions.size() > Keep ? decisions.last(Keep) : decisions;
    if (m_hiddenRecent.size() > 2 * Keep)
        m_hiddenRecent = m_hiddenRecent.last(Keep);
}

void InspectorView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_client)
        m_client->setDecisionFeed(DecisionFeed::Sample);
}

void InspectorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_client)
        m_client->setDecisionFeed(DecisionFeed::Full);
    if (!m_hiddenRecent.isEmpty())
        addRecent(std::exchange(m_hiddenRecent, {}));
}

void InspectorView::addRecent(const QList<TraceRecord> &decisions)
{
    // Only the newest requests can make it into the list: walk the batch from its end.
    QList<TraceRecord> fresh; // oldest first
    QStringList freshIds; // newest first, as the list shows them
    for (auto it = decisions.crbegin(); it != decisions.crend() && fresh.size() < MaxRecentRequests;
         ++it) {
        const TraceRecord &d = *it;
        if (d.pool.isEmpty() || d.keySeen.isEmpty() || !isCookieMode(d.mode))
            continue;
        const QString id = QStringList{d.pool, d.keySeen, pathOf(d.target)}.join(u'\n');
        if (m_recentIds.contains(id) || freshIds.contains(id))
            continue;
        freshIds.append(id);
        fresh.prepend(d);
    }
    m_recentIds = freshIds + m_recentIds;
    // Newest first, under the placeholder; the current item stays the current one.
    for (const TraceRecord &d : std::as_const(fresh)) {
        const QString when = QDateTime::fromMSecsSinceEpoch(d.timeMs).toString(u"HH:mm:ss"_s);
        const QString label = tr("%1 %2 %3 — %4 → %5 (%6)")
                                  .arg(when, d.method, d.target, d.reason,
                                      d.backend.isEmpty() ? tr("none") : d.backend, d.pool);
        m_recent->insertItem(1, label, QVariant::fromValue(d));
        m_recent->setItemData(1, d.keySeen, Qt::ToolTipRole);
    }
    while (m_recent->count() > MaxRecentRequests + 1)
        m_recent->removeItem(m_recent->count() - 1);
    m_recentIds = m_recentIds.mid(0, MaxRecentRequests);
}

void InspectorView::pickRecent(int index)
{
    if (index <= 0)
        return;
    const auto d = m_recent->itemData(index).value<TraceRecord>();
    QString name = m_pools.value(d.pool).cookieName;
    if (name.isEmpty())
        name = StickyConfig().cookie; // the default name: the best guess until a Set-Cookie
    m_text->setPlainText(u"Cookie: %1=%2"_s.arg(name, d.keySeen));
    m_path->setText(pathOf(d.target));
    inspect();
}

} // namespace Limpet
