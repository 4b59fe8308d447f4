/* vireo-bench: throughput and latency of common API calls on test:///default.
 * Written only against libvirt's public API, so the same source builds
 * against vireo (vireo-bench) and against libvirt (vireo-bench-libvirt). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#ifndef BENCH_TARGET
# define BENCH_TARGET "unknown"
#endif

#define BENCH_DEFAULT_URI "test:///default"
#define BENCH_DEFAULT_SECONDS 1.5
#define BENCH_MAX_SECONDS 60.0
#define BENCH_LIST_DOMAINS 1000
#define BENCH_STR(x) #x
#define BENCH_XSTR(x) BENCH_STR(x)
#define BENCH_NAME_MAX 64
#define BENCH_XML_MAX 512
#define BENCH_NS_PER_S 1000000000.0
#define BENCH_MS_PER_S 1000.0

#define BENCH_XML_FMT \
    "<domain type='test'>" \
    "<name>%s</name>" \
    "<memory unit='KiB'>131072</memory>" \
    "<vcpu>1</vcpu>" \
    "<os><type arch='x86_64'>hvm</type></os>" \
    "</domain>"

typedef enum {
    BENCH_OUTPUT_TABLE,
    BENCH_OUTPUT_TSV,
    BENCH_OUTPUT_TAP,   /* a smoke test: one TAP case per benchmark */
} BenchOutput;

typedef struct {
    const char *uri;
    double seconds;
    BenchOutput output;
} BenchOptions;

typedef struct {
    const char *name;
    const char *unit;
    double value;
} BenchResult;

/* One measured operation: performs a single iteration, 0 on success. */
typedef int (*BenchStep)(virConnectPtr conn, void *opaque);

static void
quietErrorHandler(void *userdata, virErrorPtr err)
{
    (void)userdata;
    (void)err;
}

static double
nowSeconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / BENCH_NS_PER_S;
}

static int
failed(const char *what)
{
    const char *msg = virGetLastErrorMessage();

    fprintf(stderr, "vireo-bench: %s failed: %s\n", what, msg ? msg : "unknown error");
    return -1;
}

static void
formatXML(char *buf, size_t buflen, const char *name)
{
    snprintf(buf, buflen, BENCH_XML_FMT, name);
}

/* Runs step until `seconds` of wall time have passed; stores the number of
 * iterations per second in *rate. */
static int
measureRate(virConnectPtr conn, BenchStep step, void *opaque, double seconds,
            double *rate)
{
    double start = nowSeconds();
    double elapsed = 0;
    unsigned long long iterations = 0;

    do {
        if (step(conn, opaque) < 0)
            return -1;
        iterations++;
        elapsed = nowSeconds() - start;
    } while (elapsed < seconds);
    *rate = iterations / elapsed;
    return 0;
}

static int
stepDefineUndefine(virConnectPtr conn, void *opaque)
{
    const char *xml = opaque;
    virDomainPtr dom = virDomainDefineXML(conn, xml);
    int ret = 0;

    if (!dom)
        return failed("virDomainDefineXML");
    if (virDomainUndefine(dom) < 0)
        ret = failed("virDomainUndefine");
    virDomainFree(dom);
    return ret;
}

static int
stepGetXMLDesc(virConnectPtr conn, void *opaque)
{
    virDomainPtr dom = opaque;
    char *xml = virDomainGetXMLDesc(dom, 0);

    (void)conn;
    if (!xml)
        return failed("virDomainGetXMLDesc");
    free(xml);
    return 0;
}

static int
stepListAll(virConnectPtr conn, void *opaque)
{
    virDomainPtr *domains = NULL;
    int n = virConnectListAllDomains(conn, &domains, 0);
    int *expected = opaque;
    int i;

    if (n < 0)
        return failed("virConnectListAllDomains");
    for (i = 0; i < n; i++)
        virDomainFree(domains[i]);
    free(domains);
    if (n != *expected) {
        fprintf(stderr, "vireo-bench: listed %d domains, expected %d\n", n, *expected);
        return -1;
    }
    return 0;
}

