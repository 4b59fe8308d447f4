/* Determinism of the simulated node: 200 seeds run twice each through a
 * random workload with faults give identical trace hashes (and different
 * seeds different ones); the trace's exact lines; UUIDs and MACs drawn from
 * the seed; and the pieces underneath -- the PRNG against known values, its
 * streams, durations, clock stamps and plan line splitting. */
#include "sim_test.h"

#include "sim/control.h"
#include "sim/fault.h"
#include "sim/prng.h"

#define SEEDS 200
#define STEPS 30
#define NAMES 4
#define DISTINCT_MIN 195          /* of SEEDS: seeds must matter */
#define LINES_MAX 64

static char tmpdir[] = "/tmp/vireo-sim-determinism-XXXXXX";

static const char plan_text[] =
    "domain.start prob=0.15\n"
    "domain.destroy prob=0.1\n"
    "domain.shutdown prob=0.2\n"
    "domain.suspend prob=0.1\n"
    "domain.resume prob=0.1\n"
    "domain.save prob=0.2\n"
    "domain.restore prob=0.2\n"
    "domain.define prob=0.1\n"
    "guest.crash prob=0.02\n";

static const char *const names[NAMES] = { "a", "b", "c", "test" };

static int setup(void **state)
{
    virSetErrorFunc(NULL, sim_quiet);
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[256];

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static virConnectPtr open_seeded(guint64 seed, const char *plan_src)
{
    g_autofree char *uri = g_strdup_printf("sim:///default?seed=%" G_GUINT64_FORMAT, seed);
    virConnectPtr conn = virConnectOpen(uri);

    assert_non_null(conn);
    if (plan_src) {
        vrSimFaultPlan *plan = vrSimFaultPlanNew();

        assert_int_equal(vrSimFaultPlanAddText(plan, plan_src, "plan"), 0);
        assert_int_equal(vrSimControlSetPlan(conn, plan), 0);
    }
    return conn;
}

/* Define name; every other time without a UUID, so one is generated (and
 * noted in the trace). */
static void op_define(virConnectPtr conn, const char *name, guint64 r)
{
    g_autofree char *xml = g_strdup_printf(
        "<domain type='test'><name>%s</name>%s<memory>%d</memory><vcpu>1</vcpu>"
        "<os><type>hvm</type></os><on_crash>%s</on_crash>"
        "<devices><interface type='network'><source network='default'/></interface>"
        "</devices></domain>", name,
        r & 1 ? "<uuid>11111111-2222-3333-4444-000000000001</uuid>" : "",
        (int)(1024 + (r >> 1) % 4 * 1024), r & 2 ? "restart" : "destroy");
    virDomainPtr dom = virDomainDefineXML(conn, xml);
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!dom)
        return;
    assert_int_equal(virDomainGetUUIDString(dom, uuid), 0);
    vrSimControlNote(conn, "uuid", "%s %s", name, uuid);
    virDomainFree(dom);
}

static void op_on(virConnectPtr conn, const char *dir, const char *name, int op)
{
    g_autofree char *path = g_strdup_printf("%s/%s.img", dir, name);
    virDomainPtr dom = virDomainLookupByName(conn, name);

    if (op == 9) {
        virDomainFree(dom);
        virDomainRestore(conn, path);
        return;
    }
    if (!dom)
        return;
    switch (op) {
    case 1: virDomainCreate(dom); break;
    case 2: virDomainDestroy(dom); break;
    case 3: virDomainShutdown(dom); break;
    case 4: virDomainSuspend(dom); break;
    case 5: virDomainResume(dom); break;
    case 6: virDomainSave(dom, path); break;
    case 7: virDomainUndefine(dom); break;
    case 8: vrSimControlCrash(dom); break;
    default: virDomainReboot(dom, 0); break;
    }
    virDomainFree(dom);
}

/* One run of the workload; returns the trace hash.  Files go to a fresh
 * directory, so no run sees another's images. */
