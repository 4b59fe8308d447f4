/* util/error.c: the thread's last error, message texts, handlers, the
 * per-connection copy and the public error API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/error.h"
#include "drivers/datatypes.h"

#define VR_FROM_THIS VIR_FROM_TEST

static int
setup(void **state)
{
    virResetLastError();
    virSetErrorFunc(NULL, NULL);
    return 0;
}

static int
teardown(void **state)
{
    virResetLastError();
    virSetErrorFunc(NULL, NULL);
    return 0;
}

static void
test_no_error(void **state)
{
    assert_null(virGetLastError());
    assert_null(vrErrorLast());
    assert_string_equal(virGetLastErrorMessage(), "no error");
}

typedef struct {
    int code;
    const char *detail;     /* NULL: bare report */
    const char *expected;
} MessageCase;

/* Texts as libvirt 9.0 prints them (several checked with python3-libvirt
 * against test:///default). */
static const MessageCase message_cases[] = {
    { VIR_ERR_NO_DOMAIN, NULL, "Domain not found" },
    { VIR_ERR_NO_DOMAIN, "no domain with matching name 'x'",
      "Domain not found: no domain with matching name 'x'" },
    { VIR_ERR_OPERATION_INVALID, "domain is not running",
      "Requested operation is not valid: domain is not running" },
    { VIR_ERR_INTERNAL_ERROR, "Domain 'test' is already running",
      "internal error: Domain 'test' is already running" },
    { VIR_ERR_INVALID_ARG, NULL, "invalid argument" },
    { VIR_ERR_INVALID_ARG, "bad", "invalid argument: bad" },
    { VIR_ERR_XML_ERROR, NULL, "XML description is invalid or not well formed" },
    { VIR_ERR_XML_ERROR, "failed to parse xml document '/nonexist.xml'",
      "XML error: failed to parse xml document '/nonexist.xml'" },
    { VIR_ERR_DOM_EXIST, NULL, "this domain exists already" },
    { VIR_ERR_DOM_EXIST, "web1", "domain web1 exists already" },
    { VIR_ERR_OPERATION_DENIED, NULL, "operation forbidden for read only access" },
    { VIR_ERR_OPERATION_DENIED, "read only", "operation forbidden: read only" },
    { VIR_ERR_NO_SUPPORT, NULL,
      "this function is not supported by the connection driver" },
    { VIR_ERR_NO_SUPPORT, "virDomainFoo",
      "this function is not supported by the connection driver: virDomainFoo" },
    { VIR_ERR_OPERATION_FAILED, "x", "operation failed: x" },
    { VIR_ERR_NO_CONNECT, "foo:///bar", "no connection driver available for foo:///bar" },
    { VIR_ERR_INVALID_CONN, "virConnectClose", "invalid connection pointer in virConnectClose" },
    { VIR_ERR_INVALID_DOMAIN, "virDomainSuspend", "invalid domain pointer in virDomainSuspend" },
    { VIR_ERR_XML_DETAIL, "line 1: bad", "line 1: bad" },
    { VIR_ERR_SYSTEM_ERROR, NULL, "system call error" },
    { VIR_ERR_RPC, "oops", "oops" },
    { VIR_ERR_CONFIG_UNSUPPORTED, "no", "unsupported configuration: no" },
    { VIR_ERR_NETWORK_EXIST, "default", "network default exists already" },
    { VIR_ERR_STORAGE_VOL_EXIST, "v", "storage volume v exists already" },
    { VIR_ERR_NO_NETWORK, "n", "Network not found: n" },
    { VIR_ERR_NO_STORAGE_POOL, NULL, "Storage pool not found" },
    { VIR_ERR_UNKNOWN_HOST, "h", "unknown host h" },
    { VIR_ERR_MULTIPLE_DOMAINS, "x", "multiple matching domains found: x" },
    { VIR_ERR_NO_HOSTNAME, NULL, "no hostname found" },
    { VIR_ERR_ARGUMENT_UNSUPPORTED, "a", "argument unsupported: a" },
};