static int
stepLifecycle(virConnectPtr conn, void *opaque)
{
    const char *xml = opaque;
    virDomainPtr dom = virDomainDefineXML(conn, xml);
    int ret = -1;

    if (!dom)
        return failed("virDomainDefineXML");
    if (virDomainCreate(dom) < 0)
        failed("virDomainCreate");
    else if (virDomainSuspend(dom) < 0)
        failed("virDomainSuspend");
    else if (virDomainResume(dom) < 0)
        failed("virDomainResume");
    else if (virDomainDestroy(dom) < 0)
        failed("virDomainDestroy");
    else if (virDomainUndefine(dom) < 0)
        failed("virDomainUndefine");
    else
        ret = 0;
    virDomainFree(dom);
    return ret;
}

static int
benchDefine(virConnectPtr conn, const BenchOptions *opts, BenchResult *res)
{
    char xml[BENCH_XML_MAX];

    res->name = "define+undefine";
    res->unit = "ops/s";
    formatXML(xml, sizeof(xml), "bench-define");
    return measureRate(conn, stepDefineUndefine, xml, opts->seconds, &res->value);
}

static int
benchGetXML(virConnectPtr conn, const BenchOptions *opts, BenchResult *res)
{
    virDomainPtr dom;
    int ret;

    res->name = "get-xml-desc";
    res->unit = "ops/s";
    if (!(dom = virDomainLookupByName(conn, "test")))
        return failed("virDomainLookupByName(test)");
    ret = measureRate(conn, stepGetXMLDesc, dom, opts->seconds, &res->value);
    virDomainFree(dom);
    return ret;
}

/* Defines (define != 0) or undefines BENCH_LIST_DOMAINS domains
 * bench-list-NNNN. */
static int
populate(virConnectPtr conn, int define)
{
    char name[BENCH_NAME_MAX];
    char xml[BENCH_XML_MAX];
    virDomainPtr dom;
    int i;

    for (i = 0; i < BENCH_LIST_DOMAINS; i++) {
        snprintf(name, sizeof(name), "bench-list-%04d", i);
        if (define) {
            formatXML(xml, sizeof(xml), name);
            dom = virDomainDefineXML(conn, xml);
        } else {
            dom = virDomainLookupByName(conn, name);
        }
        if (!dom)
            return failed(define ? "virDomainDefineXML" : "virDomainLookupByName");
        if (!define && virDomainUndefine(dom) < 0) {
            virDomainFree(dom);
            return failed("virDomainUndefine");
        }
        virDomainFree(dom);
    }
    return 0;
}

static int
benchListAll(virConnectPtr conn, const BenchOptions *opts, BenchResult *res)
{
    int active = virConnectNumOfDomains(conn);
    int inactive = virConnectNumOfDefinedDomains(conn);
    int expected = active + inactive + BENCH_LIST_DOMAINS;
    double rate = 0;
    int ret;

    res->name = "list-all-domains (" BENCH_XSTR(BENCH_LIST_DOMAINS) " defined)";
    res->unit = "ms/call";
    if (active < 0 || inactive < 0)
        return failed("counting domains");
    if (populate(conn, 1) < 0)
        return -1;
    ret = measureRate(conn, stepListAll, &expected, opts->seconds, &rate);
    if (populate(conn, 0) < 0)
        return -1;
    res->value = rate > 0 ? BENCH_MS_PER_S / rate : 0;
    return ret;
}

static int
benchLifecycle(virConnectPtr conn, const BenchOptions *opts, BenchResult *res)
{
    char xml[BENCH_XML_MAX];

    res->name = "lifecycle (define..undefine)";
    res->unit = "cycles/s";
    formatXML(xml, sizeof(xml), "bench-cycle");
    return measureRate(conn, stepLifecycle, xml, opts->seconds, &res->value);
}

