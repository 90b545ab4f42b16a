// SPDX-License-Identifier: GPL-3.0-or-later
// Whether netmond may use what it finds in its Windows data folder
// (platform/common/folder_trust.h), from hand-built security descriptors: built on both
// platforms, since the decision is pure.
#include "platform/common/folder_trust.h"

#include <gtest/gtest.h>

namespace netmon::platform {
namespace {

namespace bits = access_bits;
constexpr std::uint32_t kFullControl = 0x1f01ff;  // FILE_ALL_ACCESS
constexpr std::uint32_t kReadExecute = 0x1200a9;  // FILE_GENERIC_READ | FILE_EXECUTE
constexpr std::uint32_t kTraverse = 0x100020;     // SYNCHRONIZE | FILE_TRAVERSE

// What netmond itself makes: O:BA D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA).
SecurityFacts adminOnly() {
    SecurityFacts facts;
    facts.owner = Trustee::Administrators;
    facts.daclProtected = true;
    facts.entries = {{true, Trustee::System, kFullControl},
                     {true, Trustee::Administrators, kFullControl}};
    return facts;
}

TEST(FolderTrust, AcceptsTheProtectedAdminOnlyFolderItMakes) {
    const TrustDecision decision = judgeServiceObject(adminOnly(), ObjectRole::Folder);
    EXPECT_EQ(decision.verdict, TrustVerdict::Accept) << decision.reason;
}

TEST(FolderTrust, AcceptsAnyTrustedOwner) {
    for (const Trustee owner : {Trustee::System, Trustee::TrustedInstaller, Trustee::Self}) {
        SecurityFacts facts = adminOnly();
        facts.owner = owner;
        EXPECT_EQ(judgeServiceObject(facts, ObjectRole::Folder).verdict, TrustVerdict::Accept);
    }
}

// A user made the folder (or planted the file) first: whatever its access list says now, its
// owner may change it back, so it is never used nor "fixed".
TEST(FolderTrust, RefusesWhatAUserOwnsEvenWithAnAdminOnlyList) {
    SecurityFacts facts = adminOnly();
    facts.owner = Trustee::Other;
    for (const ObjectRole role : {ObjectRole::Folder, ObjectRole::File}) {
        const TrustDecision decision = judgeServiceObject(facts, role);
        EXPECT_EQ(decision.verdict, TrustVerdict::Refuse);
        EXPECT_NE(decision.reason.find("owned by"), std::string::npos) << decision.reason;
    }
}

TEST(FolderTrust, RefusesAJunctionOrLinkWhoeverOwnsIt) {
    SecurityFacts facts = adminOnly();
    facts.reparsePoint = true;
    for (const ObjectRole role : {ObjectRole::Folder, ObjectRole::File}) {
        const TrustDecision decision = judgeServiceObject(facts, role);
        EXPECT_EQ(decision.verdict, TrustVerdict::Refuse);
        EXPECT_NE(decision.reason.find("junction"), std::string::npos) << decision.reason;
    }
}

// An administrator's folder that BUILTIN\Users may write to (e.g. Users:(W)): ours, so it is
// locked down rather than refused.
TEST(FolderTrust, ResetsATrustedFolderThatUsersMayWrite) {
    SecurityFacts facts = adminOnly();
    facts.entries.push_back(
        {true, Trustee::Other,
         bits::kWriteData | bits::kAppendData | bits::kWriteEa | bits::kWriteAttributes});
    EXPECT_EQ(judgeServiceObject(facts, ObjectRole::Folder).verdict, TrustVerdict::ResetDacl);
    EXPECT_EQ(judgeServiceObject(facts, ObjectRole::File).verdict, TrustVerdict::ResetDacl);
}

// %ProgramData%'s inherited entries: Users may read every file (so every user's history) and
// CREATOR OWNER gets full control of what it creates.
TEST(FolderTrust, ResetsAFolderOthersMayRead) {
    for (const std::uint32_t mask :
         {kReadExecute, bits::kGenericRead, bits::kGenericAll, bits::kDelete, bits::kWriteDac,
          bits::kWriteOwner, bits::kDeleteChild}) {
        SecurityFacts facts = adminOnly();
        facts.entries.push_back({true, Trustee::Other, mask});
        EXPECT_EQ(judgeServiceObject(facts, ObjectRole::Folder).verdict, TrustVerdict::ResetDacl)
            << std::hex << mask;
    }
}

TEST(FolderTrust, ResetsATrustedObjectWithoutAnyAccessList) {
    SecurityFacts facts = adminOnly();
    facts.hasDacl = false;
    facts.entries.clear();
    EXPECT_EQ(judgeServiceObject(facts, ObjectRole::File).verdict, TrustVerdict::ResetDacl);
}

// Admin-only entries that still inherit from %ProgramData%: fine for a file inside the folder,
// not for the folder, which a change to its parent would open up.
TEST(FolderTrust, AFolderMustBeProtectedAFileMayInherit) {
    SecurityFacts facts = adminOnly();
    facts.daclProtected = false;
    EXPECT_EQ(judgeServiceObject(facts, ObjectRole::Folder).verdict, TrustVerdict::ResetDacl);
    EXPECT_EQ(judgeServiceObject(facts, ObjectRole::File).verdict, TrustVerdict::Accept);
}

// netmond's own account (SYSTEM for the service) may hold rights, as the administrators do.
TEST(FolderTrust, AcceptsEntriesForItsOwnAccount) {
    SecurityFacts facts = adminOnly();
    facts.entries.push_back({true, Trustee::Self, kFullControl});
    EXPECT_EQ(judgeServiceObject(facts, ObjectRole::Folder).verdict, TrustVerdict::Accept);
}

// Deny entries only take rights away, and traversing (no reading) lets nobody in.
TEST(FolderTrust, DenyAndTraverseOnlyEntriesDoNotCount) {
    SecurityFacts facts = adminOnly();
    facts.entries.push_back({false, Trustee::Other, kFullControl});
    facts.entries.push_back({true, Trustee::Other, kTraverse});
    EXPECT_EQ(judgeServiceObject(facts, ObjectRole::Folder).verdict, TrustVerdict::Accept);
}

}  // namespace
}  // namespace netmon::platform
