/* Commands that read or change a domain's memory and vCPU allocation:
 * setmem, setmaxmem, setvcpus and vcpucount. */
#include "shell.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* Sizes given to setmem/setmaxmem default to KiB. */
#define VR_SH_KIB 1024ULL
/* vcpucount's all-counts table: "%-12s %-12s %3d". */
#define VR_SH_VCPU_COL_WIDTH 12

/* Reads --config/--live/--current into affect flags.  *flags is -1 when
 * none was given (use the old APIs).  False after reporting a conflict. */
static bool
vrShAffectFlags(vrShCtl *ctl, const vrShCmd *cmd, int *flags)
{
    bool config = vrShOptBool(cmd, "config");
    bool live = vrShOptBool(cmd, "live");
    bool current = vrShOptBool(cmd, "current");

    if (!vrShExclusive(ctl, cmd, "current", "live") ||
        !vrShExclusive(ctl, cmd, "current", "config"))
        return false;
    *flags = VIR_DOMAIN_AFFECT_CURRENT;
    if (config)
        *flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (live)
        *flags |= VIR_DOMAIN_AFFECT_LIVE;
    if (!current && !live && !config)
        *flags = -1;
    return true;
}


/* The --size option in KiB, rounded up. */
static bool
vrShOptSizeKiB(vrShCtl *ctl, const vrShCmd *cmd, unsigned long *kib)
{
    unsigned long long bytes = 0;
    unsigned long long max = ULONG_MAX;

    if (sizeof(unsigned long) < sizeof(unsigned long long))
        max = VR_SH_KIB * ULONG_MAX;
    if (vrShOptScaled(ctl, cmd, "size", &bytes, VR_SH_KIB, max) < 0)
        return false;
    *kib = (unsigned long)((bytes + VR_SH_KIB - 1) / VR_SH_KIB);
    return true;
}


static bool
cmdSetmem(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long kib;
    int flags;

    if (!vrShAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYANY)))
        return false;
    if (!vrShOptSizeKiB(ctl, cmd, &kib))
        return false;
    /* virsh 9.0 calls the Flags form even without --config/--live/--current
     * (with AFFECT_CURRENT), so its errors name virDomainSetMemoryFlags */
    return virDomainSetMemoryFlags(dom, kib, flags == -1 ? VIR_DOMAIN_AFFECT_CURRENT
                                                         : (unsigned int)flags) == 0;
}


static const vrShOptDef opts_setmem[] = {
    VR_SH_OPT_DOMAIN_FULL,
    {.name = "kilobytes", .type = VR_SH_OT_ALIAS, .help = "size"},
    {.name = "size", .type = VR_SH_OT_INT, .flags = VR_SH_OFLAG_REQ,
     .help = "new memory size, as scaled integer (default KiB)"},
    VR_SH_OPT_BOOL("config", "affect next boot"),
    VR_SH_OPT_BOOL("live", "affect running domain"),
    VR_SH_OPT_BOOL("current", "affect current domain"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdSetmem = {
    .name = "setmem", .handler = cmdSetmem, .opts = opts_setmem,
    .help = "change memory allocation",
    .desc = "Change the current memory allocation in the guest domain.",
};


static bool
cmdSetmaxmem(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long kib;
    int flags;
    int rc;

    if (!vrShAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYANY)))
        return false;
    if (!vrShOptSizeKiB(ctl, cmd, &kib))
        return false;
    /* as setmem: always the Flags form, as virsh 9.0 */
    if (flags == -1)
        flags = VIR_DOMAIN_AFFECT_CURRENT;
    rc = virDomainSetMemoryFlags(dom, kib, (unsigned int)flags | VIR_DOMAIN_MEM_MAXIMUM);
    if (rc < 0) {
        vrShError(ctl, "%s", "Unable to change MaxMemorySize");
        return false;
    }
    return true;
}


