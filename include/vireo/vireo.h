/* vireo: the public API, with libvirt 9.0's names, types and values.
 *
 * One header per group (vireo-host.h, vireo-domain.h, ...); this one pulls
 * in all of them plus the few macros the generator cannot express. */
#ifndef VIREO_H
#define VIREO_H

#ifdef __cplusplus
extern "C" {
#endif

#include "vireo-common.h"
#include "vireo-host.h"
#include "vireo-event.h"
#include "vireo-domain.h"
#include "vireo-network.h"
#include "vireo-storage.h"
#include "vireo-stream.h"

/* Through void (*)(void), which GCC accepts for such casts without
 * -Wcast-function-type noise in callers. */
#define VIR_DOMAIN_EVENT_CALLBACK(cb) \
    ((virConnectDomainEventGenericCallback)(void (*)(void))(cb))
#define VIR_NETWORK_EVENT_CALLBACK(cb) \
    ((virConnectNetworkEventGenericCallback)(void (*)(void))(cb))
#define VIR_STORAGE_POOL_EVENT_CALLBACK(cb) \
    ((virConnectStoragePoolEventGenericCallback)(void (*)(void))(cb))
#define VIR_CPU_MAPLEN(cpu) (((cpu) + 7) / 8)
#define VIR_USE_CPU(cpumap, cpu) ((cpumap)[(cpu) / 8] |= (1 << ((cpu) % 8)))
#define VIR_UNUSE_CPU(cpumap, cpu) ((cpumap)[(cpu) / 8] &= ~(1 << ((cpu) % 8)))
#define VIR_CPU_USED(cpumap, cpu) ((cpumap)[(cpu) / 8] & (1 << ((cpu) % 8)))

#ifdef __cplusplus
}
#endif

#endif /* VIREO_H */
