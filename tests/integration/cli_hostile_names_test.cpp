// SPDX-License-Identifier: GPL-3.0-or-later
// Process names are data: a process may name itself with bytes that are not UTF-8 (the kernel
// also cuts names at 15 bytes, mid-character) or with terminal escape sequences. The real
// `netmon` must still print valid JSON, and text that shows the escapes instead of sending them.
// Needs no root: the named processes are this test's own children, on loopback.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>

#include "fakes/temp_dir.h"
#include "integration/child_process.h"
#include "integration/cli_json.h"

namespace netmon::test {
namespace {

// "Überwachung-€" is 16 bytes; the kernel keeps 15: "Überwachung-" and E2 82 of € (E2 82 AC).
const std::string kCutName =
    "\xC3\x9C"
    "berwachung-\xE2\x82\xAC";
// What netmon must show for it: the broken character as U+FFFD (EF BF BD), worked out by hand.
const std::string kCutShown =
    "\xC3\x9C"
    "berwachung-\xEF\xBF\xBD";
// OSC 0 (set the terminal's title), ended by BEL.
const std::string kTitleName = "\x1b]0;pwned\x07";
const std::string kTitleEscaped = "\\x1b]0;pwned\\x07";

// A child process that names itself with prctl(PR_SET_NAME) and holds a TCP connection on
// loopback: it listens, the test connects, the child accepts and waits to be killed.
class NamedProcess {
public:
    explicit NamedProcess(const std::string& name) {
        int ready[2];
        if (::pipe(ready) != 0) {
            throw std::runtime_error("pipe failed");
        }
        m_pid = ::fork();
        if (m_pid < 0) {
            throw std::runtime_error("fork failed");
        }
        if (m_pid == 0) {
            ::close(ready[0]);
            runChild(name, ready[1]);  // system calls only: the parent has threads
        }
        ::close(ready[1]);
        std::uint16_t port = 0;
        const bool got = ::read(ready[0], &port, sizeof port) == sizeof port;
        ::close(ready[0]);
        if (!got || port == 0) {
            throw std::runtime_error("the named child could not listen");
        }
        m_port = port;
        m_client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const sockaddr_in server = loopback(port);
        if (::connect(m_client, reinterpret_cast<const sockaddr*>(&server), sizeof server) != 0) {
            throw std::runtime_error("connect to the named child failed");
        }
    }
    ~NamedProcess() {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
        ::close(m_client);
    }
    NamedProcess(const NamedProcess&) = delete;
    NamedProcess& operator=(const NamedProcess&) = delete;

    [[nodiscard]] pid_t pid() const { return m_pid; }
    [[nodiscard]] std::uint16_t port() const { return m_port; }
    // The name as the kernel keeps it.
    [[nodiscard]] std::string comm() const {
        std::ifstream in("/proc/" + std::to_string(m_pid) + "/comm", std::ios::binary);
        std::string name;
        std::getline(in, name);
        return name;
    }

private:
    static sockaddr_in loopback(std::uint16_t port) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return address;
    }

    [[noreturn]] static void runChild(const std::string& name, int ready) {
        ::prctl(PR_SET_NAME, name.c_str(), 0, 0, 0);
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = loopback(0);
        socklen_t length = sizeof address;
        std::uint16_t port = 0;
        if (::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
            ::listen(listener, 1) == 0 &&
            ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
            port = ntohs(address.sin_port);
        }
        (void)!::write(ready, &port, sizeof port);
        ::close(ready);
        if (port != 0 && ::accept(listener, nullptr, nullptr) >= 0) {
            ::pause();  // until the test's SIGKILL
        }
        ::_exit(1);
    }

