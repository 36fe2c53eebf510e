#include <QTest>
class TestOperations final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { }
};
QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
