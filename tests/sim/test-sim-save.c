/* Save, restore and managed save on the sim driver: the state after each
 * call, the file on disk, and refusal of missing, truncated, corrupt and
 * foreign images without any change to the node. */
#include "sim_test.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define SAVE_MAX_BYTES (64 * 1024)

static char tmpdir[] = "/tmp/vireo-sim-save-XXXXXX";

static int setup(void **state)
{
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[256];

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A path in the test directory (a static buffer: copy it to keep it). */
static const char *tmpfile_path(const char *name)
{
    static char path[512];

    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    return path;
}

static size_t read_file(const char *path, char *buf, size_t max)
{
    int fd = open(path, O_RDONLY);
    ssize_t n;

    assert_true(fd >= 0);
    n = read(fd, buf, max);
    close(fd);
    assert_true(n >= 0 && (size_t)n < max);
    return (size_t)n;
}

static void write_file(const char *path, const char *buf, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    assert_true(fd >= 0);
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
    close(fd);
}

/* A restore that must fail, leaving `test` shut off and the ids unused. */
static void assert_restore_fails(virConnectPtr conn, const char *path, int code,
                                 const char *message)
{
    virDomainPtr test = virDomainLookupByName(conn, "test");

    assert_int_equal(virDomainRestore(conn, path), -1);
    sim_assert_error(code, -1, message);
    sim_assert_state(test, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    assert_int_equal(virConnectNumOfDomains(conn), 0);
    virDomainFree(test);
}

static void test_save_restore(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    const char *path = tmpfile_path("test.save");
    char *before, *after;
    struct stat st;

    assert_int_equal(virDomainSetMemoryFlags(dom, 1048576, VIR_DOMAIN_AFFECT_LIVE), 0);
    before = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE);
    assert_int_equal(virDomainSave(dom, path), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    assert_int_equal((int)virDomainGetID(dom), -1);
    /* the persistent definition is back while the domain is off */
    assert_int_equal(virDomainIsPersistent(dom), 1);

    assert_int_equal(virDomainRestore(conn, path), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    after = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE);
    /* the live definition that was saved, under a new id */
    assert_non_null(strstr(after, "<domain type='test' id='2'>"));
    assert_non_null(strstr(after, "<currentMemory unit='KiB'>1048576</currentMemory>"));
    assert_string_equal(strchr(before, '\n'), strchr(after, '\n'));
    free(before);
    free(after);

    /* the same image again while the domain runs: refused, nothing changes */
    assert_int_equal(virDomainRestore(conn, path), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain 'test' is already active");
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_save_errors(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");

    assert_int_equal(virDomainSaveFlags(dom, tmpfile_path("x"), "<domain/>", 0), -1);
    sim_assert_error(VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_TEST,
                     "argument unsupported: xml modification unsupported");
    assert_int_equal(virDomainSaveFlags(dom, tmpfile_path("x"), NULL,
                                        VIR_DOMAIN_SAVE_RESET_NVRAM), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x8) in function "
                     "testDomainSaveFlags");
    /* an unwritable destination leaves the domain running */
    assert_int_equal(virDomainSave(dom, "/nonexistent-dir/test.save"), -1);
    assert_int_equal(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal(virDomainSave(dom, tmpfile_path("x")), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running");
    assert_int_equal(access(tmpfile_path("x"), F_OK), -1);
    assert_int_equal(virDomainRestoreFlags(conn, tmpfile_path("x"), "<domain/>", 0), -1);
    sim_assert_error(VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_TEST,
                     "argument unsupported: xml modification unsupported");
    virDomainFree(dom);
    virConnectClose(conn);
}

/* Files that are not save images at all, or only part of a header. */
static void bad_files(virConnectPtr conn)
{
    char msg[1024];
    const char *path;

    path = tmpfile_path("missing.save");
    snprintf(msg, sizeof(msg), "cannot read domain image '%s': No such file or directory",
             path);
    assert_restore_fails(conn, path, VIR_ERR_SYSTEM_ERROR, msg);

    path = tmpfile_path("short.save");
    write_file(path, "Test", 4);
    snprintf(msg, sizeof(msg), "incomplete save header in '%s'", path);
    assert_restore_fails(conn, path, VIR_ERR_SYSTEM_ERROR, msg);

    /* libvirt's own test driver image, or any other file, is foreign */
    path = tmpfile_path("foreign.save");
    write_file(path, "TestGuestMagic\0\x10\0\0\0<domain></domain>xxxxxxxxxxxxxxxx", 48);
    assert_restore_fails(conn, path, VIR_ERR_INTERNAL_ERROR,
                         "internal error: mismatched header magic");
}

/* A good image damaged in each field. */
static void damaged_images(virConnectPtr conn, const char *image, size_t len)
{
    char bad[SAVE_MAX_BYTES], msg[1024];
    const char *path;

    path = tmpfile_path("truncated.save");
    write_file(path, image, len - 10);
    snprintf(msg, sizeof(msg), "incomplete metadata in '%s'", path);
    assert_restore_fails(conn, path, VIR_ERR_SYSTEM_ERROR, msg);

    path = tmpfile_path("corrupt.save");
    memcpy(bad, image, len);
    bad[len - 20] ^= 0x20;
    write_file(path, bad, len);
    snprintf(msg, sizeof(msg), "internal error: save image '%s' is corrupt: "
             "checksum mismatch", path);
    assert_restore_fails(conn, path, VIR_ERR_INTERNAL_ERROR, msg);

    path = tmpfile_path("trailing.save");
    memcpy(bad, image, len);
    bad[len] = 'x';
    write_file(path, bad, len + 1);
    snprintf(msg, sizeof(msg), "internal error: save image '%s' is corrupt: trailing "
             "data after the metadata", path);
    assert_restore_fails(conn, path, VIR_ERR_INTERNAL_ERROR, msg);

    path = tmpfile_path("version.save");
    memcpy(bad, image, len);
    bad[16] = 7;
    write_file(path, bad, len);
    snprintf(msg, sizeof(msg), "internal error: save image '%s' has version 7, "
             "expected 1", path);
    assert_restore_fails(conn, path, VIR_ERR_INTERNAL_ERROR, msg);

    path = tmpfile_path("length.save");
    memcpy(bad, image, len);
    memset(bad + 24, 0xff, 4);
    write_file(path, bad, len);
    snprintf(msg, sizeof(msg), "internal error: length of metadata out of range in "
             "'%s': 4294967295", path);
    assert_restore_fails(conn, path, VIR_ERR_INTERNAL_ERROR, msg);
}

static void test_bad_images(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    char good[512], image[SAVE_MAX_BYTES];
    size_t len;

    snprintf(good, sizeof(good), "%s", tmpfile_path("good.save"));
    assert_int_equal(virDomainSave(dom, good), 0);
    len = read_file(good, image, sizeof(image));
    assert_true(len > 64);
    bad_files(conn);
    damaged_images(conn, image, len);

    /* the good image still restores after all that */
    if (virDomainRestore(conn, good) < 0)
        fail_msg("%s", virGetLastErrorMessage());
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    /* no failed attempt used an id (handles keep theirs: look it up anew) */
    virDomainFree(dom);
    dom = virDomainLookupByName(conn, "test");
    assert_int_equal(virDomainGetID(dom), 2);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* SAVE_RUNNING / SAVE_PAUSED: the image's state, and overrides at restore. */
static void test_save_state_flags(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    char paused[512];

    snprintf(paused, sizeof(paused), "%s", tmpfile_path("paused.save"));

    assert_int_equal(virDomainSaveFlags(dom, paused, NULL, VIR_DOMAIN_SAVE_PAUSED), 0);
    assert_int_equal(virDomainRestore(conn, paused), 0);
    sim_assert_state(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal(virDomainRestoreFlags(conn, paused, NULL, VIR_DOMAIN_SAVE_RUNNING), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    /* a paused domain saved without flags restores running, as libvirt's
     * test driver restores */
    assert_int_equal(virDomainSuspend(dom), 0);
    assert_int_equal(virDomainSave(dom, paused), 0);
    assert_int_equal(virDomainRestore(conn, paused), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal(virDomainRestoreFlags(conn, paused, NULL, VIR_DOMAIN_SAVE_PAUSED), 0);
    sim_assert_state(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* A transient domain is gone once saved and comes back transient. */
static void test_save_transient(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainCreateXML(conn, sim_domain_xml("tr", NULL, 2048, 1), 0);
    const char *path = tmpfile_path("tr.save");

    assert_int_equal(virDomainSave(dom, path), 0);
    assert_null(virDomainLookupByName(conn, "tr"));
    assert_int_equal(virDomainRestore(conn, path), 0);
    assert_int_equal(virDomainIsPersistent(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_managed_save(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");

    assert_int_equal(virDomainManagedSave(dom, VIR_DOMAIN_SAVE_PAUSED), 0);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    assert_int_equal(virDomainHasManagedSaveImage(dom, 0), 1);
    assert_int_equal(virDomainUndefine(dom), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: Refusing to undefine while "
                     "domain managed save image exists");
    /* starting consumes the image; the domain boots as libvirt's test driver */
    assert_int_equal(virDomainCreate(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    assert_int_equal(virDomainHasManagedSaveImage(dom, 0), 0);
    assert_int_equal(virDomainManagedSave(dom, 0), 0);
    assert_int_equal(virDomainManagedSaveRemove(dom, 0), 0);
    assert_int_equal(virDomainHasManagedSaveImage(dom, 0), 0);
    assert_int_equal(virDomainManagedSave(dom, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running");
    assert_int_equal(virDomainCreate(dom), 0);
    assert_int_equal(virDomainManagedSave(dom, 0), 0);
    assert_int_equal(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE), 0);
    assert_null(virDomainLookupByName(conn, "test"));
    virDomainFree(dom);
    virConnectClose(conn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_restore),
        cmocka_unit_test(test_save_errors),
        cmocka_unit_test(test_bad_images),
        cmocka_unit_test(test_save_state_flags),
        cmocka_unit_test(test_save_transient),
        cmocka_unit_test(test_managed_save),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
