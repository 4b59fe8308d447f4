/* What the sim driver's slot files share: the per-connection state, domain
 * lookup from a handle, event queueing, and the slot functions the driver
 * table (sim/driver.c) points at. */
#ifndef VR_SIM_DRIVER_PRIV_H
#define VR_SIM_DRIVER_PRIV_H

#include "drivers/datatypes.h"
#include "drivers/driver.h"
#include "sim/node.h"
#include "util/error.h"

#define VR_SIM_MAX_VCPUS 32              /* virConnectGetMaxVcpus, any type */

/* conn->privateData */
typedef struct {
    vrSimNode *node;
    bool private_node;                   /* ?private=1 or a node file */
    bool has_seed;
    guint64 seed;                        /* ?seed=N, for fault injection */
} vrSimConn;

/* The node behind a connection; a seeded node's UUID/MAC stream becomes the
 * process's current one, so a define parsed before the node is locked draws
 * its identifiers from this node's seed. */
static inline vrSimNode *vrSimConnNode(virConnectPtr conn)
{
    vrSimNode *node = ((vrSimConn *)conn->privateData)->node;

    vrSimNodeUseIds(node);
    return node;
}

/* Flag checks report libvirt's test driver function name, so messages read
 * exactly as libvirt's: "unsupported flags (0x4) in function testDomainReset". */
#define vrSimCheckFlags(flags, supported, libvirt_func) \
    vrCheckFlagsImpl(VR_FROM_THIS, (flags), (supported), (libvirt_func))

/* The domain behind a handle (node locked), or NULL after VIR_ERR_NO_DOMAIN
 * "no domain with matching uuid '<uuid>' (<name>)". */
vrSimDomain *vrSimDomainFromHandle(vrSimNode *node, virDomainPtr handle);

/* Lock handle's node and find its domain: returns the domain with *node
 * set and locked, or NULL (node unlocked) after VIR_ERR_NO_DOMAIN. */
vrSimDomain *vrSimDomainAcquire(virDomainPtr handle, vrSimNode **node);

/* A new handle for dom on conn. */
virDomainPtr vrSimDomainHandle(virConnectPtr conn, const vrSimDomain *dom);

/* Queue a lifecycle event for dom as it is now (its current id). */
void vrSimQueueLifecycle(vrSimNode *node, const vrSimDomain *dom, int event, int detail);

/* libvirt's virDomainObjCheckActive: VIR_ERR_OPERATION_INVALID
 * "domain is not running" (VIR_FROM_DOMAIN). */
int vrSimDomainCheckActive(const vrSimDomain *dom);

/* sim/driver_domain.c: lookups, definitions, listings, queries, setters. */
virDomainPtr vrSimDrvDomainLookupByID(virConnectPtr conn, int id);
virDomainPtr vrSimDrvDomainLookupByName(virConnectPtr conn, const char *name);
virDomainPtr vrSimDrvDomainLookupByUUID(virConnectPtr conn, const unsigned char *uuid);
virDomainPtr vrSimDrvDomainDefineXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags);
int vrSimDrvDomainUndefineFlags(virDomainPtr handle, unsigned int flags);
int vrSimDrvConnectNumOfDomains(virConnectPtr conn);
int vrSimDrvConnectListDomains(virConnectPtr conn, int *ids, int maxids);
int vrSimDrvConnectNumOfDefinedDomains(virConnectPtr conn);
int vrSimDrvConnectListDefinedDomains(virConnectPtr conn, char **const names, int maxnames);
int vrSimDrvConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains, unsigned int flags);
int vrSimDrvDomainGetInfo(virDomainPtr handle, virDomainInfoPtr info);
int vrSimDrvDomainGetState(virDomainPtr handle, int *state, int *reason, unsigned int flags);
char *vrSimDrvDomainGetXMLDesc(virDomainPtr handle, unsigned int flags);
char *vrSimDrvDomainGetOSType(virDomainPtr handle);
unsigned long vrSimDrvDomainGetMaxMemory(virDomainPtr handle);
int vrSimDrvDomainGetMaxVcpus(virDomainPtr handle);
int vrSimDrvDomainGetVcpus(virDomainPtr handle, virVcpuInfoPtr info, int maxinfo,
                           unsigned char *cpumaps, int maplen);
int vrSimDrvDomainPinVcpu(virDomainPtr handle, unsigned int vcpu,
                          unsigned char *cpumap, int maplen);
int vrSimDrvDomainSendKey(virDomainPtr handle, unsigned int codeset, unsigned int holdtime,
                          unsigned int *keycodes, int nkeycodes, unsigned int flags);
int vrSimDrvDomainCoreDump(virDomainPtr handle, const char *to, unsigned int flags);
int vrSimDrvNodeGetSecurityModel(virConnectPtr conn, virSecurityModelPtr secmodel);
int vrSimDrvDomainGetSecurityLabel(virDomainPtr handle, virSecurityLabelPtr seclabel);
int vrSimDrvDomainSetMemoryFlags(virDomainPtr handle, unsigned long memory, unsigned int flags);
int vrSimDrvDomainSetVcpusFlags(virDomainPtr handle, unsigned int nvcpus, unsigned int flags);
int vrSimDrvDomainGetVcpusFlags(virDomainPtr handle, unsigned int flags);
int vrSimDrvDomainGetAutostart(virDomainPtr handle, int *autostart);
int vrSimDrvDomainSetAutostart(virDomainPtr handle, int autostart);
int vrSimDrvDomainIsActive(virDomainPtr handle);
int vrSimDrvDomainIsPersistent(virDomainPtr handle);
int vrSimDrvDomainIsUpdated(virDomainPtr handle);

/* sim/driver_lifecycle.c: state changes, with their events. */
virDomainPtr vrSimDrvDomainCreateXML(virConnectPtr conn, const char *xml, unsigned int flags);
int vrSimDrvDomainCreateWithFlags(virDomainPtr handle, unsigned int flags);
int vrSimDrvDomainDestroyFlags(virDomainPtr handle, unsigned int flags);
int vrSimDrvDomainShutdownFlags(virDomainPtr handle, unsigned int flags);
int vrSimDrvDomainReboot(virDomainPtr handle, unsigned int flags);
int vrSimDrvDomainReset(virDomainPtr handle, unsigned int flags);
int vrSimDrvDomainSuspend(virDomainPtr handle);
int vrSimDrvDomainResume(virDomainPtr handle);
int vrSimDrvDomainSaveFlags(virDomainPtr handle, const char *to, const char *dxml,
                         unsigned int flags);
int vrSimDrvDomainRestoreFlags(virConnectPtr conn, const char *from, const char *dxml,
                            unsigned int flags);
int vrSimDrvDomainManagedSave(virDomainPtr handle, unsigned int flags);
int vrSimDrvDomainHasManagedSaveImage(virDomainPtr handle, unsigned int flags);
int vrSimDrvDomainManagedSaveRemove(virDomainPtr handle, unsigned int flags);

#endif /* VR_SIM_DRIVER_PRIV_H */
