/* Golden-file runner shared by the conf/ XML tests (domain, network,
 * storage): DATA_DIR/NAME.xml is a case, NAME.err its expected failure,
 * NAME*.out.xml its expected outputs.  Implemented in tests/conf/golden.c. */
#ifndef VR_TEST_GOLDEN_H
#define VR_TEST_GOLDEN_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <glib.h>
#include <cmocka.h>

/* One case: NAME.xml; invalid when NAME.err exists. */
typedef struct {
    char *name;
    bool invalid;
} vrGoldenCase;

/* Set by vrGoldenMain: where the data files are, and whether
 * VIREO_REGENERATE=1 asks to rewrite the expected files. */
extern const char *vrGoldenDataDir;
extern bool vrGoldenRegenerate;

/* "VIR_ERR_XXX: message" of the thread's last error (caller frees). */
char *vrGoldenLastError(void);

/* Contents of DATA_DIR/NAME+suffix; fails the test when unreadable. */
char *vrGoldenReadFile(const char *name, const char *suffix);

/* Compare actual with NAME+suffix, or write it when regenerating. */
void vrGoldenExpect(const char *name, const char *suffix, const char *actual);

/* Whether NAME+suffix was in the data directory when the run started. */
bool vrGoldenHasFile(const char *name, const char *suffix);

/* Names of the cases, sorted (owned by the runner). */
GPtrArray *vrGoldenCaseNames(void);

/* Print and count data files no case uses (a file is used when it is
 * NAME.xml or NAME+one of outputs) and cases without exactly one of
 * .err / .out.xml (unless regenerating). */
int vrGoldenCountStray(const char *const *outputs, size_t noutputs);

/* A vrUUIDSetGenerator source for predictable ids: opaque is an unsigned
 * int counter; each byte is the counter's next value. */
void vrGoldenCounterBytes(unsigned char *buf, size_t len, void *opaque);

/* A golden-file test program: its static tests and how to check a case. */
typedef struct {
    const char *group;                  /* cmocka group name */
    const char *data_env;               /* names the data dir when argv[1] does not */
    const struct CMUnitTest *statics;   /* run first */
    size_t nstatics;
    /* A case without NAME.err: check what xml (NAME.xml) formats to. */
    void (*check_valid)(const vrGoldenCase *tc, const char *xml);
    /* A case with NAME.err: whether xml parses (it must not). */
    bool (*parses)(const vrGoldenCase *tc, const char *xml);
} vrGoldenSuite;

/* Run the suite: the statics, then one test per case of the data directory
 * (argv[1] or the suite's data_env); the exit status of the run. */
int vrGoldenMain(int argc, char **argv, const vrGoldenSuite *suite);

#endif /* VR_TEST_GOLDEN_H */