static guint64 run_workload(guint64 seed, int steps, guint64 *fired)
{
    g_autofree char *dir = g_strdup_printf("%s/run-XXXXXX", tmpdir);
    virConnectPtr conn = open_seeded(seed, plan_text);
    g_autofree char *cmd = NULL;
    vrSimPrng ops;
    guint64 hash;
    int i;

    assert_non_null(g_mkdtemp(dir));
    vrSimPrngInitStream(&ops, seed, VR_SIM_STREAM_TEST);
    for (i = 0; i < steps; i++) {
        guint64 r = vrSimPrngNext(&ops);
        const char *name = names[(r >> 8) % NAMES];
        int op = (int)(r % 11);

        vrSimControlNote(conn, "op", "%d %s", op, name);
        if (op == 0)
            op_define(conn, name, r >> 16);
        else
            op_on(conn, dir, name, op);
    }
    hash = vrSimControlTraceHash(conn);
    *fired = vrSimControlFaultsFired(conn, VR_SIM_FAULT_POINT_LAST);
    virConnectClose(conn);
    cmd = g_strdup_printf("rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    return hash;
}

static void test_same_seed_same_trace(void **state)
{
    g_autoptr(GHashTable) distinct = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                                           g_free, NULL);
    guint64 total_fired = 0;
    guint64 seed;

    for (seed = 1; seed <= SEEDS; seed++) {
        guint64 fired1 = 0, fired2 = 0;
        guint64 h1 = run_workload(seed, STEPS, &fired1);
        guint64 h2 = run_workload(seed, STEPS, &fired2);

        if (h1 != h2)
            fail_msg("seed %" G_GUINT64_FORMAT ": trace hashes %016" G_GINT64_MODIFIER "x and "
                     "%016" G_GINT64_MODIFIER "x differ", seed, h1, h2);
        assert_int_equal(fired1, fired2);
        total_fired += fired1;
        g_hash_table_add(distinct, g_memdup2(&h1, sizeof(h1)));
    }
    assert_true(g_hash_table_size(distinct) >= DISTINCT_MIN);
    assert_true(total_fired > 0);
}

/* ---- the trace's lines ---- */

typedef struct {
    int n;
    char *lines[LINES_MAX];
} line_sink;

static void collect_line(const char *line, void *opaque)
{
    line_sink *sink = opaque;

    if (sink->n < LINES_MAX)
        sink->lines[sink->n] = g_strdup(line);
    sink->n++;
}

/* A fixed sequence on a node seeded with seed, its lines sent to sink;
 * returns the trace hash. */
static guint64 trace_sequence(guint64 seed, line_sink *sink)
{
    virConnectPtr conn = open_seeded(seed, NULL);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    vrSimFaultPlan *plan = vrSimFaultPlanNew();
    guint64 hash;

    assert_int_equal(vrSimFaultPlanAddText(plan, "domain.resume nth=1\n"
                                                 "domain.resume nth=2 slow delay=500ms\n",
                                           "plan"), 0);
    assert_int_equal(vrSimControlSetPlan(conn, plan), 0);
    assert_int_equal(vrSimControlSetFaultsEnabled(conn, false), 0);
    assert_int_equal(vrSimControlSetTraceSink(conn, collect_line, sink), 0);
    assert_int_equal(virDomainSuspend(dom), 0);
    assert_int_equal(virDomainResume(dom), 0);          /* faults off */
    assert_int_equal(virDomainSuspend(dom), 0);
    assert_int_equal(vrSimControlSetFaultsEnabled(conn, true), 0);
    assert_int_equal(virDomainResume(dom), -1);
    assert_int_equal(virDomainResume(dom), 0);
    assert_int_equal(vrSimControlNote(conn, "op", "note"), 0);
    assert_int_equal(vrSimControlCrash(dom), 0);
    assert_int_equal(vrSimControlTraceCount(conn), sink->n);
    hash = vrSimControlTraceHash(conn);
    virDomainFree(dom);
    virConnectClose(conn);
    return hash;
}

static void sink_clear(line_sink *sink)
{
    int i;

    for (i = 0; i < sink->n && i < LINES_MAX; i++)
        g_free(sink->lines[i]);
    sink->n = 0;
}

static void test_trace_lines(void **state)
{
    static const char *const expected[] = {
        "0.000000000 node seed=1",
        "0.000000000 state test running reason=1 id=1",
        "0.000000000 state test running reason=0 id=1",
        "0.001000000 faults off",
        "0.002000000 state test paused reason=1 id=1",
        "0.002000000 event test suspended detail=0",
        "0.003000000 state test running reason=5 id=1",
        "0.003000000 event test resumed detail=0",
        "0.004000000 state test paused reason=1 id=1",
        "0.004000000 event test suspended detail=0",
        "0.004000000 faults on",
        "0.005000000 fault domain.resume line=1 dom=test VIR_ERR_INTERNAL_ERROR "
        "delay=0.000000000",
        "0.006000000 fault domain.resume line=2 dom=test slow delay=0.500000000",
        "0.506000000 state test running reason=5 id=1",
        "0.506000000 event test resumed detail=0",
        "0.506000000 op note",
        "0.507000000 state test crashed reason=1 id=1",
        "0.507000000 event test crashed detail=0",
        "0.507000000 state test shutoff reason=3 id=-1",
        "0.507000000 event test stopped detail=2",
    };
    line_sink sink = { 0 };
    guint64 h1, h2, h3;
    int i;

    h1 = trace_sequence(1, &sink);
    for (i = 0; i < sink.n && i < LINES_MAX; i++) {
        if (i >= (int)G_N_ELEMENTS(expected) || strcmp(sink.lines[i], expected[i]) != 0)
            fail_msg("line %d: got '%s', expected '%s'", i, sink.lines[i],
                     i < (int)G_N_ELEMENTS(expected) ? expected[i] : "(end)");
    }
    assert_int_equal(sink.n, G_N_ELEMENTS(expected));
    sink_clear(&sink);
    h2 = trace_sequence(1, &sink);
    sink_clear(&sink);
    h3 = trace_sequence(2, &sink);       /* only the seed line differs */
    sink_clear(&sink);
    assert_int_equal(h1, h2);
    assert_true(h1 != h3);
}

