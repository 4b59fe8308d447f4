/* Simulated networks of a node (owned by the network engineer; issue 4):
 * the per-node list with libvirt's name/UUID rules, live and persistent
 * definitions, and the DHCP leases a network hands to running domains.
 * Everything here runs with the node's lock held, except what says
 * otherwise. */
#ifndef VR_SIM_NETWORK_OBJ_H
#define VR_SIM_NETWORK_OBJ_H

#include <libxml/tree.h>

#include "conf/network_conf.h"
#include "drivers/network_driver.h"
#include "sim/node.h"

#define VR_SIM_NETWORKS_MAX 4096              /* networks per node */
#define VR_SIM_LEASE_DEFAULT_SECONDS 3600     /* dnsmasq's default lease */
#define VR_SIM_LEASES_MAX 65536               /* leases per network */

/* A lease a network handed to one interface of a running domain. */
typedef struct {
    unsigned char dom_uuid[VIR_UUID_BUFLEN];
    int dom_id;                   /* the run it belongs to */
    unsigned char mac[VR_NET_MAC_BYTES];
    vrNetAddr addr;
    unsigned int prefix;
    char *hostname;
    long long expiry_s;           /* virtual seconds; 0: infinite */
    unsigned long long duration_s;
} vrSimLease;

typedef struct {
    char *name;                   /* == def->name */
    unsigned char uuid[VIR_UUID_BUFLEN];
    vrNetworkDef *def;            /* live definition while active, else the persistent one */
    vrNetworkDef *new_def;        /* persistent definition while active, or NULL */
    bool active;
    bool persistent;
    bool autostart;
    GArray *leases;               /* of vrSimLease; empty unless active */
} vrSimNetwork;

vrSimNetworkList *vrSimNetworkListNew(void);
void vrSimNetworkListFree(vrSimNetworkList *list);

/* Load the <network> elements of a node description (libvirt's test-driver
 * node format, inline or file=''; file is NULL for the built-in default
 * node, which gets libvirt's network 'default').  Every network loaded is
 * persistent and active.  0 or -1 with the error reported. */
int vrSimNetworkListParseNode(vrSimNetworkList *list, const char *file, xmlNode *root);

/* The network event state (self-locking; see drivers/event_state.h). */
vrEventState *vrSimNetworkListEvents(vrSimNetworkList *list);

vrSimNetwork *vrSimNetworkFindByName(vrSimNetworkList *list, const char *name);
vrSimNetwork *vrSimNetworkFindByUUID(vrSimNetworkList *list, const unsigned char *uuid);

/* All networks sorted by name (libvirt lists in hash order); the array is
 * the caller's, the networks the list's. */
GPtrArray *vrSimNetworkListSorted(vrSimNetworkList *list);

typedef enum {
    VR_SIM_NETWORK_ADD_LIVE = 1 << 0,        /* def is a live definition */
    VR_SIM_NETWORK_ADD_CHECK_LIVE = 1 << 1,  /* refuse an active network */
} vrSimNetworkAddFlags;

/* Add def (consumed on success) as libvirt's virNetworkObjAssignDef: a
 * known UUID under another name or a known name under another UUID is
 * VIR_ERR_OPERATION_FAILED, CHECK_LIVE refuses an active network; a
 * network of the same name and UUID takes def (as its pending persistent
 * definition while active).  NULL after reporting. */
vrSimNetwork *vrSimNetworkListAdd(vrSimNetworkList *list, vrNetworkDef *def,
                                  unsigned int flags);
void vrSimNetworkListRemove(vrSimNetworkList *list, vrSimNetwork *net);

/* The checks of vrSimNetworkListAdd alone, with its errors: 0 when adding
 * def with flags would succeed (fault points go after them). */
int vrSimNetworkListCheckAdd(vrSimNetworkList *list, const vrNetworkDef *def,
                             unsigned int flags);

/* Start: a persistent network keeps a copy of its definition to return to. */
void vrSimNetworkStart(vrSimNetwork *net);
/* Stop: leases are dropped and the pending persistent definition applies. */
void vrSimNetworkStop(vrSimNetwork *net);

/* Bring every active network's leases up to date with the running domains
 * (lock held): leases of domains that stopped go away, interfaces of
 * running domains without one get one, in order of domain start.  Every
 * network call does this; domain start and stop should too, so that
 * addresses follow the exact order of events. */
void vrSimNetworkLeasesSync(vrSimNode *node);

/* The sim's network table (sim/driver_network.c). */
extern const vrNetworkDriver vrSimNetworkDriver;

#endif /* VR_SIM_NETWORK_OBJ_H */
