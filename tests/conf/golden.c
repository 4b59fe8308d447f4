/* Golden-file runner shared by the conf/ XML tests: lists the cases of a
 * data directory, compares outputs with the expected files (or rewrites
 * them under VIREO_REGENERATE=1) and runs the cmocka group. */
#include "golden.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "error_names.h"

const char *vrGoldenDataDir;
bool vrGoldenRegenerate;

static GPtrArray *vr_golden_files;      /* every file name in the data dir, sorted */
static GPtrArray *vr_golden_names;      /* case names, sorted */
static const vrGoldenSuite *vr_golden_suite;

char *
vrGoldenLastError(void)
{
    const virError *err = vrErrorLast();
    const char *name = "VIR_ERR_UNKNOWN";
    size_t i;

    if (!err)
        return g_strdup("(no error)");
    for (i = 0; i < G_N_ELEMENTS(vrTestErrorNames); i++) {
        if (vrTestErrorNames[i].code == err->code) {
            name = vrTestErrorNames[i].name;
            break;
        }
    }
    return g_strdup_printf("%s: %s", name, err->message ? err->message : "");
}

char *
vrGoldenReadFile(const char *name, const char *suffix)
{
    g_autofree char *path = g_strdup_printf("%s/%s%s", vrGoldenDataDir, name, suffix);
    char *data = NULL;

    if (!g_file_get_contents(path, &data, NULL, NULL))
        fail_msg("cannot read %s", path);
    return data;
}

void
vrGoldenExpect(const char *name, const char *suffix, const char *actual)
{
    g_autofree char *path = g_strdup_printf("%s/%s%s", vrGoldenDataDir, name, suffix);
    g_autofree char *expected = NULL;

    if (vrGoldenRegenerate) {
        assert_true(g_file_set_contents(path, actual, -1, NULL));
        return;
    }
    expected = vrGoldenReadFile(name, suffix);
    if (strcmp(expected, actual) != 0) {
        fprintf(stderr, "# %s differs; got:\n%s", path, actual);
        fail_msg("%s%s: output differs from the expected file", name, suffix);
    }
}

/* An invalid case was parsed (parsed true: fail) or refused: the last
 * error, plus "\n", must equal NAME.err (or is written there). */
static void
vrGoldenExpectError(const char *name, bool parsed)
{
    g_autofree char *expected = vrGoldenReadFile(name, ".err");
    g_autofree char *err = NULL;
    g_autofree char *actual = NULL;

    if (parsed)
        fail_msg("%s: parsed, but should fail with: %s", name, expected);
    err = vrGoldenLastError();
    actual = g_strdup_printf("%s\n", err);
    if (vrGoldenRegenerate) {
        vrGoldenExpect(name, ".err", actual);
        return;
    }
    assert_string_equal(actual, expected);
}

bool
vrGoldenHasFile(const char *name, const char *suffix)
{
    g_autofree char *want = g_strconcat(name, suffix, NULL);
    guint i;

    for (i = 0; i < vr_golden_files->len; i++) {
        if (strcmp(g_ptr_array_index(vr_golden_files, i), want) == 0)
            return true;
    }
    return false;
}

GPtrArray *
vrGoldenCaseNames(void)
{
    return vr_golden_names;
}

void
vrGoldenCounterBytes(unsigned char *buf, size_t len, void *opaque)
{
    unsigned int *counter = opaque;
    size_t i;

    for (i = 0; i < len; i++)
        buf[i] = (unsigned char)((*counter)++);
}

/* List the data directory (exits when it cannot be read) and its cases:
 * NAME.xml files that are not outputs (*.out.xml). */
