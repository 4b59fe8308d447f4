/* Sim driver slots for running guests' vcpus and keyboard: GetVcpus,
 * PinVcpu and SendKey, with libvirt's test driver's rules and messages. */
#include "sim/driver_priv.h"

#include <string.h>

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_LINUX_KEYCODE_MAX 0x2ff   /* KEY_MAX of the linux codeset */
#define VR_SIM_KEYCODE_MAX 0xffff        /* other codesets */

/* Host cpus usable by vcpu i: its pin map, or every host cpu. */
static bool vrSimVcpuUsesCpu(const vrSimDomain *dom, unsigned int vcpu, int cpu)
{
    const guint8 *map;

    if (!dom->pins)
        return true;
    map = dom->pins + (size_t)vcpu * VR_SIM_PIN_MAPLEN;
    return (map[cpu / 8] >> (cpu % 8)) & 1;
}

int vrSimDrvDomainGetVcpus(virDomainPtr handle, virVcpuInfoPtr info, int maxinfo,
                           unsigned char *cpumaps, int maplen)
{
    int hostcpus, n, i, cpu;
    guint64 cpu_ns;
    vrSimNode *node;
    vrSimDomain *dom;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (!vrSimDomainIsActive(dom)) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "%s",
                      "cannot list vcpus for an inactive domain");
        vrSimNodeUnlock(node);
        return -1;
    }
    hostcpus = MIN((int)node->info.cpus, VR_SIM_HOST_CPUS_MAX);
    n = MIN(maxinfo, (int)dom->def->vcpus_cur);
    cpu_ns = vrSimDomainCpuTime(dom, vrSimNodeNow(node));
    if (cpumaps)
        memset(cpumaps, 0, (size_t)maxinfo * (size_t)maplen);
    for (i = 0; i < n; i++) {
        info[i].number = (unsigned int)i;
        info[i].state = VIR_VCPU_RUNNING;
        info[i].cpuTime = cpu_ns / MAX(dom->def->vcpus_cur, 1);
        info[i].cpu = -1;
        for (cpu = 0; cpu < hostcpus; cpu++) {
            if (!vrSimVcpuUsesCpu(dom, (unsigned int)i, cpu))
                continue;
            info[i].cpu = cpu;             /* the highest usable, as the test driver */
            if (cpumaps && cpu / 8 < maplen)
                cpumaps[(size_t)i * (size_t)maplen + (size_t)cpu / 8] |= 1 << (cpu % 8);
        }
    }
    vrSimNodeUnlock(node);
    return n;
}

int vrSimDrvDomainPinVcpu(virDomainPtr handle, unsigned int vcpu,
                          unsigned char *cpumap, int maplen)
{
    size_t len;
    vrSimNode *node;
    vrSimDomain *dom;
    guint8 *map;

    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (!vrSimDomainIsActive(dom)) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "%s",
                      "cannot pin vcpus on an inactive domain");
        goto error;
    }
    if (vcpu >= dom->def->vcpus_cur) {
        vrReportError(VIR_ERR_INVALID_ARG,
                      "requested vcpu '%u' is not present in the domain", vcpu);
        goto error;
    }
    if (!dom->pins) {
        dom->pins = g_malloc0((size_t)dom->def->vcpus_max * VR_SIM_PIN_MAPLEN);
        memset(dom->pins, 0xff, (size_t)dom->def->vcpus_max * VR_SIM_PIN_MAPLEN);
    }
    map = dom->pins + (size_t)vcpu * VR_SIM_PIN_MAPLEN;
    len = MIN((size_t)maplen, (size_t)VR_SIM_PIN_MAPLEN);
    memset(map, 0, VR_SIM_PIN_MAPLEN);
    memcpy(map, cpumap, len);
    vrSimNodeUnlock(node);
    return 0;
 error:
    vrSimNodeUnlock(node);
    return -1;
}

static int vrSimCheckKeycodes(unsigned int codeset, const unsigned int *keycodes,
                              int nkeycodes)
{
    static const char *const names[] = {
        "linux", "xt", "atset1", "atset2", "atset3", "osx", "xt_kbd", "usb",
        "win32", "qnum",
    };
    unsigned int max = codeset == VIR_KEYCODE_SET_LINUX ? VR_SIM_LINUX_KEYCODE_MAX
                                                        : VR_SIM_KEYCODE_MAX;
    int i;

    G_STATIC_ASSERT(G_N_ELEMENTS(names) == VIR_KEYCODE_SET_LAST);
    if (codeset >= VIR_KEYCODE_SET_LAST) {
        vrReportError(VIR_ERR_INVALID_ARG, "unknown keycode set %u", codeset);
        return -1;
    }
    for (i = 0; i < nkeycodes; i++) {
        if (keycodes[i] > max) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "invalid keycode %u of %s codeset",
                          keycodes[i], names[codeset]);
            return -1;
        }
    }
    return 0;
}

/* The guest has no keyboard to press: a valid request on a running domain
 * succeeds and changes nothing. */
int vrSimDrvDomainSendKey(virDomainPtr handle, unsigned int codeset, unsigned int holdtime,
                          unsigned int *keycodes, int nkeycodes, unsigned int flags)
{
    vrSimNode *node;
    vrSimDomain *dom;
    int ret = -1;

    if (vrSimCheckFlags(flags, 0, "testDomainSendKey") < 0)
        return -1;
    if (!(dom = vrSimDomainAcquire(handle, &node)))
        return -1;
    if (vrSimDomainCheckActive(dom) == 0 &&
        vrSimCheckKeycodes(codeset, keycodes, nkeycodes) == 0)
        ret = 0;
    vrSimNodeUnlock(node);
    return ret;
}
