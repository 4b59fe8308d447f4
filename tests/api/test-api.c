/* The public entry points' own checks: handles, arguments, read-only
 * connections, driver selection, version reporting and the default event
 * loop.  Messages and codes are libvirt 9.0's (checked against libvirt). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define PRIVATE_URI "sim:///default?private=1"

static void quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

static void assert_error(int code, int domain, const char *message)
{
    virErrorPtr err = virGetLastError();

    assert_non_null(err);
    assert_int_equal(err->code, code);
    if (domain >= 0)
        assert_int_equal(err->domain, domain);
    assert_string_equal(err->message, message);
}

static void test_versions(void **state)
{
    unsigned long lib = 0, type = 0;
    virConnectPtr conn = virConnectOpen(PRIVATE_URI);

    assert_int_equal(virGetVersion(&lib, "Test", &type), 0);
    assert_int_equal(lib, 9000000);
    assert_int_equal(type, 9000000);
    assert_non_null(conn);
    lib = 0;
    assert_int_equal(virConnectGetLibVersion(conn, &lib), 0);
    assert_int_equal(lib, 9000000);
    assert_int_equal(virConnectClose(conn), 0);
}

static void test_null_arguments(void **state)
{
    virConnectPtr conn = virConnectOpen(PRIVATE_URI);

    assert_null(virDomainDefineXML(conn, NULL));
    assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                 "xml in virDomainDefineXML must not be NULL");
    assert_null(virDomainDefineXML(NULL, "<domain/>"));
    assert_error(VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN,
                 "invalid connection pointer in virDomainDefineXML");
    assert_int_equal(virDomainSuspend(NULL), -1);
    assert_error(VIR_ERR_INVALID_DOMAIN, VIR_FROM_DOM,
                 "invalid domain pointer in virDomainSuspend");
    assert_null(virDomainLookupByID(conn, -1));
    assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                 "id in virDomainLookupByID must be zero or greater");
    assert_int_equal(virConnectListDefinedDomains(conn, NULL, -1), -1);
    assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                 "maxnames in virConnectListDefinedDomains must be zero or greater");
    assert_null(virDomainLookupByUUIDString(conn, "zz"));
    assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN, "Invalid UUID");
    /* The connection remembers the last error raised through it. */
    assert_non_null(virConnGetLastError(conn));
    assert_int_equal(virConnGetLastError(conn)->code, VIR_ERR_INVALID_ARG);
    virConnectClose(conn);
}

static void test_setters_reject_zero(void **state)
{
    virConnectPtr conn = virConnectOpen(PRIVATE_URI);
    virDomainPtr dom = virDomainLookupByName(conn, "test");

    assert_non_null(dom);
    assert_int_equal(virDomainSetVcpusFlags(dom, 0, 0), -1);
    assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                 "nvcpus in virDomainSetVcpusFlags must not be zero");
    assert_int_equal(virDomainSetMemoryFlags(dom, 0, 0), -1);
    assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                 "memory in virDomainSetMemoryFlags must not be zero");
    assert_int_equal(virDomainSaveFlags(dom, "/nonexistent/x",
                                        NULL, VIR_DOMAIN_SAVE_RUNNING |
                                        VIR_DOMAIN_SAVE_PAUSED), -1);
    assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                 "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' "
                 "are mutually exclusive");
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_read_only(void **state)
{
    virConnectPtr conn = virConnectOpenReadOnly(PRIVATE_URI);
    virDomainPtr dom;
    int st = -1;

    assert_non_null(conn);
    dom = virDomainLookupByName(conn, "test");
    assert_non_null(dom);
    assert_int_equal(virDomainSuspend(dom), -1);
    assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_DOMAIN,
                 "operation forbidden: read only access prevents virDomainSuspend");
    assert_null(virDomainDefineXML(conn, "<domain/>"));
    assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_DOMAIN,
                 "operation forbidden: read only access prevents virDomainDefineXML");
    assert_null(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE));
    assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_DOMAIN,
                 "operation forbidden: virDomainGetXMLDesc with secure flag");
    /* Reads still work, and nothing changed. */
    assert_int_equal(virDomainGetState(dom, &st, NULL, 0), 0);
    assert_int_equal(st, VIR_DOMAIN_RUNNING);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_closed_connection(void **state)
{
    virConnectPtr conn = virConnectOpen(PRIVATE_URI);
    virConnectPtr kept = conn;

    assert_int_equal(virConnectClose(conn), 0);
    assert_null(virConnectGetType(kept));
    assert_error(VIR_ERR_INVALID_CONN, -1, "invalid connection pointer in virConnectGetType");
    assert_int_equal(virConnectNumOfDomains(kept), -1);
    assert_error(VIR_ERR_INVALID_CONN, -1,
                 "invalid connection pointer in virConnectNumOfDomains");
}

static void test_domain_keeps_connection(void **state)
{
    virConnectPtr conn = virConnectOpen(PRIVATE_URI);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    char uuid[VIR_UUID_STRING_BUFLEN];

    /* The handle holds a reference: closing reports one left, and the
     * domain stays usable until freed. */
    assert_int_equal(virConnectClose(conn), 1);
    assert_int_equal(virDomainGetUUIDString(dom, uuid), 0);
    assert_string_equal(uuid, "6695eb01-f6a4-8304-79aa-97f2502e193f");
    assert_ptr_equal(virDomainGetConnect(dom), conn);
    assert_int_equal(virDomainFree(dom), 0);
}

static void test_unknown_uri(void **state)
{
    assert_null(virConnectOpen("foo:///bar"));
    assert_error(VIR_ERR_NO_CONNECT, -1, "no connection driver available for foo:///bar");
}