static void
test_messages(void **state)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(message_cases); i++) {
        const MessageCase *c = &message_cases[i];
        virErrorPtr err;

        if (c->detail)
            vrReportError(c->code, "%s", c->detail);
        else
            vrReportErrorBare(c->code);
        err = virGetLastError();
        assert_non_null(err);
        assert_int_equal(err->code, c->code);
        assert_int_equal(err->domain, VIR_FROM_TEST);
        assert_int_equal(err->level, VIR_ERR_ERROR);
        assert_string_equal(err->message, c->expected);
        assert_string_equal(virGetLastErrorMessage(), c->expected);
        assert_null(err->conn);
        assert_null(err->dom);
        assert_null(err->net);

        g_autofree char *built = vrErrorFormatMessage(c->code, c->detail);
        assert_string_equal(built, c->expected);
    }
}

/* str1 holds the template, str2 the detail, ints -1: what python3-libvirt
 * shows in libvirtError.err for the test driver. */
static void
test_fields(void **state)
{
    virErrorPtr err;

    vrReportError(VIR_ERR_INTERNAL_ERROR, "Domain '%s' is already running", "test");
    err = virGetLastError();
    assert_string_equal(err->str1, "internal error: %s");
    assert_string_equal(err->str2, "Domain 'test' is already running");
    assert_null(err->str3);
    assert_int_equal(err->int1, -1);
    assert_int_equal(err->int2, -1);

    vrReportErrorBare(VIR_ERR_NO_DOMAIN);
    err = virGetLastError();
    assert_string_equal(err->str1, "Domain not found");
    assert_null(err->str2);
}

static void
test_table_complete(void **state)
{
    int code;

    for (code = 1; code < VIR_ERR_NUMBER_LAST; code++) {
        const char *plain = vrErrorCodeText(code, false);
        const char *info = vrErrorCodeText(code, true);
        const char *hole = strstr(info, "%s");

        assert_non_null(plain);
        assert_true(plain[0] != '\0');
        assert_null(strchr(plain, '%'));
        assert_non_null(hole);
        assert_ptr_equal(strchr(info, '%'), hole);     /* one '%', the hole */
        assert_null(strchr(hole + 2, '%'));
    }
    /* Out of range never crashes nor returns NULL. */
    assert_non_null(vrErrorCodeText(VIR_ERR_NUMBER_LAST, false));
    assert_non_null(vrErrorCodeText(-1, true));
}

static void
test_detail_percent_not_reinterpreted(void **state)
{
    vrReportError(VIR_ERR_INVALID_ARG, "%s", "100%s done %d");
    assert_string_equal(virGetLastErrorMessage(), "invalid argument: 100%s done %d");
}

static void
test_detail_empty_is_bare(void **state)
{
    vrReportError(VIR_ERR_NO_DOMAIN, "%s", "");
    assert_string_equal(virGetLastErrorMessage(), "Domain not found");
}

static void
test_detail_truncated(void **state)
{
    g_autofree char *longdetail = g_strnfill(VR_ERROR_MAX_LENGTH * 2, 'x');
    g_autofree char *expected = NULL;

    vrReportError(VIR_ERR_INVALID_ARG, "%s", longdetail);
    longdetail[VR_ERROR_MAX_LENGTH - 2] = '\0';
    expected = g_strdup_printf("invalid argument: %s", longdetail);
    assert_string_equal(virGetLastErrorMessage(), expected);
}

static void
test_report_ok_resets(void **state)
{
    vrReportErrorBare(VIR_ERR_NO_DOMAIN);
    vrReportErrorBare(VIR_ERR_OK);
    assert_null(virGetLastError());
}

static void
test_errno_preserved(void **state)
{
    errno = ENOSPC;
    vrReportError(VIR_ERR_INTERNAL_ERROR, "%s", "x");
    assert_int_equal(errno, ENOSPC);
    vrReportSystemError(EACCES, "%s", "y");
    assert_int_equal(errno, ENOSPC);
}

static void
test_check_flags(void **state)
{
    virErrorPtr err;

    assert_int_equal(vrCheckFlagsImpl(VIR_FROM_TEST, 0x3, 0x3, "f"), 0);
    assert_null(virGetLastError());

    /* As libvirt's test driver: only the unsupported bits are printed. */
    assert_int_equal(vrCheckFlagsImpl(VIR_FROM_TEST, 0x80000001, 0x1,
                                      "testDomainUndefineFlags"), -1);
    err = virGetLastError();
    assert_int_equal(err->code, VIR_ERR_INVALID_ARG);
    assert_int_equal(err->domain, VIR_FROM_TEST);
    assert_string_equal(err->message,
        "unsupported flags (0x80000000) in function testDomainUndefineFlags");
    assert_string_equal(err->str1, "testDomainUndefineFlags");
    assert_string_equal(err->str2, "flags");
    assert_int_equal(err->int1, 0);
    assert_int_equal(err->int2, 0);
}

