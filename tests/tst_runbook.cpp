#include <QTest>
class TestRunbook final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { }
};
QTEST_GUILESS_MAIN(TestRunbook)
#include "tst_runbook.moc"