    pid_t m_pid = -1;
    std::uint16_t m_port = 0;
    int m_client = -1;
};

std::optional<nlohmann::json> withPid(const nlohmann::json& items, pid_t pid) {
    for (const auto& item : items) {
        if (item.contains("pid") && item["pid"] == pid) {
            return item;
        }
    }
    return std::nullopt;
}

// Runs netmon; it must exit 0 (an uncaught exception aborts with 134).
CommandResult netmon(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {kNetmon, "--mode", "basic"};
    argv.insert(argv.end(), args.begin(), args.end());
    CommandResult result = runCommand(argv);
    EXPECT_EQ(result.status, 0) << result.err;
    return result;
}

nlohmann::json parsed(const CommandResult& result) {
    // nlohmann's parser refuses invalid UTF-8 in strings, so this also checks the encoding.
    try {
        return nlohmann::json::parse(result.out);
    } catch (const nlohmann::json::exception& error) {
        ADD_FAILURE() << "not valid JSON (" << error.what() << "):\n" << result.out;
        return nlohmann::json::array();
    }
}

void expectNoControlBytes(const std::string& text) {
    EXPECT_EQ(text.find('\x1b'), std::string::npos) << "an ESC reached the terminal";
    EXPECT_EQ(text.find('\x07'), std::string::npos) << "a BEL reached the terminal";
}

class CliHostileNames : public ::testing::Test {
protected:
    void SetUp() override {
        // The premise, from the kernel itself: the name was cut mid-character.
        ASSERT_EQ(m_cut.comm(), kCutName.substr(0, 15));
        ASSERT_EQ(m_title.comm(), kTitleName);
    }
    NamedProcess m_cut{kCutName};
    NamedProcess m_title{kTitleName};
};

TEST_F(CliHostileNames, JsonIsValidAndShowsTheBrokenCharacterAsReplacement) {
    const nlohmann::json flows = parsed(netmon({"connections", "--json"}));
    const auto cut = withPid(flows, m_cut.pid());
    ASSERT_TRUE(cut) << "no flow of the named child in:\n" << flows.dump(1);
    EXPECT_EQ((*cut)["process"], kCutShown);
    EXPECT_EQ((*cut)["local_port"], m_cut.port());
    const auto title = withPid(flows, m_title.pid());
    ASSERT_TRUE(title);
    EXPECT_EQ((*title)["process"], kTitleName) << "JSON keeps the name itself (escaped as JSON)";

    const nlohmann::json processes = parsed(netmon({"processes", "--json", "--top", "100000"}));
    const auto process = withPid(processes, m_cut.pid());
    ASSERT_TRUE(process) << processes.dump(1);
    EXPECT_EQ((*process)["name"], kCutShown);
    ASSERT_TRUE(withPid(processes, m_title.pid()));
    EXPECT_EQ((*withPid(processes, m_title.pid()))["name"], kTitleName);
}

TEST_F(CliHostileNames, TextShowsEscapesInsteadOfSendingThem) {
    const CommandResult processes = netmon({"processes", "--top", "100000"});
    expectNoControlBytes(processes.out);
    EXPECT_NE(processes.out.find(kTitleEscaped), std::string::npos) << processes.out;
    EXPECT_NE(processes.out.find(kCutShown), std::string::npos) << processes.out;

    const CommandResult connections = netmon({"connections"});
    expectNoControlBytes(connections.out);
    EXPECT_NE(connections.out.find(kTitleEscaped + " (" + std::to_string(m_title.pid()) + ")"),
              std::string::npos)
        << connections.out;
    EXPECT_NE(connections.out.find(kCutShown), std::string::npos) << connections.out;
}

// A database written by an older version holds the name as the kernel gave it. `record` makes
// the database; the key goes in with plain SQL, as that version's writer stored it.
TEST(CliHostileHistory, StoredInvalidNamesStillGiveValidJson) {
    const TempDir dir;
    const std::string database = (dir.path() / "history.db").string();
    const CommandResult record =
        runCommand({kNetmon, "--mode", "basic", "record", "--db", database, "--duration", "1"});
    ASSERT_EQ(record.status, 0) << record.err;

    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(database.c_str(), &raw), SQLITE_OK);
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, sqlite3_close);
    using namespace std::chrono;
    const auto now = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    const std::string hour = std::to_string(now - now % 3'600'000);
    const std::string sql =
        "INSERT INTO breakdown_keys (dimension, name) VALUES "
        "(2, CAST(X'C39C62657277616368756E672DE282' AS TEXT));"
        "INSERT INTO breakdown_hour (ts, key_id, bytes_in, bytes_out) VALUES (" +
        hour + ", last_insert_rowid(), 4321, 1234);";
    ASSERT_EQ(sqlite3_exec(db.get(), sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db.get());

    const CommandResult history =
        runCommand({kNetmon, "history", "--db", database, "--by", "process", "--json"});
    ASSERT_EQ(history.status, 0) << history.err;
    const nlohmann::json rows = parsed(history);
    const auto row = findNamed(rows, kCutShown);
    ASSERT_TRUE(row) << history.out;
    EXPECT_EQ((*row)["bytes_in"], 4321);
    EXPECT_EQ((*row)["bytes_out"], 1234);

    const CommandResult text =
        runCommand({kNetmon, "history", "--db", database, "--by", "process"});
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_NE(text.out.find(kCutShown), std::string::npos) << text.out;
}

}  // namespace
}  // namespace netmon::test
