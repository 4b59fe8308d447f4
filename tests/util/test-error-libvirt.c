/* util/error_text.c against the installed libvirt 9.0 itself: every code's
 * two texts (virErrorMsg) and every domain's name (virDefaultErrorFunc
 * output) must be byte-identical.  Skips when libvirt.so.0 is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/error.h"

#define LIBVIRT_SONAME "libvirt.so.0"
#define TEXT_MAX 512

typedef const char *(*ErrorMsgFn)(int code, const char *info);
typedef void (*ReportHelperFn)(int domain, int code, const char *file,
                               const char *func, size_t line, const char *fmt, ...);
typedef virErrorPtr (*GetLastErrorFn)(void);
typedef void (*DefaultErrorFuncFn)(virErrorPtr err);
typedef int (*InitializeFn)(void);

static void *libvirt_handle;

static int
open_libvirt(void **state)
{
    InitializeFn init;

    libvirt_handle = dlopen(LIBVIRT_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!libvirt_handle)
        return 0;
    init = (InitializeFn)dlsym(libvirt_handle, "virInitialize");
    if (init)
        init();
    return 0;
}

static int
close_libvirt(void **state)
{
    /* libvirt keeps threads and thread-locals: do not dlclose it. */
    return 0;
}

static void *
libvirt_sym(const char *name)
{
    void *sym;

    if (!libvirt_handle)
        skip();
    sym = dlsym(libvirt_handle, name);
    if (!sym)
        skip();
    return sym;
}

static void
test_code_texts(void **state)
{
    ErrorMsgFn msg = (ErrorMsgFn)libvirt_sym("virErrorMsg");
    int code;

    for (code = 1; code < VIR_ERR_NUMBER_LAST; code++) {
        const char *theirs_plain = msg(code, NULL);
        const char *theirs_info = msg(code, "x");

        if (strcmp(theirs_plain, vrErrorCodeText(code, false)) != 0 ||
            strcmp(theirs_info, vrErrorCodeText(code, true)) != 0)
            fail_msg("code %d: libvirt '%s' / '%s', ours '%s' / '%s'", code,
                     theirs_plain, theirs_info, vrErrorCodeText(code, false),
                     vrErrorCodeText(code, true));
    }
}

/* The domain name as libvirt's virDefaultErrorFunc prints it. */
static void
libvirt_domain_text(int domain, char *out, size_t outlen)
{
    ReportHelperFn report = (ReportHelperFn)libvirt_sym("virReportErrorHelper");
    GetLastErrorFn last = (GetLastErrorFn)libvirt_sym("virGetLastError");
    DefaultErrorFuncFn print = (DefaultErrorFuncFn)libvirt_sym("virDefaultErrorFunc");
    char path[] = "/tmp/vireo-test-error-libvirt-XXXXXX";
    int fd = g_mkstemp(path);
    int saved = dup(STDERR_FILENO);
    g_autofree char *text = NULL;
    const char *start;
    const char *end;

    assert_true(fd >= 0 && saved >= 0);
    report(domain, VIR_ERR_INTERNAL_ERROR, __FILE__, __func__, __LINE__, "%s", "z");
    fflush(stderr);
    dup2(fd, STDERR_FILENO);
    print(last());
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(fd);
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    unlink(path);

    /* "libvirt: <domain> error : internal error: z\n" */
    start = text + strlen("libvirt: ");
    end = strstr(start, " error : ");
    assert_non_null(end);
    g_strlcpy(out, start, MIN((size_t)(end - start) + 1, outlen));
}

static void
test_domain_texts(void **state)
{
    int domain;

    libvirt_sym("virDefaultErrorFunc");
    for (domain = 0; domain < VIR_ERR_DOMAIN_LAST; domain++) {
        char theirs[TEXT_MAX];

        libvirt_domain_text(domain, theirs, sizeof(theirs));
        if (strcmp(theirs, vrErrorDomainText(domain)) != 0)
            fail_msg("domain %d: libvirt '%s', ours '%s'", domain, theirs,
                     vrErrorDomainText(domain));
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_texts),
        cmocka_unit_test(test_domain_texts),
    };

    return cmocka_run_group_tests_name("util/error-libvirt", tests,
                                       open_libvirt, close_libvirt);
}
