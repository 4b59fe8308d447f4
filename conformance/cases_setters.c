/* conformance/cases_setters.c: memory and vcpu setters with the CONFIG,
 * LIVE and CURRENT flags -- which definition each one changes, read back
 * through GetInfo, GetVcpusFlags and the XML -- and their argument errors. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_SMALL_KIB 524288UL
#define VRC_TINY_KIB 262144UL
#define VRC_LARGE_KIB 2097152UL
#define VRC_HUGE_KIB 4194304UL
#define VRC_VALUE_MAX 64
#define VRC_EXCLUSIVE \
    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive"

/* The <currentMemory> (or other element) value of the inactive XML. */
static int
vrcConfigValue(vrcCtx *ctx, virDomainPtr dom, const char *open, char *out, size_t len)
{
    char *xml;

    VRC_STR(ctx, xml, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    return vrcXmlValue(ctx, xml, open, "<", out, len);
}

static int
vrcExpectMemory(vrcCtx *ctx, virDomainPtr dom, unsigned long live, const char *config)
{
    virDomainInfo info;
    char val[VRC_VALUE_MAX];

    VRC_OK(ctx, virDomainGetInfo(dom, &info));
    VRC_EXPECT_INT(ctx, "info.memory", info.memory, live);
    VRC_CHECK(vrcConfigValue(ctx, dom, "<currentMemory unit='KiB'>", val, sizeof(val)));
    VRC_EXPECT_STR(ctx, "inactive <currentMemory>", val, config);
    return 0;
}

static int
vrcExpectVcpus(vrcCtx *ctx, virDomainPtr dom, int live, int config)
{
    if (live > 0)
        VRC_EXPECT_RET(ctx, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE), live);
    VRC_EXPECT_RET(ctx, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG), config);
    return 0;
}

static int
vrcMemLiveRunning(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-m1"));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, VRC_SMALL_KIB, VIR_DOMAIN_AFFECT_LIVE));
    return vrcExpectMemory(ctx, dom, VRC_SMALL_KIB, "1048576");
}

static int
vrcMemConfigRunning(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-m1"));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, VRC_SMALL_KIB, VIR_DOMAIN_AFFECT_CONFIG));
    return vrcExpectMemory(ctx, dom, VRC_MEM_KIB, "524288");
}

static int
vrcMemCurrentRunning(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-m1"));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, VRC_SMALL_KIB, VIR_DOMAIN_AFFECT_CURRENT));
    VRC_CHECK(vrcExpectMemory(ctx, dom, VRC_SMALL_KIB, "1048576"));
    VRC_OK(ctx, virDomainSetMemory(dom, VRC_TINY_KIB));
    return vrcExpectMemory(ctx, dom, VRC_TINY_KIB, "1048576");
}

static int
vrcMemCurrentInactive(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-m1", NULL));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, VRC_SMALL_KIB, VIR_DOMAIN_AFFECT_CURRENT));
    VRC_CHECK(vrcExpectMemory(ctx, dom, VRC_SMALL_KIB, "524288"));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, VRC_TINY_KIB, VIR_DOMAIN_AFFECT_CONFIG));
    VRC_CHECK(vrcExpectMemory(ctx, dom, VRC_TINY_KIB, "262144"));
    VRC_OK(ctx, virDomainCreate(dom));
    return vrcExpectMemory(ctx, dom, VRC_TINY_KIB, "262144");
}

/* libvirt's test driver (and vireo's sim) refuse LIVE|CONFIG for memory;
 * qemu accepts it (see deviations). */
static int
vrcMemLiveConfig(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-m1"));
    VRC_ERR(ctx, virDomainSetMemoryFlags(dom, VRC_SMALL_KIB,
                                         VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG),
            VIR_ERR_INVALID_ARG, VRC_EXCLUSIVE);
    return vrcExpectMemory(ctx, dom, VRC_MEM_KIB, "1048576");
}

static int
vrcMemAboveMax(vrcCtx *ctx)
{
    virDomainPtr run, off;
    const char *msg = "invalid argument: cannot set memory higher than max memory";

    VRC_NEED(run, vrcStartPersistent(ctx, "conform-m1"));
    VRC_ERR(ctx, virDomainSetMemoryFlags(run, VRC_HUGE_KIB, VIR_DOMAIN_AFFECT_LIVE),
            VIR_ERR_INVALID_ARG, msg);
    VRC_ERR(ctx, virDomainSetMemory(run, VRC_HUGE_KIB), VIR_ERR_INVALID_ARG, msg);
    VRC_CHECK(vrcExpectMemory(ctx, run, VRC_MEM_KIB, "1048576"));
    VRC_NEED(off, vrcDefine(ctx, "conform-m2", NULL));
    VRC_ERR(ctx, virDomainSetMemoryFlags(off, VRC_HUGE_KIB, VIR_DOMAIN_AFFECT_CONFIG),
            VIR_ERR_INVALID_ARG, msg);
    return vrcExpectMemory(ctx, off, VRC_MEM_KIB, "1048576");
}

