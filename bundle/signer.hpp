// Which trusted key made a signature. A key id is 8 bytes anyone can choose, so it only narrows
// the search: the signer is the key whose id matches *and* whose signature verifies, and keys
// are told apart by the whole public key, never by the id alone.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "bundle/minisign.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

bool SameKey(const PublicKey& a, const PublicKey& b);
bool ContainsKey(std::span<const PublicKey> keys, const PublicKey& key);

// Hex of BLAKE2b-256 over id || key: names a key file and tells apart keys sharing an id.
std::string KeyFingerprint(const PublicKey& key);

// The key among `keys` that made `sig` over `data` (both signatures checked). kUnknownKey when
// no key has the signature's id (`what` names the signed thing in the message), else the
// verification error when none of the keys with that id verifies.
Result<PublicKey> FindSigner(std::span<const PublicKey> keys, const Signature& sig, std::string_view data,
                             std::string_view what);

// kRetiredKey when `signer` is among `retired` (replaced by a later root of its publisher).
Status CheckNotRetired(std::span<const PublicKey> retired, const PublicKey& signer, std::string_view what);

}  // namespace fk::bundle
