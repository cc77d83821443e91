#include "app/SecretKeyFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <optional>

#include "core/Error.h"
#include "crypto/RandomBytes.h"

namespace rxdesk::app {
namespace {

// Created with O_EXCL and mode 0600 from the start: the key is never readable by others,
// not even for the moment a write-then-chmod would leave open.
bool writeNewFile(const std::string& path, const std::string& bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = ::write(fd, bytes.data(), bytes.size()) == ssize_t(bytes.size());
    ok = ::fsync(fd) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    if (!ok) ::unlink(path.c_str());
    return ok;
}

std::optional<std::string> readKeyFile(const std::string& path, bool& exists) {
    exists = false;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) exists = true;
        return std::nullopt;
    }
    exists = true;
    struct stat st {};
    std::string bytes;
    if (::fstat(fd, &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) == 0 &&
        st.st_size == off_t(crypto::SecretBox::kKeyBytes)) {
        bytes.resize(crypto::SecretBox::kKeyBytes);
        if (::read(fd, bytes.data(), bytes.size()) != ssize_t(bytes.size())) bytes.clear();
    }
    ::close(fd);
    if (bytes.empty()) return std::nullopt;
    return bytes;
}

}  // namespace

std::unique_ptr<crypto::SecretBox> openSecretKey(const std::string& path, store::Database& db) {
    bool exists = false;
    if (auto key = readKeyFile(path, exists)) return std::make_unique<crypto::SecretBox>(*key);
    if (exists)
        throw Error(
            ErrorKind::BadRequest, "invalid_secret_key",
            "暗号鍵ファイル " + path +
                " を読めません。32 バイトで、所有者だけが読める (chmod 600) 必要があります");
    bool sealed_values = false;
    db.read([&] { sealed_values = store::SqliteUserRepository(db).anySealedSecrets(); });
    if (sealed_values)
        throw Error(
            ErrorKind::BadRequest, "secret_key_missing",
            "暗号鍵ファイル " + path +
                " がありません。データベースには暗号化された確認コードの秘密鍵があるため、"
                "この鍵なしでは起動できません。バックアップの secrets.key をこの場所に戻して"
                "ください");
    std::string key = crypto::randomBytes(crypto::SecretBox::kKeyBytes);
    if (!writeNewFile(path, key))
        throw Error(ErrorKind::Storage, "secret_key_write_failed",
                    "暗号鍵ファイル " + path + " を作成できません");
    return std::make_unique<crypto::SecretBox>(std::move(key));
}

int sealClearTotpSecrets(store::Database& db, store::SqliteUserRepository& users,
                         audit::AuditLog& audit) {
    int count = 0;
    db.write([&] {
        count = users.sealClearSecrets();
        if (count > 0)
            audit.record(audit::AuditEvent{"system", "totp.seal", "user", "", std::nullopt, "local",
                                           "ok", std::to_string(count) + " secrets sealed"});
    });
    return count;
}

}  // namespace rxdesk::app
