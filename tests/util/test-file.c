/* util/file.c: atomic replace leaves the old or the new file and never a
 * temp file; bounded reads; libvirt's system-error messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "util/file.h"
#include "util/error.h"

typedef struct {
    char *dir;
} Fixture;

static int
setup(void **state)
{
    Fixture *f = g_new0(Fixture, 1);

    f->dir = g_dir_make_tmp("vireo-test-file-XXXXXX", NULL);
    assert_non_null(f->dir);
    virResetLastError();
    *state = f;
    return 0;
}

static void
remove_tree(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;

    if (d) {
        while ((name = g_dir_read_name(d))) {
            g_autofree char *child = g_build_filename(path, name, NULL);

            remove_tree(child);
        }
        g_dir_close(d);
    }
    g_remove(path);
}

static int
teardown(void **state)
{
    Fixture *f = *state;

    remove_tree(f->dir);
    g_free(f->dir);
    g_free(f);
    virResetLastError();
    return 0;
}

static int
cmp_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of dir, sorted, joined with ' '. */
static char *
list_dir_sorted(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    assert_non_null(d);
    while ((name = g_dir_read_name(d)))
        g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, cmp_names);
    g_ptr_array_add(names, NULL);
    return g_strjoinv(" ", (char **)names->pdata);
}

static void
test_write_new_and_read(void **state)
{
    Fixture *f = *state;
    g_autofree char *path = g_build_filename(f->dir, "web1.xml", NULL);
    g_autofree char *data = NULL;
    g_autofree char *entries = NULL;
    const char body[] = "<domain>\0binary\n";
    size_t len = 0;
    struct stat st;
    mode_t old = umask(022);

    assert_int_equal(vrFileWriteAtomic(path, body, sizeof(body), 0640), 0);
    umask(old);
    assert_null(virGetLastError());
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);

    assert_int_equal(vrFileReadAll(path, 1024, &data, &len), 0);
    assert_int_equal(len, sizeof(body));
    assert_memory_equal(data, body, sizeof(body));
    assert_int_equal(data[len], '\0');

    entries = list_dir_sorted(f->dir);
    assert_string_equal(entries, "web1.xml");
}

static void
test_overwrite(void **state)
{
    Fixture *f = *state;
    g_autofree char *path = g_build_filename(f->dir, "x", NULL);
    g_autofree char *data = NULL;
    g_autofree char *entries = NULL;

    assert_int_equal(vrFileWriteAtomic(path, "a long first version", 20, 0600), 0);
    assert_int_equal(vrFileWriteAtomic(path, "v2", 2, 0600), 0);
    assert_int_equal(vrFileReadAll(path, 100, &data, NULL), 0);
    assert_string_equal(data, "v2");
    entries = list_dir_sorted(f->dir);
    assert_string_equal(entries, "x");
}

static void
test_write_empty(void **state)
{
    Fixture *f = *state;
    g_autofree char *path = g_build_filename(f->dir, "empty", NULL);
    g_autofree char *data = NULL;
    size_t len = 99;

    assert_int_equal(vrFileWriteAtomic(path, "", 0, 0600), 0);
    assert_int_equal(vrFileReadAll(path, 1, &data, &len), 0);
    assert_int_equal(len, 0);
    assert_string_equal(data, "");
}

static void
test_write_missing_dir(void **state)
{
    Fixture *f = *state;
    g_autofree char *path = g_build_filename(f->dir, "nodir", "x.xml", NULL);
    g_autofree char *msg = g_strdup_printf(
        "cannot create file '%s': No such file or directory", path);
    g_autofree char *entries = NULL;
    virErrorPtr err;

    assert_int_equal(vrFileWriteAtomic(path, "x", 1, 0600), -1);
    err = virGetLastError();
    assert_non_null(err);
    assert_int_equal(err->code, VIR_ERR_SYSTEM_ERROR);
    assert_int_equal(err->int1, ENOENT);
    assert_string_equal(err->message, msg);
    entries = list_dir_sorted(f->dir);
    assert_string_equal(entries, "");
}