static const vrShOptDef opts_setmaxmem[] = {
    VR_SH_OPT_DOMAIN_FULL,
    {.name = "kilobytes", .type = VR_SH_OT_ALIAS, .help = "size"},
    {.name = "size", .type = VR_SH_OT_INT, .flags = VR_SH_OFLAG_REQ,
     .help = "new maximum memory size, as scaled integer (default KiB)"},
    VR_SH_OPT_BOOL("config", "affect next boot"),
    VR_SH_OPT_BOOL("live", "affect running domain"),
    VR_SH_OPT_BOOL("current", "affect current domain"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdSetmaxmem = {
    .name = "setmaxmem", .handler = cmdSetmaxmem, .opts = opts_setmaxmem,
    .help = "change maximum memory limit",
    .desc = "Change the maximum memory allocation limit in the guest domain.",
};


static bool
cmdSetvcpus(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool current = vrShOptBool(cmd, "current");
    unsigned int flags = VIR_DOMAIN_AFFECT_CURRENT;
    unsigned int count = 0;

    if (!vrShExclusive(ctl, cmd, "current", "live") ||
        !vrShExclusive(ctl, cmd, "current", "config") ||
        !vrShExclusive(ctl, cmd, "guest", "config") ||
        !vrShRequires(ctl, cmd, "maximum", "config"))
        return false;
    if (vrShOptBool(cmd, "config"))
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (vrShOptBool(cmd, "live"))
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    if (vrShOptBool(cmd, "guest"))
        flags |= VIR_DOMAIN_VCPU_GUEST;
    if (vrShOptBool(cmd, "maximum"))
        flags |= VIR_DOMAIN_VCPU_MAXIMUM;
    if (vrShOptBool(cmd, "hotpluggable"))
        flags |= VIR_DOMAIN_VCPU_HOTPLUGGABLE;

    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYANY)))
        return false;
    if (vrShOptUInt(ctl, cmd, "count", &count) < 0)
        return false;
    if (count == 0) {
        vrShError(ctl, "%s", "Can't set 0 processors for a VM");
        return false;
    }
    if (!current && flags == 0)
        return virDomainSetVcpus(dom, count) == 0;
    return virDomainSetVcpusFlags(dom, count, flags) == 0;
}


static const vrShOptDef opts_setvcpus[] = {
    VR_SH_OPT_DOMAIN_FULL,
    {.name = "count", .type = VR_SH_OT_INT, .flags = VR_SH_OFLAG_REQ,
     .help = "number of virtual CPUs"},
    VR_SH_OPT_BOOL("maximum", "set maximum limit on next boot"),
    VR_SH_OPT_BOOL("config", "affect next boot"),
    VR_SH_OPT_BOOL("live", "affect running domain"),
    VR_SH_OPT_BOOL("current", "affect current domain"),
    VR_SH_OPT_BOOL("guest", "modify cpu state in the guest"),
    VR_SH_OPT_BOOL("hotpluggable", "make added vcpus hot(un)pluggable"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdSetvcpus = {
    .name = "setvcpus", .handler = cmdSetvcpus, .opts = opts_setvcpus,
    .help = "change number of virtual CPUs",
    .desc = "Change the number of virtual CPUs in the guest domain.",
};


/* Reads <vcpu> (or its current= attribute) from the domain XML, for
 * drivers without virDomainGetVcpusFlags.  -1 if absent or malformed. */
static int
vrShXMLVcpus(virDomainPtr dom, unsigned int xmlflags, bool maximum)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, xmlflags);
    xmlDocPtr doc;
    xmlNodePtr root;
    long long v = -1;

    if (!xml || !(doc = xmlReadMemory(xml, strlen(xml), "domain.xml", NULL,
                                      XML_PARSE_NONET)))
        return -1;
    root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        xmlChar *s;

        if (n->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(n->name, (const xmlChar *)"vcpu"))
            continue;
        s = maximum ? xmlNodeGetContent(n)
                    : xmlGetProp(n, (const xmlChar *)"current");
        if (!s || !vrShStrToLong((const char *)s, G_MININT, G_MAXINT, &v))
            v = -1;
        xmlFree(s);
        break;
    }
    xmlFreeDoc(doc);
    return (int)v;
}


/* One vCPU count; -2 on error, -1 (no error) when checkState is set and
 * the count does not apply (live of an inactive domain, config of a
 * transient one). */
static int
vrShVcpuCount(vrShCtl *ctl, virDomainPtr dom, unsigned int flags,
              bool checkState)
{
    virDomainInfo info;
    int count;
    int code;

    if (checkState &&
        (((flags & VIR_DOMAIN_AFFECT_LIVE) && virDomainIsActive(dom) < 1) ||
         ((flags & VIR_DOMAIN_AFFECT_CONFIG) && virDomainIsPersistent(dom) < 1)))
        return -1;
    if ((count = virDomainGetVcpusFlags(dom, flags)) >= 0)
        return count;

    code = vrShLastErrorCode();
    if (code != VIR_ERR_NO_SUPPORT && code != VIR_ERR_INVALID_ARG)
        return -2;
    if (flags & VIR_DOMAIN_VCPU_GUEST) {
        vrShError(ctl, "%s", "Failed to retrieve vCPU count from the guest");
        return -2;
    }
    if (!(flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)) &&
        virDomainIsActive(dom) == 1)
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    vrShResetLibError();

    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && !(flags & VIR_DOMAIN_VCPU_MAXIMUM)) {
        if (virDomainGetInfo(dom, &info) < 0)
            return -2;
        return info.nrVirtCpu;
    }
    count = vrShXMLVcpus(dom, (flags & VIR_DOMAIN_AFFECT_LIVE) ? 0
                         : VIR_DOMAIN_XML_INACTIVE,
                         flags & VIR_DOMAIN_VCPU_MAXIMUM);
    if (count < 0) {
        vrShError(ctl, "%s", (flags & VIR_DOMAIN_VCPU_MAXIMUM) ?
                  "Failed to retrieve maximum vcpu count" :
                  "Failed to retrieve current vcpu count");
        return -2;
    }
    return count;
}