static int
check_flags_macro(unsigned int flags)
{
    return vrCheckFlags(flags, 0);
}

static void
test_check_flags_macro_names_caller(void **state)
{
    assert_int_equal(check_flags_macro(0x10), -1);
    assert_string_equal(virGetLastErrorMessage(),
                        "unsupported flags (0x10) in function check_flags_macro");
}

static void
test_system_error(void **state)
{
    virErrorPtr err;

    vrReportSystemError(ENOENT, "Failed to open file '%s'", "/nope");
    err = virGetLastError();
    assert_int_equal(err->code, VIR_ERR_SYSTEM_ERROR);
    assert_string_equal(err->message,
                        "Failed to open file '/nope': No such file or directory");
    assert_string_equal(err->str1, "%s");
    assert_int_equal(err->int1, ENOENT);
    assert_int_equal(err->int2, -1);
}

static void
test_raw(void **state)
{
    virErrorPtr err;

    vrReportErrorRaw(VIR_ERR_INVALID_ARG, "xml in %s must not be NULL",
                     "virDomainDefineXML");
    err = virGetLastError();
    assert_int_equal(err->code, VIR_ERR_INVALID_ARG);
    assert_string_equal(err->message, "xml in virDomainDefineXML must not be NULL");
}

static void
test_oom(void **state)
{
    vrReportOOM();
    assert_int_equal(virGetLastError()->code, VIR_ERR_NO_MEMORY);
    assert_string_equal(virGetLastErrorMessage(), "out of memory");
}

typedef struct {
    int calls;
    int last_code;
    char *last_message;
} HandlerLog;

static void
log_handler(void *opaque, virErrorPtr err)
{
    HandlerLog *log = opaque;

    log->calls++;
    log->last_code = err->code;
    g_free(log->last_message);
    log->last_message = g_strdup(err->message);
}

static void
test_global_handler(void **state)
{
    HandlerLog log = { 0 };

    virSetErrorFunc(&log, log_handler);
    vrReportError(VIR_ERR_OPERATION_INVALID, "%s", "domain is not running");
    assert_int_equal(log.calls, 0);     /* handlers run when the call fails */
    vrErrorCopyToConn(NULL);
    assert_int_equal(log.calls, 1);
    assert_int_equal(log.last_code, VIR_ERR_OPERATION_INVALID);
    assert_string_equal(log.last_message,
                        "Requested operation is not valid: domain is not running");

    virSetErrorFunc(NULL, NULL);
    vrReportErrorBare(VIR_ERR_NO_DOMAIN);
    vrErrorCopyToConn(NULL);
    assert_int_equal(log.calls, 1);
    g_free(log.last_message);
}

static void
test_copy_save_reset(void **state)
{
    virError copy;
    virErrorPtr saved;

    memset(&copy, 0xAA, sizeof(copy));     /* garbage, as libvirt allows */
    assert_int_equal(virCopyLastError(&copy), VIR_ERR_OK);
    assert_null(copy.message);

    vrReportError(VIR_ERR_NO_DOMAIN, "%s", "x");
    assert_int_equal(virCopyLastError(&copy), VIR_ERR_NO_DOMAIN);
    assert_string_equal(copy.message, "Domain not found: x");
    assert_ptr_not_equal(copy.message, virGetLastError()->message);
    virResetError(&copy);
    assert_int_equal(copy.code, 0);
    assert_null(copy.message);
    assert_int_equal(virCopyLastError(NULL), -1);

    saved = virSaveLastError();
    virResetLastError();
    assert_null(virGetLastError());
    assert_int_equal(saved->code, VIR_ERR_NO_DOMAIN);
    assert_string_equal(saved->message, "Domain not found: x");
    virFreeError(saved);
    virFreeError(NULL);
    virResetError(NULL);
}

static void
test_save_restore(void **state)
{
    virErrorPtr saved;

    assert_null(vrErrorSave());
    vrReportError(VIR_ERR_NO_DOMAIN, "%s", "first");
    saved = vrErrorSave();
    vrReportError(VIR_ERR_INTERNAL_ERROR, "%s", "cleanup failed");
    vrErrorRestore(&saved);
    assert_null(saved);
    assert_string_equal(virGetLastErrorMessage(), "Domain not found: first");
    vrErrorRestore(&saved);     /* NULL: leaves the error alone */
    assert_string_equal(virGetLastErrorMessage(), "Domain not found: first");
}