static int
vrcMaxMemInactive(vrcCtx *ctx)
{
    virDomainPtr dom;
    virDomainInfo info;

    VRC_NEED(dom, vrcDefine(ctx, "conform-m1", NULL));
    VRC_OK(ctx, virDomainSetMaxMemory(dom, VRC_LARGE_KIB));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_LARGE_KIB);
    VRC_OK(ctx, virDomainGetInfo(dom, &info));
    VRC_EXPECT_INT(ctx, "info.maxMem", info.maxMem, VRC_LARGE_KIB);
    VRC_EXPECT_INT(ctx, "info.memory", info.memory, VRC_MEM_KIB);
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, VRC_HUGE_KIB,
                                        VIR_DOMAIN_MEM_MAXIMUM | VIR_DOMAIN_AFFECT_CONFIG));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_HUGE_KIB);
    return 0;
}

/* Lowering the maximum below the current size lowers the current size. */
static int
vrcMaxMemBelowCurrent(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-m1", NULL));
    VRC_OK(ctx, virDomainSetMaxMemory(dom, VRC_TINY_KIB));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_TINY_KIB);
    return vrcExpectMemory(ctx, dom, VRC_TINY_KIB, "262144");
}

static int
vrcMaxMemConfigRunning(vrcCtx *ctx)
{
    virDomainPtr dom;
    char val[VRC_VALUE_MAX];

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-m1"));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, VRC_LARGE_KIB,
                                        VIR_DOMAIN_MEM_MAXIMUM | VIR_DOMAIN_AFFECT_CONFIG));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_KIB);
    VRC_CHECK(vrcConfigValue(ctx, dom, "<memory unit='KiB'>", val, sizeof(val)));
    VRC_EXPECT_STR(ctx, "inactive <memory>", val, "2097152");
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_LARGE_KIB);
    return 0;
}

static int
vrcMemZero(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-m1"));
    VRC_ERR(ctx, virDomainSetMemory(dom, 0), VIR_ERR_INVALID_ARG,
            "memory in virDomainSetMemory must not be zero");
    VRC_ERR(ctx, virDomainSetMaxMemory(dom, 0), VIR_ERR_INVALID_ARG,
            "memory in virDomainSetMaxMemory must not be zero");
    return vrcExpectMemory(ctx, dom, VRC_MEM_KIB, "1048576");
}

static int
vrcVcpusLiveRunning(vrcCtx *ctx)
{
    virDomainPtr dom;
    virDomainInfo info;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-c1"));
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_AFFECT_LIVE));
    VRC_CHECK(vrcExpectVcpus(ctx, dom, 1, 2));
    VRC_OK(ctx, virDomainGetInfo(dom, &info));
    VRC_EXPECT_INT(ctx, "info.nrVirtCpu", info.nrVirtCpu, 1);
    return 0;
}

static int
vrcVcpusConfigRunning(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-c1"));
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_AFFECT_CONFIG));
    VRC_CHECK(vrcExpectVcpus(ctx, dom, 2, 1));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_OK(ctx, virDomainCreate(dom));
    return vrcExpectVcpus(ctx, dom, 1, 1);
}

static int
vrcVcpusLiveConfig(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-c1"));
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 1,
                                       VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG));
    return vrcExpectVcpus(ctx, dom, 1, 1);
}

static int
vrcVcpusCurrent(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-c1", NULL));
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_AFFECT_CURRENT));
    VRC_CHECK(vrcExpectVcpus(ctx, dom, 0, 1));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_AFFECT_CURRENT));
    VRC_CHECK(vrcExpectVcpus(ctx, dom, 2, 1));
    VRC_OK(ctx, virDomainSetVcpus(dom, 1));
    return vrcExpectVcpus(ctx, dom, 1, 1);
}

static int
vrcVcpusAboveMax(vrcCtx *ctx)
{
    virDomainPtr run, off;

    VRC_NEED(run, vrcStartPersistent(ctx, "conform-c1"));
    VRC_ERR(ctx, virDomainSetVcpusFlags(run, 5, VIR_DOMAIN_AFFECT_LIVE), VIR_ERR_INVALID_ARG,
            "invalid argument: requested cpu amount exceeds maximum (5 > 2)");
    VRC_CHECK(vrcExpectVcpus(ctx, run, 2, 2));
    VRC_NEED(off, vrcDefine(ctx, "conform-c2", NULL));
    VRC_ERR(ctx, virDomainSetVcpusFlags(off, 3, VIR_DOMAIN_AFFECT_CONFIG), VIR_ERR_INVALID_ARG,
            "invalid argument: requested cpu amount exceeds maximum (3 > 2)");
    return vrcExpectVcpus(ctx, off, 0, 2);
}

