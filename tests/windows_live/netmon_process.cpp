// SPDX-License-Identifier: GPL-3.0-or-later
#include "netmon_process.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <thread>

#include "platform/windows/wide_text.h"

namespace netmon::test {
namespace {

using windows_platform::UniqueHandle;

std::wstring quoted(const std::wstring& argument) {
    return L"\"" + argument + L"\"";  // our arguments hold no quotes
}

std::wstring commandLine(const std::vector<std::string>& arguments) {
    std::wstring line = quoted(netmonPath());
    for (const std::string& argument : arguments) {
        line += L" " + quoted(windows_platform::toWide(argument));
    }
    return line;
}

struct Pipe {
    UniqueHandle read;
    UniqueHandle write;
};

Pipe inheritablePipe() {
    SECURITY_ATTRIBUTES attributes{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    HANDLE read = nullptr;
    HANDLE write = nullptr;
    if (::CreatePipe(&read, &write, &attributes, 0) == 0) {
        throw std::runtime_error("CreatePipe failed");
    }
    ::SetHandleInformation(read, HANDLE_FLAG_INHERIT, 0);  // our end stays ours
    return {UniqueHandle(read), UniqueHandle(write)};
}

UniqueHandle start(const std::vector<std::string>& arguments, HANDLE out, HANDLE err) {
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = nullptr;
    startup.hStdOutput = out;
    startup.hStdError = err;
    PROCESS_INFORMATION info{};
    std::wstring line = commandLine(arguments);
    if (::CreateProcessW(nullptr, line.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr,
                         &startup, &info) == 0) {
        throw std::runtime_error("cannot start netmon.exe");
    }
    ::CloseHandle(info.hThread);
    return UniqueHandle(info.hProcess);
}

std::string drain(HANDLE pipe) {
    std::string text;
    std::array<char, 4096> chunk{};
    DWORD got = 0;
    while (::ReadFile(pipe, chunk.data(), static_cast<DWORD>(chunk.size()), &got, nullptr) != 0 &&
           got > 0) {
        text.append(chunk.data(), got);
    }
    return text;
}

}  // namespace

std::wstring netmonPath() {
    std::wstring path = windows_platform::toWide(NETMON_CLI_PATH);
    if (!path.empty() && path.front() == L'/') {
        path = L"Z:" + path;  // Wine's drive for the Linux root
    }
    for (wchar_t& c : path) {
        c = c == L'/' ? L'\\' : c;
    }
    return path;
}

NetmonRun runNetmon(const std::vector<std::string>& arguments) {
    Pipe out = inheritablePipe();
    Pipe err = inheritablePipe();
    UniqueHandle process = start(arguments, out.write.get(), err.write.get());
    out.write.reset();
    err.write.reset();
    NetmonRun run;
    std::thread errors([&] { run.err = drain(err.read.get()); });
    run.out = drain(out.read.get());
    errors.join();
    ::WaitForSingleObject(process.get(), INFINITE);
    DWORD code = 0;
    ::GetExitCodeProcess(process.get(), &code);
    run.exitCode = static_cast<int>(code);
    return run;
}

NetmonStream::NetmonStream(const std::vector<std::string>& arguments) {
    Pipe out = inheritablePipe();
    SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    const UniqueHandle errors = windows_platform::adoptHandle(::CreateFileW(
        L"NUL", GENERIC_WRITE, FILE_SHARE_WRITE, &inheritable, OPEN_EXISTING, 0, nullptr));
    m_process = start(arguments, out.write.get(), errors.get());
    m_output = std::move(out.read);
}

NetmonStream::~NetmonStream() {
    if (m_process && ::WaitForSingleObject(m_process.get(), 0) == WAIT_TIMEOUT) {
        ::TerminateProcess(m_process.get(), 1);
        ::WaitForSingleObject(m_process.get(), 5000);
    }
}

std::optional<std::string> NetmonStream::nextLine(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (const auto end = m_buffer.find('\n'); end != std::string::npos) {
            std::string line = m_buffer.substr(0, end);
            m_buffer.erase(0, end + 1);
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            return line;
        }
        DWORD available = 0;
        if (::PeekNamedPipe(m_output.get(), nullptr, 0, nullptr, &available, nullptr) == 0) {
            return std::nullopt;  // netmon ended and its end of the pipe closed
        }
        if (available == 0) {
            if (std::chrono::steady_clock::now() >= deadline) {
                return std::nullopt;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        std::array<char, 4096> chunk{};
        DWORD got = 0;
        if (::ReadFile(m_output.get(), chunk.data(),
                       std::min<DWORD>(available, static_cast<DWORD>(chunk.size())), &got,
                       nullptr) == 0) {
            return std::nullopt;
        }
        m_buffer.append(chunk.data(), got);
    }
}

}  // namespace netmon::test