/* rename() onto a non-empty directory fails after the temp file is
 * written: the temp file must be gone and the target untouched. */
static void
test_write_rename_fails_cleans_up(void **state)
{
    Fixture *f = *state;
    g_autofree char *path = g_build_filename(f->dir, "target", NULL);
    g_autofree char *inner = g_build_filename(path, "keep", NULL);
    g_autofree char *entries = NULL;
    g_autofree char *prefix = g_strdup_printf("cannot rename file '%s.", path);
    virErrorPtr err;

    assert_int_equal(g_mkdir(path, 0700), 0);
    assert_true(g_file_set_contents(inner, "k", 1, NULL));
    assert_int_equal(vrFileWriteAtomic(path, "new", 3, 0600), -1);
    err = virGetLastError();
    assert_int_equal(err->code, VIR_ERR_SYSTEM_ERROR);
    assert_true(g_str_has_prefix(err->message, prefix));
    assert_true(g_str_has_suffix(err->message, "': Is a directory"));

    entries = list_dir_sorted(f->dir);
    assert_string_equal(entries, "target");
    assert_true(g_file_test(inner, G_FILE_TEST_IS_REGULAR));
}

static void
test_read_limit(void **state)
{
    Fixture *f = *state;
    g_autofree char *path = g_build_filename(f->dir, "ten", NULL);
    g_autofree char *data = NULL;
    g_autofree char *msg = g_strdup_printf(
        "Failed to read file '%s': Value too large for defined data type", path);
    char *untouched = (char *)"sentinel";
    size_t len = 0;

    assert_true(g_file_set_contents(path, "0123456789", 10, NULL));
    assert_int_equal(vrFileReadAll(path, 10, &data, &len), 0);
    assert_int_equal(len, 10);
    assert_string_equal(data, "0123456789");

    assert_int_equal(vrFileReadAll(path, 9, &untouched, &len), -1);
    assert_string_equal(untouched, "sentinel");
    assert_int_equal(len, 10);
    assert_int_equal(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    assert_int_equal(virGetLastError()->int1, EOVERFLOW);
    assert_string_equal(virGetLastErrorMessage(), msg);
}

static void
test_read_missing(void **state)
{
    Fixture *f = *state;
    g_autofree char *path = g_build_filename(f->dir, "nope", NULL);
    g_autofree char *msg = g_strdup_printf(
        "Failed to open file '%s': No such file or directory", path);
    char *data = NULL;

    assert_int_equal(vrFileReadAll(path, 10, &data, NULL), -1);
    assert_null(data);
    assert_string_equal(virGetLastErrorMessage(), msg);
}

static void
test_read_zero_limit(void **state)
{
    Fixture *f = *state;
    g_autofree char *path = g_build_filename(f->dir, "z", NULL);
    g_autofree char *msg = g_strdup_printf(
        "Failed to read file '%s': Invalid argument", path);
    char *data = NULL;

    assert_true(g_file_set_contents(path, "", 0, NULL));
    assert_int_equal(vrFileReadAll(path, 0, &data, NULL), -1);
    assert_null(data);
    assert_string_equal(virGetLastErrorMessage(), msg);
}

static void
test_read_directory(void **state)
{
    Fixture *f = *state;
    g_autofree char *msg = g_strdup_printf(
        "Failed to read file '%s': Is a directory", f->dir);
    char *data = NULL;

    assert_int_equal(vrFileReadAll(f->dir, 10, &data, NULL), -1);
    assert_null(data);
    assert_string_equal(virGetLastErrorMessage(), msg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_new_and_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overwrite, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_missing_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_rename_fails_cleans_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_zero_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_directory, setup, teardown),
    };

    return cmocka_run_group_tests_name("util/file", tests, NULL, NULL);
}