static int
vrcVcpusZero(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-c1"));
    VRC_ERR(ctx, virDomainSetVcpusFlags(dom, 0, VIR_DOMAIN_AFFECT_LIVE), VIR_ERR_INVALID_ARG,
            "nvcpus in virDomainSetVcpusFlags must not be zero");
    VRC_ERR(ctx, virDomainSetVcpus(dom, 0), VIR_ERR_INVALID_ARG,
            "nvcpus in virDomainSetVcpus must not be zero");
    return vrcExpectVcpus(ctx, dom, 2, 2);
}

static int
vrcVcpusMaximumConfig(vrcCtx *ctx)
{
    virDomainPtr dom;
    const unsigned int max = VIR_DOMAIN_VCPU_MAXIMUM | VIR_DOMAIN_AFFECT_CONFIG;

    VRC_NEED(dom, vrcDefine(ctx, "conform-c1", NULL));
    VRC_EXPECT_RET(ctx, virDomainGetVcpusFlags(dom, max), 2);
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 4, max));
    VRC_EXPECT_RET(ctx, virDomainGetVcpusFlags(dom, max), 4);
    VRC_CHECK(vrcExpectVcpus(ctx, dom, 0, 2));
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 3, VIR_DOMAIN_AFFECT_CONFIG));
    VRC_CHECK(vrcExpectVcpus(ctx, dom, 0, 3));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_EXPECT_RET(ctx, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE |
                                                   VIR_DOMAIN_VCPU_MAXIMUM), 4);
    return vrcExpectVcpus(ctx, dom, 3, 3);
}

/* Lowering the maximum below the current count lowers the count. */
static int
vrcVcpusMaximumBelowCurrent(vrcCtx *ctx)
{
    virDomainPtr dom;
    const unsigned int max = VIR_DOMAIN_VCPU_MAXIMUM | VIR_DOMAIN_AFFECT_CONFIG;

    VRC_NEED(dom, vrcDefine(ctx, "conform-c1", NULL));
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 1, max));
    VRC_EXPECT_RET(ctx, virDomainGetVcpusFlags(dom, max), 1);
    return vrcExpectVcpus(ctx, dom, 0, 1);
}

static int
vrcVcpusMaximumLive(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-c1"));
    VRC_ERR(ctx, virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_VCPU_MAXIMUM |
                                                VIR_DOMAIN_AFFECT_LIVE),
            VIR_ERR_INVALID_ARG,
            "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'");
    return vrcExpectVcpus(ctx, dom, 2, 2);
}

static int
vrcVcpusGetExclusive(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-c1"));
    VRC_ERR(ctx, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG),
            VIR_ERR_INVALID_ARG, VRC_EXCLUSIVE);
    return 0;
}

static int
vrcVcpusMaxRunning(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-c1", vrcPrintf(ctx,
        "<domain type='test'><name>conform-c1</name><memory>%lu</memory>"
        "<vcpu current='1'>4</vcpu><os><type>hvm</type></os></domain>", VRC_MEM_KIB)));
    VRC_OK(ctx, virDomainCreate(dom));
#if VRC_HAVE_virDomainGetMaxVcpus
    VRC_EXPECT_RET(ctx, virDomainGetMaxVcpus(dom), 4);
#endif
    VRC_EXPECT_RET(ctx, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE |
                                                   VIR_DOMAIN_VCPU_MAXIMUM), 4);
    VRC_CHECK(vrcExpectVcpus(ctx, dom, 1, 1));
    VRC_OK(ctx, virDomainSetVcpusFlags(dom, 3, VIR_DOMAIN_AFFECT_LIVE));
    return vrcExpectVcpus(ctx, dom, 3, 1);
}

typedef struct {
    int which;      /* 0 SetMemoryFlags, 1 SetVcpusFlags, 2 GetVcpusFlags */
} vrcFlagRow;

static const vrcFlagRow vrcFlagSetMem = { 0 }, vrcFlagSetVcpus = { 1 }, vrcFlagGetVcpus = { 2 };

static int
vrcSetterUnknownFlag(vrcCtx *ctx)
{
    const vrcFlagRow *row = ctx->tc->data;
    const char *msg = "unsupported flags (0x40000000) in function *";
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-c1"));
    if (row->which == 0)
        VRC_ERR(ctx, virDomainSetMemoryFlags(dom, VRC_SMALL_KIB, 1U << 30),
                VIR_ERR_INVALID_ARG, msg);
    else if (row->which == 1)
        VRC_ERR(ctx, virDomainSetVcpusFlags(dom, 1, 1U << 30), VIR_ERR_INVALID_ARG, msg);
    else
        VRC_ERR(ctx, virDomainGetVcpusFlags(dom, 1U << 30), VIR_ERR_INVALID_ARG, msg);
    VRC_CHECK(vrcExpectMemory(ctx, dom, VRC_MEM_KIB, "1048576"));
    return vrcExpectVcpus(ctx, dom, 2, 2);
}