static bool
vrShVcpucountAll(vrShCtl *ctl, virDomainPtr dom)
{
    int conf_max = vrShVcpuCount(ctl, dom, VIR_DOMAIN_AFFECT_CONFIG |
                                 VIR_DOMAIN_VCPU_MAXIMUM, true);
    int conf_cur = vrShVcpuCount(ctl, dom, VIR_DOMAIN_AFFECT_CONFIG, true);
    int live_max = vrShVcpuCount(ctl, dom, VIR_DOMAIN_AFFECT_LIVE |
                                 VIR_DOMAIN_VCPU_MAXIMUM, true);
    int live_cur = vrShVcpuCount(ctl, dom, VIR_DOMAIN_AFFECT_LIVE, true);
    const struct { int count; const char *which, *state; } rows[] = {
        {conf_max, "maximum", "config"},
        {live_max, "maximum", "live"},
        {conf_cur, "current", "config"},
        {live_cur, "current", "live"},
    };

    if (conf_max == -2 || conf_cur == -2 || live_max == -2 || live_cur == -2)
        return false;
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        if (rows[i].count > 0)
            vrShPrint(ctl, "%-*s %-*s %3d\n", VR_SH_VCPU_COL_WIDTH,
                      rows[i].which, VR_SH_VCPU_COL_WIDTH, rows[i].state,
                      rows[i].count);
    }
    return true;
}


static bool
cmdVcpucount(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool maximum = vrShOptBool(cmd, "maximum");
    bool active = vrShOptBool(cmd, "active");
    bool config = vrShOptBool(cmd, "config");
    bool live = vrShOptBool(cmd, "live");
    bool current = vrShOptBool(cmd, "current");
    bool guest = vrShOptBool(cmd, "guest");
    bool all = !maximum && !active && !current && !config && !live && !guest;
    unsigned int flags = VIR_DOMAIN_AFFECT_CURRENT;
    int count;

    /* before 0.9.4 --current meant "not --maximum"; "--current --live"
     * still means "--active --live" */
    if (!maximum && !active && current)
        current = false;
    if (!vrShExclusive(ctl, cmd, "live", "config") ||
        (current && !vrShExclusive(ctl, cmd, "current", "live")) ||
        (current && !vrShExclusive(ctl, cmd, "current", "config")) ||
        !vrShExclusive(ctl, cmd, "active", "maximum") ||
        !vrShExclusive(ctl, cmd, "guest", "config"))
        return false;
    if (live)
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    if (config)
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (maximum)
        flags |= VIR_DOMAIN_VCPU_MAXIMUM;
    if (guest)
        flags |= VIR_DOMAIN_VCPU_GUEST;

    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYANY)))
        return false;
    if (all)
        return vrShVcpucountAll(ctl, dom);
    if ((count = vrShVcpuCount(ctl, dom, flags, false)) < 0)
        return false;
    vrShPrint(ctl, "%d\n", count);
    return true;
}


static const vrShOptDef opts_vcpucount[] = {
    VR_SH_OPT_DOMAIN_FULL,
    VR_SH_OPT_BOOL("maximum", "get maximum count of vcpus"),
    VR_SH_OPT_BOOL("active", "get number of currently active vcpus"),
    VR_SH_OPT_BOOL("live", "get value from running domain"),
    VR_SH_OPT_BOOL("config", "get value to be used on next boot"),
    VR_SH_OPT_BOOL("current", "get value according to current domain state"),
    VR_SH_OPT_BOOL("guest", "retrieve vcpu count from the guest instead of the hypervisor"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdVcpucount = {
    .name = "vcpucount", .handler = cmdVcpucount, .opts = opts_vcpucount,
    .help = "domain vcpu counts",
    .desc = "Returns the number of virtual CPUs used by the domain.",
};