static void
printResult(const BenchOptions *opts, size_t index, int ok, const BenchResult *res)
{
    switch (opts->output) {
    case BENCH_OUTPUT_TAP:
        printf("%s %zu - %s (%.3f %s)\n", ok ? "ok" : "not ok", index + 1,
               res->name, res->value, res->unit);
        break;
    case BENCH_OUTPUT_TSV:
        if (ok)
            printf("%s\t%.6g\t%s\n", res->name, res->value, res->unit);
        break;
    case BENCH_OUTPUT_TABLE:
        if (ok)
            printf("%-34s %14.3f  %s\n", res->name, res->value, res->unit);
        break;
    }
    fflush(stdout);
}

static void
usage(FILE *out)
{
    fprintf(out,
            "usage: vireo-bench [--uri URI] [--seconds S] [--tsv | --tap]\n"
            "  --uri URI     connection to measure (default %s)\n"
            "  --seconds S   time spent on each measurement (default %.1f)\n"
            "  --tsv         print name<TAB>value<TAB>unit lines only\n"
            "  --tap         print TAP, one case per benchmark (smoke test)\n",
            BENCH_DEFAULT_URI, BENCH_DEFAULT_SECONDS);
}

static int
parseArgs(int argc, char **argv, BenchOptions *opts)
{
    int i;
    char *end;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--tsv") == 0) {
            opts->output = BENCH_OUTPUT_TSV;
        } else if (strcmp(argv[i], "--tap") == 0) {
            opts->output = BENCH_OUTPUT_TAP;
        } else if (strcmp(argv[i], "--uri") == 0 && i + 1 < argc) {
            opts->uri = argv[++i];
        } else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            errno = 0;
            opts->seconds = strtod(argv[++i], &end);
            if (errno || *end || !(opts->seconds > 0) ||
                opts->seconds > BENCH_MAX_SECONDS) {
                fprintf(stderr, "vireo-bench: --seconds wants a number in (0, %.0f]\n",
                        BENCH_MAX_SECONDS);
                return -1;
            }
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            exit(EXIT_SUCCESS);
        } else {
            usage(stderr);
            return -1;
        }
    }
    return 0;
}

int
main(int argc, char **argv)
{
    static int (*const benches[])(virConnectPtr, const BenchOptions *, BenchResult *) = {
        benchDefine, benchGetXML, benchListAll, benchLifecycle,
    };
    const size_t nbenches = sizeof(benches) / sizeof(benches[0]);
    BenchOptions opts = { BENCH_DEFAULT_URI, BENCH_DEFAULT_SECONDS, BENCH_OUTPUT_TABLE };
    virConnectPtr conn;
    size_t i;
    int ret = EXIT_SUCCESS;

    if (parseArgs(argc, argv, &opts) < 0)
        return EXIT_FAILURE;
    if (opts.output == BENCH_OUTPUT_TAP)
        printf("1..%zu\n", nbenches);
    virSetErrorFunc(NULL, quietErrorHandler);
    if (!(conn = virConnectOpen(opts.uri))) {
        failed("virConnectOpen");
        return EXIT_FAILURE;
    }
    if (opts.output == BENCH_OUTPUT_TABLE) {
        printf("vireo-bench: %s library, %s, %.1f s per measurement\n",
               BENCH_TARGET, opts.uri, opts.seconds);
        printf("%-34s %14s  %s\n", "benchmark", "value", "unit");
    }
    for (i = 0; i < nbenches; i++) {
        BenchResult res = { "", "", 0 };
        int ok = ret == EXIT_SUCCESS && benches[i](conn, &opts, &res) == 0;

        if (!ok)
            ret = EXIT_FAILURE;
        printResult(&opts, i, ok, &res);
    }
    virConnectClose(conn);
    return ret;
}
