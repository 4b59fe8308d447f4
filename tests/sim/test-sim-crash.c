/* Crash consistency of a node's state directory: a child process drives a
 * node on the directory and is killed with SIGKILL at an arbitrary moment;
 * the node opened again finds every domain as the calls that returned left
 * it (the call in flight either happened or did not), with no leftover
 * temporary file, while another process using the directory is refused. */
#include "sim_test.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>

#include "sim/prng.h"

#define ROUNDS 40
#define NAMES 4                    /* p0..p3 persistent, t0..t3 transient */
#define KILL_AFTER_MIN 3           /* calls the child completes before the kill */
#define KILL_AFTER_SPAN 40
#define CHILD_OPS_MAX 100000

typedef enum { OP_DEFINE, OP_UNDEFINE, OP_START, OP_CREATE, OP_DESTROY, OP_SUSPEND,
               OP_RESUME, OP_LAST } op_kind;

typedef enum { ST_ABSENT, ST_OFF, ST_RUN, ST_PAUSED } dom_state;

typedef struct {
    dom_state state;
    bool persistent;
} dom_model;

typedef struct {
    op_kind kind;
    bool transient;                /* a t name (create) or a p name */
    int index;
} op_t;

typedef struct {
    guint32 index;
    gint32 ok;
} record_t;

static char tmpdir[] = "/tmp/vireo-sim-crash-XXXXXX";

static int setup(void **state)
{
    virSetErrorFunc(NULL, sim_quiet);
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", tmpdir);

    return system(cmd) == 0 ? 0 : -1;
}

static char *dir_uri(const char *dir)
{
    return g_strdup_printf("sim:///default?statedir=%s", dir);
}

/* The round's operations: the child runs them, the parent models them. */
static op_t op_at(guint64 round, guint32 i)
{
    vrSimPrng prng;
    guint32 k;
    op_t op = { 0 };

    vrSimPrngInitStream(&prng, round * CHILD_OPS_MAX + i, VR_SIM_STREAM_TEST);
    op.kind = (op_kind)vrSimPrngBelow(&prng, OP_LAST);
    op.index = (int)vrSimPrngBelow(&prng, NAMES);
    k = (guint32)vrSimPrngBelow(&prng, 2);
    /* define, undefine and start are for p names, create for t names */
    op.transient = op.kind == OP_CREATE ||
                   (op.kind >= OP_DESTROY && k == 1);
    return op;
}

static char *op_name(const op_t *op)
{
    return g_strdup_printf("%c%d", op->transient ? 't' : 'p', op->index);
}

static char *op_xml(const op_t *op)
{
    g_autofree char *name = op_name(op);

    return g_strdup_printf("<domain type='test'><name>%s</name>"
                           "<uuid>00000000-0000-4000-8000-0000000000%c%d</uuid>"
                           "<memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os>"
                           "</domain>", name, op->transient ? '1' : '0', op->index);
}

/* Run op in the child: 1 when it succeeded. */
static int op_run(virConnectPtr conn, const op_t *op)
{
    g_autofree char *name = op_name(op);
    g_autofree char *xml = op_xml(op);
    virDomainPtr dom = NULL;
    int rc = -1;

    if (op->kind == OP_DEFINE || op->kind == OP_CREATE) {
        dom = op->kind == OP_DEFINE ? virDomainDefineXML(conn, xml)
                                    : virDomainCreateXML(conn, xml, 0);
        rc = dom ? 0 : -1;
    } else if ((dom = virDomainLookupByName(conn, name))) {
        switch (op->kind) {
        case OP_UNDEFINE: rc = virDomainUndefine(dom); break;
        case OP_START: rc = virDomainCreate(dom); break;
        case OP_DESTROY: rc = virDomainDestroy(dom); break;
        case OP_SUSPEND: rc = virDomainSuspend(dom); break;
        case OP_RESUME: rc = virDomainResume(dom); break;
        default: break;
        }
    }
    if (dom)
        virDomainFree(dom);
    return rc == 0;
}

