// SPDX-License-Identifier: GPL-3.0-or-later
// Every netmon executable searches DLLs loaded by name in its own folder and System32 only
// (platform/windows/dll_search_setup.cpp, linked into this test too): a DLL planted in the
// current folder is not loaded, the same DLL is when asked for by full path, and system DLLs
// are still found by name.
#include <gtest/gtest.h>
#include <windows.h>

#include <filesystem>

#include "fakes/temp_dir.h"

namespace netmon::windows_platform {
namespace {

std::filesystem::path thisProgram() {
    std::wstring path(MAX_PATH, L'\0');
    path.resize(::GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size())));
    return path;
}

class CurrentFolder {
public:
    explicit CurrentFolder(const std::filesystem::path& folder)
        : m_previous(std::filesystem::current_path()) {
        std::filesystem::current_path(folder);
    }
    ~CurrentFolder() { std::filesystem::current_path(m_previous); }
    CurrentFolder(const CurrentFolder&) = delete;
    CurrentFolder& operator=(const CurrentFolder&) = delete;

private:
    std::filesystem::path m_previous;
};

TEST(DllSearch, ADllPlantedInTheCurrentFolderIsNotLoadedByName) {
    const netmon::test::TempDir folder;
    const auto probe = thisProgram().parent_path() / NETMON_PLANTED_PROBE;
    ASSERT_TRUE(std::filesystem::exists(probe)) << probe.string();
    const auto planted = folder.path() / L"netmon_planted_copy.dll";
    std::filesystem::copy_file(probe, planted);
    const CurrentFolder here(folder.path());

    HMODULE byName = ::LoadLibraryW(L"netmon_planted_copy.dll");
    EXPECT_EQ(byName, nullptr) << "loaded from the current folder";
    if (byName != nullptr) {
        ::FreeLibrary(byName);
    }
    // The file itself loads: only the search refused it. (A copy under another name: the
    // original sits in this program's own folder, which is searched.)
    HMODULE byPath = ::LoadLibraryW(planted.c_str());
    ASSERT_NE(byPath, nullptr) << ::GetLastError();
    EXPECT_NE(::GetProcAddress(byPath, "netmonPlantedProbe"), nullptr);
    ::FreeLibrary(byPath);
    // System DLLs are still found by name.
    HMODULE system = ::LoadLibraryW(L"version.dll");
    EXPECT_NE(system, nullptr);
    if (system != nullptr) {
        ::FreeLibrary(system);
    }
}

}  // namespace
}  // namespace netmon::windows_platform
