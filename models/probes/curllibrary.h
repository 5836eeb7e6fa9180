#pragma once

#include "core/result.h"

#include <curl/curl.h>

namespace jb {

// libcurl, opened with dlopen() on first use instead of linked: only the FTP, FTPS and SFTP probes
// need it, and a linked libcurl made every start of journeybench-cli map a few dozen more libraries
// (LDAP, Kerberos, SSH, HTTP/2, IDN, ...). Qt loads OpenSSL the same way. The header still gives the
// types and constants; the functions the probes call are resolved here. A library once loaded stays
// loaded: libcurl and the TLS library under it are not made to be unloaded.
class CurlLibrary final
{
public:
    static constexpr char defaultFileName[] = "libcurl.so.4";

    // The process's libcurl, loaded and curl_global_init()ed once, by whichever thread asks first
    // (probes run on worker threads). When that failed, every call returns the same error.
    static const Result<CurlLibrary> &shared();
    // Opens `fileName` and resolves every function below; the error names the library, and the
    // function when one is missing. Does not call curl_global_init.
    static Result<CurlLibrary> load(const char *fileName);

    // curl_easy_setopt and curl_easy_getinfo are variadic: call them with the argument types the
    // option wants (long, a pointer, curl_off_t *), as with the functions themselves.
    decltype(&curl_global_init) globalInit = nullptr;
    decltype(&curl_easy_init) easyInit = nullptr;
    decltype(&curl_easy_setopt) easySetopt = nullptr;
    decltype(&curl_easy_perform) easyPerform = nullptr;
    decltype(&curl_easy_getinfo) easyGetinfo = nullptr;
    decltype(&curl_easy_cleanup) easyCleanup = nullptr;
    decltype(&curl_easy_strerror) easyStrerror = nullptr;
    decltype(&curl_slist_append) slistAppend = nullptr;
    decltype(&curl_slist_free_all) slistFreeAll = nullptr;
    decltype(&curl_version_info) versionInfo = nullptr;

private:
    CurlLibrary() = default;
};

} // namespace jb
