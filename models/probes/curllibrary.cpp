#include "curllibrary.h"

#include <dlfcn.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

template <typename Function> bool resolve(void *handle, const char *name, Function &function)
{
    // POSIX guarantees that a data pointer from dlsym converts to a function pointer
    function = reinterpret_cast<Function>(dlsym(handle, name));
    return function != nullptr;
}

} // namespace

Result<CurlLibrary> CurlLibrary::load(const char *fileName)
{
    const QString name = QString::fromLocal8Bit(fileName);
    void *handle = dlopen(fileName, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        return Result<CurlLibrary>::failure(Error::Code::Io,
            u"could not load %1, which the FTP, FTPS and SFTP probes use (install the libcurl4 "
            "package): %2"_s.arg(name, QString::fromLocal8Bit(dlerror())));
    }
    CurlLibrary curl;
    const char *missing = nullptr;
    auto need = [&](const char *symbol, auto &function) {
        if (!missing && !resolve(handle, symbol, function))
            missing = symbol;
    };
    need("curl_global_init", curl.globalInit);
    need("curl_easy_init", curl.easyInit);
    need("curl_easy_setopt", curl.easySetopt);
    need("curl_easy_perform", curl.easyPerform);
    need("curl_easy_getinfo", curl.easyGetinfo);
    need("curl_easy_cleanup", curl.easyCleanup);
    need("curl_easy_strerror", curl.easyStrerror);
    need("curl_slist_append", curl.slistAppend);
    need("curl_slist_free_all", curl.slistFreeAll);
    need("curl_version_info", curl.versionInfo);
    if (missing) {
        dlclose(handle);
        return Result<CurlLibrary>::failure(Error::Code::Io,
            u"%1 is not a usable libcurl: it has no function %2"_s.arg(name, QString::fromLatin1(missing)));
    }
    return curl;
}

const Result<CurlLibrary> &CurlLibrary::shared()
{
    // curl_global_init is not thread-safe: it runs here, inside the static's guarded initialisation
    static const Result<CurlLibrary> loaded = [] {
        Result<CurlLibrary> curl = load(defaultFileName);
        if (curl) {
            if (const CURLcode code = curl.value().globalInit(CURL_GLOBAL_DEFAULT); code != CURLE_OK) {
                return Result<CurlLibrary>::failure(Error::Code::Internal,
                    u"libcurl could not initialise itself: %1"_s.arg(
                        QString::fromUtf8(curl.value().easyStrerror(code))));
            }
        }
        return curl;
    }();
    return loaded;
}

} // namespace jb