static int timer_fired;
static int handle_fired;
static int freed;

static void on_timer(int timer, void *opaque)
{
    timer_fired++;
    virEventRemoveTimeout(timer);
}

static void on_handle(int watch, int fd, int events, void *opaque)
{
    char c;

    assert_true(events & VIR_EVENT_HANDLE_READABLE);
    assert_int_equal(read(fd, &c, 1), 1);
    assert_int_equal(c, 'x');
    handle_fired++;
    virEventRemoveHandle(watch);
}

static void on_free(void *opaque)
{
    freed++;
}

static void test_event_loop(void **state)
{
    int fds[2];
    int i;

    assert_int_equal(virEventRegisterDefaultImpl(), 0);
    assert_int_equal(pipe(fds), 0);
    assert_true(virEventAddTimeout(0, on_timer, NULL, on_free) > 0);
    assert_true(virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE, on_handle, NULL,
                                  on_free) > 0);
    assert_int_equal(write(fds[1], "x", 1), 1);
    for (i = 0; i < 20 && (timer_fired == 0 || handle_fired == 0 || freed < 2); i++)
        virEventRunDefaultImpl();
    assert_int_equal(timer_fired, 1);
    assert_int_equal(handle_fired, 1);
    assert_int_equal(freed, 2);
    /* Removing twice is an error, not a crash. */
    assert_int_equal(virEventRemoveTimeout(12345), -1);
    close(fds[0]);
    close(fds[1]);
}

/* Runs the default credential callback with stdin read from `input`;
 * returns its result and leaves what it printed in `prompts`. */
static int run_default_auth(virConnectCredentialPtr cred, unsigned int ncred,
                            const char *input, char *prompts, size_t prompts_len)
{
    char in_path[] = "/tmp/vireo-auth-in-XXXXXX";
    char out_path[] = "/tmp/vireo-auth-out-XXXXXX";
    int in_fd = mkstemp(in_path), out_fd = mkstemp(out_path);
    int saved_in = dup(STDIN_FILENO), saved_out = dup(STDOUT_FILENO);
    ssize_t n;
    int ret;

    assert_true(in_fd >= 0 && out_fd >= 0 && saved_in >= 0 && saved_out >= 0);
    assert_int_equal(write(in_fd, input, strlen(input)), (ssize_t)strlen(input));
    assert_int_equal(lseek(in_fd, 0, SEEK_SET), 0);
    fflush(stdout);
    assert_true(dup2(in_fd, STDIN_FILENO) >= 0 && dup2(out_fd, STDOUT_FILENO) >= 0);
    clearerr(stdin);
    ret = virConnectAuthPtrDefault->cb(cred, ncred, virConnectAuthPtrDefault->cbdata);
    fflush(stdout);
    assert_true(dup2(saved_in, STDIN_FILENO) >= 0 && dup2(saved_out, STDOUT_FILENO) >= 0);
    clearerr(stdin);
    n = pread(out_fd, prompts, prompts_len - 1, 0);
    prompts[n > 0 ? n : 0] = '\0';
    close(in_fd);
    close(out_fd);
    close(saved_in);
    close(saved_out);
    unlink(in_path);
    unlink(out_path);
    return ret;
}

static void test_default_auth(void **state)
{
    virConnectCredential cred[3] = {
        { .type = VIR_CRED_AUTHNAME, .prompt = "Username" },
        { .type = VIR_CRED_PASSPHRASE, .prompt = "Password" },
        { .type = VIR_CRED_REALM, .prompt = "Realm", .defresult = "home" },
    };
    virConnectCredential external = { .type = VIR_CRED_EXTERNAL, .challenge = "PolicyKit" };
    virConnectCredential other = { .type = VIR_CRED_EXTERNAL, .challenge = "other" };
    char prompts[256];
    int i;

    /* libvirt's list, in libvirt's order */
    assert_int_equal(virConnectAuthPtrDefault->ncredtype, 6);
    assert_int_equal(virConnectAuthPtrDefault->credtype[0], VIR_CRED_AUTHNAME);
    assert_int_equal(virConnectAuthPtrDefault->credtype[5], VIR_CRED_EXTERNAL);

    assert_int_equal(run_default_auth(cred, 3, "alice\ns3cret\n\n", prompts,
                                      sizeof(prompts)), 0);
    assert_string_equal(prompts, "Username: Password: Realm [home]: ");
    assert_string_equal(cred[0].result, "alice");
    assert_int_equal(cred[0].resultlen, 5);
    assert_string_equal(cred[1].result, "s3cret");
    assert_string_equal(cred[2].result, "home");      /* empty answer: the default */
    for (i = 0; i < 3; i++)
        free(cred[i].result);

    /* input ends before the last answer: no answer at all */
    assert_int_equal(run_default_auth(cred, 3, "bob\n", prompts, sizeof(prompts)), -1);
    for (i = 0; i < 3; i++)
        assert_null(cred[i].result);

    /* PolicyKit answers for itself; another external method cannot be asked */
    assert_int_equal(run_default_auth(&external, 1, "", prompts, sizeof(prompts)), 0);
    assert_null(external.result);
    assert_string_equal(prompts, "");
    assert_int_equal(run_default_auth(&other, 1, "", prompts, sizeof(prompts)), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_versions),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_setters_reject_zero),
        cmocka_unit_test(test_read_only),
        cmocka_unit_test(test_closed_connection),
        cmocka_unit_test(test_domain_keeps_connection),
        cmocka_unit_test(test_unknown_uri),
        cmocka_unit_test(test_event_loop),
        cmocka_unit_test(test_default_auth),
    };

    virSetErrorFunc(NULL, quiet);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