const vrcCase vrcCasesSetters[] = {
    { "domain/600-setmem-live-running", "setters",
      "SetMemoryFlags(LIVE) changes the running size only", vrcMemLiveRunning },
    { "domain/601-setmem-config-running", "setters",
      "SetMemoryFlags(CONFIG) on a running domain changes the definition only",
      vrcMemConfigRunning },
    { "domain/602-setmem-current-running", "setters",
      "SetMemoryFlags(CURRENT) and SetMemory act live on a running domain",
      vrcMemCurrentRunning },
    { "domain/603-setmem-current-inactive", "setters",
      "CURRENT and CONFIG change an inactive definition, used at the next start",
      vrcMemCurrentInactive },
    { "domain/604-setmem-live-config", "setters",
      "SetMemoryFlags(LIVE|CONFIG) fails with VIR_ERR_INVALID_ARG (test driver)",
      vrcMemLiveConfig },
    { "domain/605-setmem-above-max", "setters",
      "memory above the maximum fails with VIR_ERR_INVALID_ARG, live and config",
      vrcMemAboveMax },
    { "domain/606-setmaxmem-inactive", "setters",
      "SetMaxMemory and MEM_MAXIMUM|CONFIG raise an inactive maximum", vrcMaxMemInactive },
    { "domain/607-setmaxmem-below-current", "setters",
      "a maximum below the current size lowers the current size", vrcMaxMemBelowCurrent },
    { "domain/608-setmaxmem-config-running", "setters",
      "MEM_MAXIMUM|CONFIG on a running domain applies at the next start",
      vrcMaxMemConfigRunning },
    { "domain/609-setmem-zero", "setters",
      "SetMemory / SetMaxMemory of 0 fail with VIR_ERR_INVALID_ARG", vrcMemZero },
    { "domain/620-setvcpus-live-running", "setters",
      "SetVcpusFlags(LIVE) changes the running count only", vrcVcpusLiveRunning },
    { "domain/621-setvcpus-config-running", "setters",
      "SetVcpusFlags(CONFIG) applies at the next start", vrcVcpusConfigRunning },
    { "domain/622-setvcpus-live-config", "setters",
      "SetVcpusFlags(LIVE|CONFIG) changes both", vrcVcpusLiveConfig },
    { "domain/623-setvcpus-current", "setters",
      "CURRENT means CONFIG when inactive and LIVE when running; SetVcpus is live",
      vrcVcpusCurrent },
    { "domain/624-setvcpus-above-max", "setters",
      "a count above the maximum fails with VIR_ERR_INVALID_ARG", vrcVcpusAboveMax },
    { "domain/625-setvcpus-zero", "setters",
      "a count of 0 fails with VIR_ERR_INVALID_ARG", vrcVcpusZero },
    { "domain/626-setvcpus-maximum-config", "setters",
      "VCPU_MAXIMUM|CONFIG raises the maximum, current count unchanged",
      vrcVcpusMaximumConfig },
    { "domain/627-setvcpus-maximum-below-current", "setters",
      "a maximum below the current count lowers the count", vrcVcpusMaximumBelowCurrent },
    { "domain/628-setvcpus-maximum-live", "setters",
      "VCPU_MAXIMUM without CONFIG fails with VIR_ERR_INVALID_ARG", vrcVcpusMaximumLive },
    { "domain/629-getvcpus-live-config", "setters",
      "GetVcpusFlags(LIVE|CONFIG) fails with VIR_ERR_INVALID_ARG", vrcVcpusGetExclusive },
    { "domain/630-getmaxvcpus-running", "setters",
      "GetMaxVcpus / GetVcpusFlags(LIVE|MAXIMUM) is the <vcpu> maximum; LIVE up to it works",
      vrcVcpusMaxRunning },
    { "domain/640-setmem-unknown-flag", "setters",
      "SetMemoryFlags with an unknown flag fails with VIR_ERR_INVALID_ARG, changes nothing",
      vrcSetterUnknownFlag, 0, &vrcFlagSetMem },
    { "domain/641-setvcpus-unknown-flag", "setters",
      "SetVcpusFlags with an unknown flag fails with VIR_ERR_INVALID_ARG, changes nothing",
      vrcSetterUnknownFlag, 0, &vrcFlagSetVcpus },
    { "domain/642-getvcpus-unknown-flag", "setters",
      "GetVcpusFlags with an unknown flag fails with VIR_ERR_INVALID_ARG",
      vrcSetterUnknownFlag, 0, &vrcFlagGetVcpus },
};
const size_t vrcCasesSettersCount = VRC_COUNT(vrcCasesSetters);