/* The model after op: false when the sim must refuse it. */
static bool op_apply(dom_model *m, const op_t *op)
{
    bool active = m->state == ST_RUN || m->state == ST_PAUSED;

    switch (op->kind) {
    case OP_DEFINE:
        if (m->state == ST_ABSENT)
            m->state = ST_OFF;
        m->persistent = true;
        return true;
    case OP_UNDEFINE:
        /* libvirt's test driver lets a transient domain be "undefined" */
        if (m->state == ST_ABSENT)
            return false;
        m->persistent = false;
        if (!active)
            m->state = ST_ABSENT;
        return true;
    case OP_START:
        if (m->state != ST_OFF)
            return false;
        m->state = ST_RUN;
        return true;
    case OP_CREATE:
        if (m->state != ST_ABSENT)
            return false;
        m->state = ST_RUN;
        return true;
    case OP_DESTROY:
        if (!active)
            return false;
        m->state = m->persistent ? ST_OFF : ST_ABSENT;
        return true;
    case OP_SUSPEND:
    case OP_RESUME:
        if (m->state != (op->kind == OP_SUSPEND ? ST_RUN : ST_PAUSED))
            return false;
        m->state = op->kind == OP_SUSPEND ? ST_PAUSED : ST_RUN;
        return true;
    case OP_LAST:
        break;
    }
    return false;
}

static dom_model *model_of(dom_model models[2][NAMES], const op_t *op)
{
    return &models[op->transient][op->index];
}

/* The domains of the node on dir, as the model sees them; "test" must be
 * running as the fresh node had it. */
static void read_node(const char *dir, dom_model models[2][NAMES])
{
    g_autofree char *uri = dir_uri(dir);
    virConnectPtr conn = virConnectOpen(uri);
    virDomainPtr dom;
    int t, i;

    assert_non_null(conn);
    dom = virDomainLookupByName(conn, "test");
    assert_non_null(dom);
    assert_int_equal(virDomainIsActive(dom), 1);
    virDomainFree(dom);
    for (t = 0; t < 2; t++) {
        for (i = 0; i < NAMES; i++) {
            g_autofree char *name = g_strdup_printf("%c%d", t ? 't' : 'p', i);
            int state = -1, reason = -1;
            dom_model *m = &models[t][i];

            if (!(dom = virDomainLookupByName(conn, name))) {
                assert_int_equal(virGetLastError()->code, VIR_ERR_NO_DOMAIN);
                m->state = ST_ABSENT;
                m->persistent = false;
                continue;
            }
            assert_int_equal(virDomainGetState(dom, &state, &reason, 0), 0);
            m->state = state == VIR_DOMAIN_SHUTOFF ? ST_OFF :
                       state == VIR_DOMAIN_PAUSED ? ST_PAUSED : ST_RUN;
            assert_true(state == VIR_DOMAIN_SHUTOFF || state == VIR_DOMAIN_PAUSED ||
                        state == VIR_DOMAIN_RUNNING);
            m->persistent = virDomainIsPersistent(dom) == 1;
            virDomainFree(dom);
        }
    }
    assert_int_equal(virConnectClose(conn), 0);
}

static G_GNUC_NORETURN void child_main(const char *dir, guint64 round, int fd)
{
    g_autofree char *uri = dir_uri(dir);
    virConnectPtr conn = virConnectOpen(uri);
    guint32 i;

    if (!conn)
        _exit(3);
    for (i = 0; i < CHILD_OPS_MAX; i++) {
        op_t op = op_at(round, i);
        record_t rec = { i, op_run(conn, &op) };

        if (write(fd, &rec, sizeof(rec)) != sizeof(rec))
            _exit(4);
    }
    _exit(0);
}