static void
vrGoldenListDir(void)
{
    g_autoptr(GDir) dir = g_dir_open(vrGoldenDataDir, 0, NULL);
    const char *entry;
    guint i;

    if (!dir) {
        fprintf(stderr, "cannot open data directory %s\n", vrGoldenDataDir);
        exit(EXIT_FAILURE);
    }
    vr_golden_files = g_ptr_array_new_with_free_func(g_free);
    while ((entry = g_dir_read_name(dir)))
        g_ptr_array_add(vr_golden_files, g_strdup(entry));
    g_ptr_array_sort(vr_golden_files, (GCompareFunc)g_strcmp0);
    vr_golden_names = g_ptr_array_new_with_free_func(g_free);
    for (i = 0; i < vr_golden_files->len; i++) {
        const char *file = g_ptr_array_index(vr_golden_files, i);

        if (g_str_has_suffix(file, ".xml") && !g_str_has_suffix(file, ".out.xml"))
            g_ptr_array_add(vr_golden_names,
                            g_strndup(file, strlen(file) - strlen(".xml")));
    }
}

/* Whether file is NAME.xml or NAME+one of outputs for some case NAME. */
static bool
vrGoldenFileUsed(const char *file, const char *const *outputs, size_t noutputs)
{
    guint j;
    size_t k;

    for (j = 0; j < vr_golden_names->len; j++) {
        const char *name = g_ptr_array_index(vr_golden_names, j);
        const char *rest = file + strlen(name);

        if (!g_str_has_prefix(file, name))
            continue;
        if (strcmp(rest, ".xml") == 0)
            return true;
        for (k = 0; k < noutputs; k++) {
            if (strcmp(rest, outputs[k]) == 0)
                return true;
        }
    }
    return false;
}

int
vrGoldenCountStray(const char *const *outputs, size_t noutputs)
{
    int stray = 0;
    guint i;

    for (i = 0; i < vr_golden_files->len; i++) {
        const char *file = g_ptr_array_index(vr_golden_files, i);

        if (!vrGoldenFileUsed(file, outputs, noutputs)) {
            fprintf(stderr, "# unused data file: %s\n", file);
            stray++;
        }
    }
    for (i = 0; i < vr_golden_names->len; i++) {
        const char *name = g_ptr_array_index(vr_golden_names, i);

        if (vrGoldenHasFile(name, ".err") == vrGoldenHasFile(name, ".out.xml") &&
            !vrGoldenRegenerate) {
            fprintf(stderr, "# case %s needs exactly one of .err / .out.xml\n", name);
            stray++;
        }
    }
    return stray;
}

static void
vrGoldenRunCase(void **state)
{
    const vrGoldenCase *tc = *state;
    g_autofree char *xml = vrGoldenReadFile(tc->name, ".xml");
    bool parsed;

    if (!tc->invalid) {
        vr_golden_suite->check_valid(tc, xml);
        return;
    }
    vrErrorReset();
    parsed = vr_golden_suite->parses(tc, xml);
    vrGoldenExpectError(tc->name, parsed);
}

int
vrGoldenMain(int argc, char **argv, const vrGoldenSuite *suite)
{
    g_autofree struct CMUnitTest *tests = NULL;
    g_autofree vrGoldenCase *cases = NULL;
    size_t ntests = suite->nstatics;
    guint i;
    int rc;

    vrGoldenDataDir = argc > 1 ? argv[1] : g_getenv(suite->data_env);
    vrGoldenRegenerate = g_strcmp0(g_getenv("VIREO_REGENERATE"), "1") == 0;
    if (!vrGoldenDataDir) {
        fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
        return EXIT_FAILURE;
    }
    vr_golden_suite = suite;
    vrGoldenListDir();
    cases = g_new0(vrGoldenCase, vr_golden_names->len);
    tests = g_new0(struct CMUnitTest, suite->nstatics + vr_golden_names->len);
    memcpy(tests, suite->statics, suite->nstatics * sizeof(*suite->statics));
    for (i = 0; i < vr_golden_names->len; i++) {
        cases[i].name = g_ptr_array_index(vr_golden_names, i);
        cases[i].invalid = vrGoldenHasFile(cases[i].name, ".err");
        tests[ntests].name = cases[i].name;
        tests[ntests].test_func = vrGoldenRunCase;
        tests[ntests].initial_state = &cases[i];
        ntests++;
    }
    rc = _cmocka_run_group_tests(suite->group, tests, ntests, NULL, NULL);
    g_clear_pointer(&vr_golden_names, g_ptr_array_unref);
    g_clear_pointer(&vr_golden_files, g_ptr_array_unref);
    return rc;
}
