// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <thread>

namespace netmon::test {
namespace {

void readAvailable(int fd, std::string& buffer) {
    char chunk[4096];
    while (true) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n > 0) {
            buffer.append(chunk, static_cast<std::size_t>(n));
            continue;
        }
        return;  // 0: end of output; -1 EAGAIN: nothing more now
    }
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
    int out[2];
    int err[2];
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    m_pid = ::fork();
    if (m_pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (m_pid == 0) {
        // As a shell starts a program: SIGPIPE at its default, whatever the test runner did.
        ::signal(SIGPIPE, SIG_DFL);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        std::vector<char*> args;
        for (const std::string& arg : argv) {
            args.push_back(const_cast<char*>(arg.c_str()));
        }
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(out[1]);
    ::close(err[1]);
    m_stdout = out[0];
    m_stderr = err[0];
    ::fcntl(m_stdout, F_SETFL, O_NONBLOCK);
    ::fcntl(m_stderr, F_SETFL, O_NONBLOCK);
}

ChildProcess::~ChildProcess() {
    if (running()) {
        signal(SIGTERM);
        if (!wait(std::chrono::seconds{5})) {
            signal(SIGKILL);
            wait(std::chrono::seconds{5});
        }
    }
    closeStdout();
    ::close(m_stderr);
}

std::optional<std::string> ChildProcess::readLine(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (const auto end = m_outBuffer.find('\n'); end != std::string::npos) {
            std::string line = m_outBuffer.substr(0, end);
            m_outBuffer.erase(0, end + 1);
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return std::nullopt;
        }
        pollfd waiter{m_stdout, POLLIN, 0};
        const int ready = ::poll(&waiter, 1, static_cast<int>(left.count()));
        if (ready > 0) {
            const std::size_t before = m_outBuffer.size();
            readAvailable(m_stdout, m_outBuffer);
            if (m_outBuffer.size() == before && (waiter.revents & POLLHUP)) {
                return std::nullopt;  // the program closed its output
            }
        }
    }
}

std::string ChildProcess::readBytes(std::size_t count, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_outBuffer.size() < count && m_stdout >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd waiter{m_stdout, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&waiter, 1, static_cast<int>(left.count())) <= 0) {
            break;
        }
        const std::size_t before = m_outBuffer.size();
        readAvailable(m_stdout, m_outBuffer);
        if (m_outBuffer.size() == before && (waiter.revents & POLLHUP)) {
            break;
        }
    }
    std::string bytes = m_outBuffer.substr(0, std::min(count, m_outBuffer.size()));
    m_outBuffer.erase(0, bytes.size());
    return bytes;
}

void ChildProcess::closeStdout() {
    if (m_stdout >= 0) {
        ::close(m_stdout);
        m_stdout = -1;
    }
}

std::string ChildProcess::drainStderr() {
    readAvailable(m_stderr, m_errBuffer);
    return m_errBuffer;
}

void ChildProcess::signal(int signalNumber) {
    if (m_pid > 0 && !m_status) {
        ::kill(m_pid, signalNumber);
    }
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!m_status) {
        int status = 0;
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid) {
            m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    return m_status;
}

bool ChildProcess::running() {
    return !m_status && !wait(std::chrono::milliseconds{0});
}

CommandResult runCommand(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
    ChildProcess child(argv);
    CommandResult result;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        while (auto line = child.readLine(std::chrono::milliseconds{50})) {
            result.out += *line + "\n";
        }
        child.drainStderr();  // keep the pipe from filling up and stalling the program
        if (const auto status = child.wait(std::chrono::milliseconds{0})) {
            while (auto line = child.readLine(std::chrono::milliseconds{0})) {
                result.out += *line + "\n";
            }
            result.status = *status;
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            child.signal(SIGKILL);
            result.status = child.wait(std::chrono::seconds{5}).value_or(-1);
            break;
        }
    }
    result.err = child.drainStderr();
    return result;
}

}  // namespace netmon::test