/* Every *.new under dir (a write the crash interrupted). */
static int count_temp_files(const char *dir)
{
    g_autofree char *cmd = g_strdup_printf("find '%s' -name '*.new' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;

    assert_non_null(p);
    assert_int_equal(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

/* Read records until n have come (n 0: until the end); the model follows
 * every call that returned.  Returns how many were read. */
static guint32 follow(int fd, guint64 round, guint32 done, guint32 n,
                      dom_model models[2][NAMES])
{
    record_t rec;

    while ((n == 0 || done < n) && read(fd, &rec, sizeof(rec)) == sizeof(rec)) {
        op_t op = op_at(round, rec.index);
        bool ok;

        assert_int_equal(rec.index, done);
        ok = op_apply(model_of(models, &op), &op);
        /* the model and the sim agree on what is refused */
        if (ok != (rec.ok != 0))
            fprintf(stderr, "op %u (kind %d on %c%d): model %d, sim %d\n", rec.index,
                    op.kind, op.transient ? 't' : 'p', op.index, ok, rec.ok);
        assert_int_equal(ok, rec.ok);
        done++;
    }
    return done;
}

static void assert_models(dom_model want[2][NAMES], dom_model got[2][NAMES],
                          const op_t *inflight, const dom_model *inflight_after)
{
    int t, i;

    for (t = 0; t < 2; t++) {
        for (i = 0; i < NAMES; i++) {
            const dom_model *g = &got[t][i];
            const dom_model *w = &want[t][i];
            bool same = g->state == w->state && g->persistent == w->persistent;

            if (!same && inflight->transient == t && inflight->index == i)
                same = g->state == inflight_after->state &&
                       g->persistent == inflight_after->persistent;
            if (!same)
                fprintf(stderr, "%c%d: state %d persistent %d, expected %d %d\n",
                        t ? 't' : 'p', i, g->state, g->persistent, w->state,
                        w->persistent);
            assert_true(same);
        }
    }
}

static void test_kill_and_reopen(void **state)
{
    g_autofree char *dir = g_build_filename(tmpdir, "state", NULL);
    g_autofree char *uri = dir_uri(dir);
    g_autofree char *busy = g_strdup_printf("Requested operation is not valid: state "
                                            "directory '%s' is in use by another node",
                                            dir);
    vrSimPrng prng;
    guint64 round;

    vrSimPrngInitStream(&prng, 1, VR_SIM_STREAM_TEST);
    for (round = 0; round < ROUNDS; round++) {
        dom_model models[2][NAMES], got[2][NAMES], after;
        guint32 kill_after = KILL_AFTER_MIN + (guint32)vrSimPrngBelow(&prng, KILL_AFTER_SPAN);
        guint32 done;
        int fds[2], status;
        op_t inflight;
        pid_t pid;

        read_node(dir, models);
        assert_int_equal(count_temp_files(dir), 0);
        assert_int_equal(pipe(fds), 0);
        if ((pid = fork()) == 0) {
            close(fds[0]);
            child_main(dir, round, fds[1]);
        }
        assert_true(pid > 0);
        close(fds[1]);
        done = follow(fds[0], round, 0, kill_after, models);
        assert_int_equal(done, kill_after);
        if (round == 0) {
            /* the directory is the child's while it lives */
            assert_null(virConnectOpen(uri));
            sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, busy);
        }
        assert_int_equal(kill(pid, SIGKILL), 0);
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        done = follow(fds[0], round, done, 0, models);
        close(fds[0]);
        /* the call in flight may or may not have reached the disk */
        inflight = op_at(round, done);
        after = *model_of(models, &inflight);
        op_apply(&after, &inflight);
        read_node(dir, got);
        assert_models(models, got, &inflight, &after);
    }
    assert_int_equal(count_temp_files(dir), 0);
}

/* A write the process never finished leaves FILE.new beside FILE: the
 * reopened node ignores its content and removes it. */
static void test_leftover_temp_files(void **state)
{
    g_autofree char *dir = g_build_filename(tmpdir, "leftover", NULL);
    g_autofree char *uri = dir_uri(dir);
    g_autofree char *junk1 = g_build_filename(dir, "test.xml.new", NULL);
    g_autofree char *junk2 = g_build_filename(dir, "ghost.xml.new", NULL);
    g_autofree char *junk3 = g_build_filename(dir, "run", "test.xml.new", NULL);
    g_autofree char *before = NULL, *after = NULL;
    g_autofree char *path = g_build_filename(dir, "test.xml", NULL);
    virConnectPtr conn = virConnectOpen(uri);
    virDomainPtr dom;

    assert_non_null(conn);
    assert_int_equal(virConnectClose(conn), 0);
    assert_true(g_file_get_contents(path, &before, NULL, NULL));
    assert_true(g_file_set_contents(junk1, "<domain><name>te", -1, NULL));
    assert_true(g_file_set_contents(junk2, "<domain type='test'><name>ghost</name>"
                                    "<memory>1024</memory><os><type>hvm</type></os>"
                                    "</domain>", -1, NULL));
    assert_true(g_file_set_contents(junk3, "", -1, NULL));
    conn = virConnectOpen(uri);
    assert_non_null(conn);
    assert_null(virDomainLookupByName(conn, "ghost"));
    assert_non_null(dom = virDomainLookupByName(conn, "test"));
    assert_int_equal(virDomainIsActive(dom), 1);
    virDomainFree(dom);
    assert_int_equal(virConnectClose(conn), 0);
    assert_false(g_file_test(junk1, G_FILE_TEST_EXISTS));
    assert_false(g_file_test(junk2, G_FILE_TEST_EXISTS));
    assert_false(g_file_test(junk3, G_FILE_TEST_EXISTS));
    assert_true(g_file_get_contents(path, &after, NULL, NULL));
    assert_string_equal(before, after);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kill_and_reopen),
        cmocka_unit_test(test_leftover_temp_files),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
