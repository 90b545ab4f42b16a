// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/common/folder_trust.h"

#include <algorithm>

namespace netmon::platform {
namespace {

bool trusted(Trustee trustee) {
    return trustee != Trustee::Other;
}

}  // namespace

TrustDecision judgeServiceObject(const SecurityFacts& facts, ObjectRole role) {
    // A link could point anywhere, a user's folder included: never followed, never changed.
    if (facts.reparsePoint) {
        return {TrustVerdict::Refuse, "it is a junction or symbolic link"};
    }
    // Whoever owns it may change its access list at will: only an administrator's account (or
    // netmond's own) is proof that netmond or an administrator made it.
    if (!trusted(facts.owner)) {
        return {TrustVerdict::Refuse,
                "it is owned by an account other than SYSTEM, Administrators, TrustedInstaller "
                "or netmond's own"};
    }
    if (!facts.hasDacl) {
        return {TrustVerdict::ResetDacl, "it has no access list, so everyone has full access"};
    }
    const bool othersGetIn =
        std::any_of(facts.entries.begin(), facts.entries.end(), [](const AccessEntry& entry) {
            return entry.allow && !trusted(entry.trustee) &&
                   (entry.mask & access_bits::kUnsafe) != 0;
        });
    if (othersGetIn) {
        return {TrustVerdict::ResetDacl,
                "its access list lets accounts other than SYSTEM and Administrators read, "
                "write, create or delete"};
    }
    if (role == ObjectRole::Folder && !facts.daclProtected) {
        return {TrustVerdict::ResetDacl,
                "its access list inherits from its parent folder, which any user may extend"};
    }
    return {TrustVerdict::Accept, {}};
}

}  // namespace netmon::platform