/* ---- UUIDs and MACs ---- */

static void define_unnamed(guint64 seed, char uuid[VIR_UUID_STRING_BUFLEN], char **xml)
{
    virConnectPtr conn = open_seeded(seed, NULL);
    virDomainPtr dom = virDomainDefineXML(conn,
        "<domain type='test'><name>u</name><memory>1024</memory><vcpu>1</vcpu>"
        "<os><type>hvm</type></os><devices><interface type='network'>"
        "<source network='default'/></interface></devices></domain>");

    assert_non_null(dom);
    assert_int_equal(virDomainGetUUIDString(dom, uuid), 0);
    *xml = virDomainGetXMLDesc(dom, 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_uuids_from_seed(void **state)
{
    char a[VIR_UUID_STRING_BUFLEN], b[VIR_UUID_STRING_BUFLEN], c[VIR_UUID_STRING_BUFLEN];
    g_autofree char *xa = NULL, *xb = NULL, *xc = NULL;
    virConnectPtr conn;
    virDomainPtr dom;

    define_unnamed(5, a, &xa);
    define_unnamed(5, b, &xb);
    define_unnamed(6, c, &xc);
    assert_string_equal(a, b);
    assert_string_equal(xa, xb);          /* the MAC address too */
    assert_string_not_equal(a, c);
    assert_string_not_equal(xa, xc);
    /* with the seeded node gone, UUIDs come from the system again */
    conn = virConnectOpen(SIM_PRIVATE_URI);
    dom = virDomainDefineXML(conn, sim_domain_xml("u", NULL, 1024, 1));
    assert_non_null(dom);
    assert_int_equal(virDomainGetUUIDString(dom, b), 0);
    assert_string_not_equal(a, b);
    virDomainFree(dom);
    virConnectClose(conn);
}

static const char unnamed_xml[] =
    "<domain type='test'><name>u</name><memory>1024</memory><vcpu>1</vcpu>"
    "<os><type>hvm</type></os><devices><interface type='network'>"
    "<source network='default'/></interface></devices></domain>";

/* The UUID and XML of a domain defined without a UUID on conn. */
static void define_on(virConnectPtr conn, char uuid[VIR_UUID_STRING_BUFLEN], char **xml)
{
    virDomainPtr dom = virDomainDefineXML(conn, unnamed_xml);

    assert_non_null(dom);
    assert_int_equal(virDomainGetUUIDString(dom, uuid), 0);
    *xml = virDomainGetXMLDesc(dom, 0);
    virDomainFree(dom);
}

/* Two seeded nodes in one process: each draws from its own stream, and
 * one going away leaves the other on its stream, not the system's. */
static void test_two_seeded_nodes(void **state)
{
    char alone[VIR_UUID_STRING_BUFLEN], got[VIR_UUID_STRING_BUFLEN];
    char other[VIR_UUID_STRING_BUFLEN];
    g_autofree char *xalone = NULL, *xgot = NULL, *xother = NULL, *xagain = NULL;
    virConnectPtr a, b;

    define_unnamed(5, alone, &xalone);
    /* A opened first, B after it: A's define still draws from A's seed */
    a = open_seeded(5, NULL);
    b = open_seeded(9, NULL);
    define_on(b, other, &xother);
    define_on(a, got, &xgot);
    assert_string_equal(got, alone);
    assert_string_equal(xgot, xalone);
    assert_string_not_equal(other, alone);
    virConnectClose(a);
    virConnectClose(b);
    /* B closing while A lives: A stays on its stream */
    a = open_seeded(5, NULL);
    b = open_seeded(9, NULL);
    virConnectClose(b);
    define_on(a, got, &xagain);
    assert_string_equal(got, alone);
    assert_string_equal(xagain, xalone);
    virConnectClose(a);
}

/* ---- the pieces ---- */

static void test_prng(void **state)
{
    vrSimPrng p, q;
    int i;

    /* xoshiro256** seeded through splitmix64, computed independently */
    vrSimPrngInit(&p, 0);
    assert_int_equal(vrSimPrngNext(&p), 0x99ec5f36cb75f2b4ULL);
    assert_int_equal(vrSimPrngNext(&p), 0xbf6e1f784956452aULL);
    vrSimPrngInit(&p, 42);
    assert_int_equal(vrSimPrngNext(&p), 0x15780b2e0c2ec716ULL);
    assert_int_equal(vrSimPrngNext(&p), 0x6104d9866d113a7eULL);
    assert_int_equal(vrSimPrngNext(&p), 0xae17533239e499a1ULL);
    /* streams of one seed differ; the same stream repeats */
    vrSimPrngInitStream(&p, 42, VR_SIM_STREAM_FAULTS);
    vrSimPrngInitStream(&q, 42, VR_SIM_STREAM_UUIDS);
    assert_true(vrSimPrngNext(&p) != vrSimPrngNext(&q));
    vrSimPrngInitStream(&q, 42, VR_SIM_STREAM_FAULTS);
    vrSimPrngNext(&q);
    assert_int_equal(vrSimPrngNext(&p), vrSimPrngNext(&q));
    for (i = 0; i < 1000; i++) {
        double u = vrSimPrngUnit(&p);

        assert_true(vrSimPrngBelow(&p, 7) < 7);
        assert_int_equal(vrSimPrngBelow(&p, 1), 0);
        assert_true(u >= 0.0 && u < 1.0);
    }
    assert_int_equal(vrSimPrngBelow(&p, 0), 0);
}

static void test_durations_and_stamps(void **state)
{
    char buf[VR_SIM_CLOCK_FORMAT_BUFLEN];
    guint64 ns = 0;

    assert_string_equal(vrSimClockFormat(1234567890123ULL, buf), "1234.567890123");
    assert_string_equal(vrSimClockFormat(0, buf), "0.000000000");
    assert_int_equal(vrSimDurationParse("250ms", &ns), 0);
    assert_int_equal(ns, 250000000ULL);
    assert_int_equal(vrSimDurationParse("7ns", &ns), 0);
    assert_int_equal(ns, 7);
    assert_int_equal(vrSimDurationParse("2h", &ns), 0);
    assert_int_equal(ns, 7200000000000ULL);
    assert_int_equal(vrSimDurationParse("3us", &ns), 0);
    assert_int_equal(ns, 3000);
    assert_int_equal(vrSimDurationParse("1m", &ns), 0);
    assert_int_equal(ns, 60000000000ULL);
    assert_int_equal(vrSimDurationParse("10", &ns), -1);
    assert_int_equal(vrSimDurationParse("s", &ns), -1);
    assert_int_equal(vrSimDurationParse("1.5s", &ns), -1);
    assert_int_equal(vrSimDurationParse("10sec", &ns), -1);
    assert_int_equal(vrSimDurationParse("-1s", &ns), -1);
    assert_int_equal(vrSimDurationParse("99999999999999999999s", &ns), -1);
    assert_int_equal(vrSimDurationParse("20000000000h", &ns), -1);   /* overflows */
}

static void test_line_split(void **state)
{
    const char *problem = NULL;
    g_autoptr(GPtrArray) w = vrSimLineSplit("  a  b=\"x y\" \"q\\\"z\"  # c d", &problem);

    assert_non_null(w);
    assert_int_equal(w->len, 3);
    assert_string_equal(g_ptr_array_index(w, 0), "a");
    assert_string_equal(g_ptr_array_index(w, 1), "b=x y");
    assert_string_equal(g_ptr_array_index(w, 2), "q\"z");
    g_ptr_array_unref(g_steal_pointer(&w));
    w = vrSimLineSplit("a#b x=\"\"", &problem);
    assert_int_equal(w->len, 2);
    assert_string_equal(g_ptr_array_index(w, 0), "a#b");
    assert_string_equal(g_ptr_array_index(w, 1), "x=");
    g_ptr_array_unref(g_steal_pointer(&w));
    w = vrSimLineSplit("   # only a comment", &problem);
    assert_int_equal(w->len, 0);
    g_ptr_array_unref(g_steal_pointer(&w));
    assert_null(vrSimLineSplit("a \"b", &problem));
    assert_string_equal(problem, "unterminated quoted string");
    assert_null(vrSimLineSplit("a \"\\n\"", &problem));
    assert_string_equal(problem, "invalid escape in quoted string (only \\\" and \\\\)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_same_trace),
        cmocka_unit_test(test_trace_lines),
        cmocka_unit_test(test_uuids_from_seed),
        cmocka_unit_test(test_two_seeded_nodes),
        cmocka_unit_test(test_prng),
        cmocka_unit_test(test_durations_and_stamps),
        cmocka_unit_test(test_line_split),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