static void
conn_init(struct _virConnect *conn)
{
    memset(conn, 0, sizeof(*conn));
    g_mutex_init(&conn->lock);
}

static void
conn_clear(struct _virConnect *conn)
{
    virResetError(&conn->err);
    g_mutex_clear(&conn->lock);
}

static void
test_conn_error(void **state)
{
    struct _virConnect conn;
    virError copy;
    virErrorPtr err;

    conn_init(&conn);
    assert_null(virConnGetLastError(&conn));
    assert_int_equal(virConnCopyLastError(&conn, &copy), 0);

    vrReportError(VIR_ERR_NO_DOMAIN, "%s", "x");
    vrErrorCopyToConn(&conn);
    err = virConnGetLastError(&conn);
    assert_ptr_equal(err, &conn.err);
    assert_int_equal(err->code, VIR_ERR_NO_DOMAIN);
    assert_int_equal(err->domain, VIR_FROM_TEST);
    assert_string_equal(err->message, "Domain not found: x");

    /* The connection's copy outlives the thread's error. */
    virResetLastError();
    assert_int_equal(virConnCopyLastError(&conn, &copy), VIR_ERR_NO_DOMAIN);
    assert_string_equal(copy.message, "Domain not found: x");
    virResetError(&copy);

    virConnResetLastError(&conn);
    assert_null(virConnGetLastError(&conn));
    assert_null(virConnGetLastError(NULL));
    assert_int_equal(virConnCopyLastError(NULL, &copy), -1);
    virConnResetLastError(NULL);
    conn_clear(&conn);
}

static void
test_conn_generic_failure(void **state)
{
    struct _virConnect conn;

    conn_init(&conn);
    vrErrorCopyToConn(&conn);
    assert_int_equal(virGetLastError()->code, VIR_ERR_INTERNAL_ERROR);
    assert_int_equal(virGetLastError()->domain, VIR_FROM_NONE);
    assert_string_equal(virGetLastErrorMessage(),
                        "An error occurred, but the cause is unknown");
    assert_string_equal(conn.err.message,
                        "An error occurred, but the cause is unknown");
    conn_clear(&conn);
}

static void
test_conn_handler(void **state)
{
    struct _virConnect conn;
    HandlerLog log = { 0 };

    conn_init(&conn);
    virConnSetErrorFunc(&conn, &log, log_handler);
    vrReportError(VIR_ERR_OPERATION_FAILED, "%s", "boom");
    assert_int_equal(log.calls, 0);     /* not raised through conn yet */
    vrErrorCopyToConn(&conn);
    assert_int_equal(log.calls, 1);
    assert_string_equal(log.last_message, "operation failed: boom");

    /* Without a connection handler the global one runs instead. */
    {
        HandlerLog glog = { 0 };

        virConnSetErrorFunc(&conn, NULL, NULL);
        virSetErrorFunc(&glog, log_handler);
        vrErrorCopyToConn(&conn);
        assert_int_equal(log.calls, 1);
        assert_int_equal(glog.calls, 1);
        virSetErrorFunc(NULL, NULL);
        g_free(glog.last_message);
    }
    virConnSetErrorFunc(NULL, NULL, NULL);
    g_free(log.last_message);
    conn_clear(&conn);
}

typedef struct {
    GMutex lock;
    GCond cond;
    int stage;
    char *seen_at_start;
    char *seen_at_end;
} ThreadCtx;

static void
ctx_wait(ThreadCtx *ctx, int stage)
{
    g_mutex_lock(&ctx->lock);
    while (ctx->stage < stage)
        g_cond_wait(&ctx->cond, &ctx->lock);
    g_mutex_unlock(&ctx->lock);
}

static void
ctx_advance(ThreadCtx *ctx, int stage)
{
    g_mutex_lock(&ctx->lock);
    ctx->stage = stage;
    g_cond_broadcast(&ctx->cond);
    g_mutex_unlock(&ctx->lock);
}

static gpointer
other_thread(gpointer opaque)
{
    ThreadCtx *ctx = opaque;

    ctx_wait(ctx, 1);                  /* main has reported its error */
    ctx->seen_at_start = g_strdup(virGetLastErrorMessage());
    vrReportError(VIR_ERR_NO_NETWORK, "%s", "other");
    ctx_advance(ctx, 2);
    ctx_wait(ctx, 3);                  /* main has reset its error */
    ctx->seen_at_end = g_strdup(virGetLastErrorMessage());
    return NULL;
}

