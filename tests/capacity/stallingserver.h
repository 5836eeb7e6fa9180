#pragma once

// A small HTTP/1.1 keep-alive server for the load runner's suites, on an OS-chosen loopback port
// in a thread of its own (so the runner's threads measure it, not the test's event loop). It
// answers every request with a fixed JSON body; given a period, it stops answering for `stallMs`
// once per period (the first after half a period), the way a server does in a long GC pause.
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace jb::test {

class StallingServer final
{
public:
    explicit StallingServer(int stallEveryMs = 0, int stallMs = 0, int status = 200)
        : m_stallEveryMs(stallEveryMs)
        , m_stallMs(stallMs)
    {
        const std::string body = R"({"cep":"01001-000","logradouro":"Praça da Sé"})";
        m_response = "HTTP/1.1 " + std::to_string(status)
            + " OK\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size())
            + "\r\n\r\n" + body;
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(m_listener, 512);
        socklen_t length = sizeof address;
        getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~StallingServer()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_listener);
    }
    StallingServer(const StallingServer &) = delete;
    StallingServer &operator=(const StallingServer &) = delete;

    int port() const { return m_port; }
    long requests() const { return m_requests.load(); }

private:
    void serve()
    {
        struct Client
        {
            int fd;
            std::string in;
        };
        std::vector<Client> clients;
        const auto start = std::chrono::steady_clock::now();
        long nextStallMs = m_stallEveryMs / 2;
        while (!m_stop) {
            if (m_stallEveryMs > 0) {
                const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - start)
                                         .count();
                if (elapsed >= nextStallMs) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(m_stallMs));
                    nextStallMs += m_stallEveryMs;
                }
            }
            std::vector<pollfd> fds{{m_listener, POLLIN, 0}};
            for (const auto &client : clients)
                fds.push_back({client.fd, POLLIN, 0});
            if (::poll(fds.data(), fds.size(), 5) <= 0)
                continue;
            if (fds[0].revents & POLLIN) {
                const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
                if (fd >= 0)
                    clients.push_back({fd, {}});
            }
            for (std::size_t i = 1; i < fds.size(); ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                auto &client = clients[i - 1];
                char buffer[16 * 1024];
                const ssize_t n = ::recv(client.fd, buffer, sizeof buffer, 0);
                if (n <= 0) {
                    ::close(client.fd);
                    client.fd = -1;
                    continue;
                }
                client.in.append(buffer, std::size_t(n));
                std::size_t end;
                while ((end = client.in.find("\r\n\r\n")) != std::string::npos) {
                    client.in.erase(0, end + 4);
                    ++m_requests;
                    ::send(client.fd, m_response.data(), m_response.size(), MSG_NOSIGNAL);
                }
            }
            std::erase_if(clients, [](const Client &client) { return client.fd < 0; });
        }
        for (const auto &client : clients)
            ::close(client.fd);
    }

    const int m_stallEveryMs;
    const int m_stallMs;
    std::string m_response;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<long> m_requests{0};
    std::thread m_thread;
};

} // namespace jb::test
