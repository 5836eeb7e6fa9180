#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// The real servers of a probe test suite: tests/probes/services.sh started in a temporary folder,
// stopped when this goes away. ok() is false (and error() says why, with the script's output) when
// they could not start: the suite then fails, it never skips.
class TestServices final
{
public:
    explicit TestServices(const QStringList &services, bool samplePorts = false);
    ~TestServices();
    TestServices(const TestServices &) = delete;
    TestServices &operator=(const TestServices &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString value(const QString &key) const { return m_values.value(key); }
    int port(const QString &key) const { return m_values.value(key).toInt(); }
    QString state() const { return m_dir.path(); }
    // The contents of a file named by `key` (a private key).
    QString fileText(const QString &key) const;

private:
    QTemporaryDir m_dir;
    QHash<QString, QString> m_values;
    bool m_ok = false;
    bool m_started = false;
    QString m_error;
};