static void
test_thread_local(void **state)
{
    ThreadCtx ctx = { 0 };
    GThread *t;

    g_mutex_init(&ctx.lock);
    g_cond_init(&ctx.cond);
    t = g_thread_new("other", other_thread, &ctx);

    vrReportError(VIR_ERR_NO_DOMAIN, "%s", "main");
    ctx_advance(&ctx, 1);
    ctx_wait(&ctx, 2);
    assert_string_equal(virGetLastErrorMessage(), "Domain not found: main");
    virResetLastError();
    ctx_advance(&ctx, 3);
    g_thread_join(t);

    assert_string_equal(ctx.seen_at_start, "no error");
    assert_string_equal(ctx.seen_at_end, "Network not found: other");
    assert_null(virGetLastError());
    g_free(ctx.seen_at_start);
    g_free(ctx.seen_at_end);
    g_mutex_clear(&ctx.lock);
    g_cond_clear(&ctx.cond);
}

/* Run virDefaultErrorFunc with stderr sent to a file; return what it wrote. */
static char *
capture_default_output(virErrorPtr err)
{
    char path[] = "/tmp/vireo-test-error-XXXXXX";
    int fd = g_mkstemp(path);
    int saved = dup(STDERR_FILENO);
    char *out = NULL;

    assert_true(fd >= 0 && saved >= 0);
    fflush(stderr);
    dup2(fd, STDERR_FILENO);
    virDefaultErrorFunc(err);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(fd);
    assert_true(g_file_get_contents(path, &out, NULL, NULL));
    unlink(path);
    return out;
}

static void
test_default_error_func(void **state)
{
    g_autofree char *out1 = NULL;
    g_autofree char *out2 = NULL;
    g_autofree char *out3 = NULL;
    g_autofree char *none = NULL;

    vrReportError(VIR_ERR_NO_DOMAIN, "%s", "no domain with matching name 'x'");
    out1 = capture_default_output(virGetLastError());
    assert_string_equal(out1, "libvirt: Test Driver error : "
                        "Domain not found: no domain with matching name 'x'\n");

    vrErrorReport(VIR_FROM_CH, VIR_ERR_INTERNAL_ERROR, __FILE__, __func__,
                  __LINE__, "%s", "ends\n");
    out2 = capture_default_output(virGetLastError());
    assert_string_equal(out2, "libvirt: Cloud-Hypervisor Driver error : "
                        "internal error: ends\n");

    vrErrorReport(VIR_FROM_NONE, VIR_ERR_INVALID_ARG, __FILE__, __func__,
                  __LINE__, NULL);
    out3 = capture_default_output(virGetLastError());
    assert_string_equal(out3, "libvirt:  error : invalid argument\n");

    virResetLastError();
    none = capture_default_output(NULL);
    assert_string_equal(none, "");
}

static void
test_domain_texts(void **state)
{
    assert_string_equal(vrErrorDomainText(VIR_FROM_NONE), "");
    assert_string_equal(vrErrorDomainText(VIR_FROM_QEMU), "QEMU Driver");
    assert_string_equal(vrErrorDomainText(VIR_FROM_VMWARE), "VMware Driver");
    assert_string_equal(vrErrorDomainText(VIR_FROM_BPF), "BPF");
    assert_null(vrErrorDomainText(VIR_ERR_DOMAIN_LAST));
    assert_null(vrErrorDomainText(-1));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_no_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_messages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_complete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_detail_percent_not_reinterpreted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_detail_empty_is_bare, setup, teardown),
        cmocka_unit_test_setup_teardown(test_detail_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_ok_resets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errno_preserved, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_flags_macro_names_caller, setup, teardown),
        cmocka_unit_test_setup_teardown(test_system_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_raw, setup, teardown),
        cmocka_unit_test_setup_teardown(test_oom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_global_handler, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_save_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_save_restore, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conn_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conn_generic_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conn_handler, setup, teardown),
        cmocka_unit_test_setup_teardown(test_thread_local, setup, teardown),
        cmocka_unit_test_setup_teardown(test_default_error_func, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_texts, setup, teardown),
    };

    return cmocka_run_group_tests_name("util/error", tests, NULL, NULL);
}
