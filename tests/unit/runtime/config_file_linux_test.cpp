// SPDX-License-Identifier: GPL-3.0-or-later
// The settings file on Linux: what is set aside stays private, and a FIFO is refused at once.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <future>

#include "fakes/file_mode.h"
#include "fakes/temp_dir.h"
#include "fakes/text_file.h"
#include "runtime/config_file.h"

namespace netmon::runtime {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using test::modeOf;
using test::writeText;

class ConfigFileLinux : public testing::Test {
protected:
    test::ScopedUmask m_umask;
    test::TempDir m_dir;
};

TEST_F(ConfigFileLinux, DamagedDefaultSettingsAreKeptPrivate) {
    const fs::path file = m_dir.path() / "config.json";
    writeText(file, "not json");
    ASSERT_EQ(::chmod(file.c_str(), 0644), 0);
    ASSERT_FALSE(loadConfig(file, ConfigLocation::Default).refused);
    ASSERT_EQ(std::distance(fs::directory_iterator(m_dir.path()), fs::directory_iterator()), 1);
    const fs::path aside = fs::directory_iterator(m_dir.path())->path();
    EXPECT_TRUE(aside.filename().string().starts_with("config.json.corrupt-")) << aside;
    EXPECT_EQ(modeOf(aside), 0600U);
}

// A FIFO with no writer: opening it for reading would wait forever. The read runs on a thread
// so that a regression fails here instead of hanging; a writer is then opened to free it.
TEST_F(ConfigFileLinux, ASettingsFifoIsRefusedWithoutWaitingAndLeftAlone) {
    const fs::path fifo = m_dir.path() / "config.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto loading =
        std::async(std::launch::async, [&] { return loadConfig(fifo, ConfigLocation::Given); });
    if (loading.wait_for(30s) != std::future_status::ready) {
        const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        ::close(writer);
        FAIL() << "reading the settings waited on a FIFO";
    }
    const LoadedConfig loaded = loading.get();
    ASSERT_TRUE(loaded.refused);
    EXPECT_NE(loaded.refused->message.find("not a regular file"), std::string::npos)
        << loaded.refused->message;
    struct stat status {};
    ASSERT_EQ(::lstat(fifo.c_str(), &status), 0);
    EXPECT_TRUE(S_ISFIFO(status.st_mode));
}

}  // namespace
}  // namespace netmon::runtime
