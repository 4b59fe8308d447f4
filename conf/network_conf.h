/* The network XML object model: parse -> validate -> format, as libvirt
 * 9.0's network_conf does for what the test driver round-trips, and the
 * section edits of virNetworkUpdate.
 *
 * Ownership: a vrNetworkDef belongs to whoever holds the pointer;
 * vrNetworkDefFree accepts NULL. */
#ifndef VR_NETWORK_CONF_H
#define VR_NETWORK_CONF_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>
#include "vireo/vireo.h"
#include "conf/domain_conf.h"
#include "conf/domain_enums.h"

#define VR_NETWORK_NAME_MAX 1024          /* longer names are refused */
#define VR_NETWORK_LIST_MAX 65536         /* elements of one kind per network */
#define VR_NET_ADDR_BYTES 16              /* an IPv6 address */
#define VR_NET_ADDR_STRLEN 64             /* formatted address, with NUL */
#define VR_NET_MAC_BYTES 6
#define VR_NETWORK_DEFAULT_DELAY 0

/* An IPv4 or IPv6 address (family 0: none). IPv4 uses bytes[0..3]. */
typedef struct {
    int family;                           /* 0, AF_INET or AF_INET6 */
    unsigned char bytes[VR_NET_ADDR_BYTES];
} vrNetAddr;

typedef enum {
    VR_NETWORK_FORWARD_NONE = 0,
    VR_NETWORK_FORWARD_NAT,
    VR_NETWORK_FORWARD_ROUTE,
    VR_NETWORK_FORWARD_OPEN,
    VR_NETWORK_FORWARD_BRIDGE,
    VR_NETWORK_FORWARD_PRIVATE,
    VR_NETWORK_FORWARD_VEPA,
    VR_NETWORK_FORWARD_PASSTHROUGH,
    VR_NETWORK_FORWARD_HOSTDEV,
    VR_NETWORK_FORWARD_LAST
} vrNetworkForwardType;

typedef enum {
    VR_NETWORK_FORWARD_DRIVER_DEFAULT = 0,
    VR_NETWORK_FORWARD_DRIVER_KVM,
    VR_NETWORK_FORWARD_DRIVER_VFIO,
    VR_NETWORK_FORWARD_DRIVER_LAST
} vrNetworkForwardDriver;

typedef enum {
    VR_NETWORK_FORWARD_IF_NONE = 0,
    VR_NETWORK_FORWARD_IF_PCI,
    VR_NETWORK_FORWARD_IF_NETDEV,
    VR_NETWORK_FORWARD_IF_LAST
} vrNetworkForwardIfType;

typedef enum {
    VR_NETWORK_MAC_TABLE_DEFAULT = 0,
    VR_NETWORK_MAC_TABLE_KERNEL,
    VR_NETWORK_MAC_TABLE_LIBVIRT,
    VR_NETWORK_MAC_TABLE_LAST
} vrNetworkMacTable;

typedef enum {
    VR_NETWORK_LEASE_UNIT_SECONDS = 0,
    VR_NETWORK_LEASE_UNIT_MINUTES,
    VR_NETWORK_LEASE_UNIT_HOURS,
    VR_NETWORK_LEASE_UNIT_LAST
} vrNetworkLeaseUnit;

/* <lease expiry='N' unit='...'/>; expiry 0 is infinite. */
typedef struct {
    unsigned long long expiry;
    vrNetworkLeaseUnit unit;
} vrNetworkLeaseTime;

typedef struct {
    vrNetAddr start;
    vrNetAddr end;
    vrNetworkLeaseTime *lease;            /* or NULL */
} vrNetworkDHCPRange;

typedef struct {
    char *mac;                            /* as written, or NULL */
    char *id;                             /* IPv6 client id, or NULL */
    char *name;                           /* or NULL */
    vrNetAddr ip;                         /* family 0 when absent */
    vrNetworkLeaseTime *lease;            /* or NULL */
} vrNetworkDHCPHost;

typedef struct {
    char *family;                         /* "ipv4", "ipv6" or NULL */
    vrNetAddr address;
    vrNetAddr netmask;                    /* family 0 when absent */
    unsigned int prefix;                  /* 0 when absent */
    vrTristate local_ptr;
    GArray *ranges;                       /* of vrNetworkDHCPRange */
    GArray *hosts;                        /* of vrNetworkDHCPHost */
    char *tftp_root;                      /* or NULL */
    char *bootfile;                       /* <bootp file>, or NULL */
    vrNetAddr bootserver;
} vrNetworkIPDef;

typedef struct {
    vrNetAddr addr;                       /* family 0 when absent */
    char *domain;
} vrNetworkDNSForwarder;

typedef struct {
    char *name;
    char *value;
} vrNetworkDNSTxt;

typedef struct {
    char *domain, *service, *protocol, *target;
    unsigned int port, priority, weight;
} vrNetworkDNSSrv;

typedef struct {
    vrNetAddr ip;
    GPtrArray *names;                     /* of char *, never NULL */
} vrNetworkDNSHost;

typedef struct {
    vrTristate enable;
    vrTristate forward_plain_names;
    GArray *forwarders;                   /* of vrNetworkDNSForwarder */
    GArray *txts;                         /* of vrNetworkDNSTxt */
    GArray *srvs;                         /* of vrNetworkDNSSrv */
    GArray *hosts;                        /* of vrNetworkDNSHost */
} vrNetworkDNSDef;

typedef struct {
    unsigned int domain, bus, slot, function;
} vrNetworkPCIAddr;

typedef struct {
    vrNetworkForwardIfType type;
    char *dev;                            /* NETDEV */
    vrNetworkPCIAddr pci;                 /* PCI */
} vrNetworkForwardIf;

typedef struct {
    vrNetworkForwardType type;
    bool managed;
    vrNetworkForwardDriver driver;
    GArray *ifs;                          /* of vrNetworkForwardIf */
    char *pf_dev;                         /* the one <pf dev>, or NULL */
    vrNetAddr nat_start, nat_end;         /* <nat><address> */
    unsigned int port_start, port_end;    /* <nat><port> */
    vrTristate nat_ipv6;
} vrNetworkForwardDef;

typedef struct vrNetworkExtra vrNetworkExtra;   /* network_extra.c */

typedef struct vrNetworkDef {
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    bool ipv6nogw;                        /* <network ipv6='yes'> */
    vrTristate trust_guest_rx_filters;
    char *metadata;                       /* serialized <metadata>, or NULL */
    vrNetworkForwardDef forward;
    char *bridge;                         /* or NULL */
    char *bridge_zone;
    bool stp;
    unsigned long delay;
    vrNetworkMacTable mac_table;
    unsigned int mtu;                     /* 0 when absent */
    bool mac_specified;
    unsigned char mac[VR_NET_MAC_BYTES];
    char *domain;                         /* <domain name> or NULL */
    vrTristate domain_local_only;
    vrNetworkDNSDef dns;
    GArray *ips;                          /* of vrNetworkIPDef */
    vrNetworkExtra *extra;                /* vlan, bandwidth, port, routes,
                                           * portgroups, virtualport */
} vrNetworkDef;

typedef enum {
    VR_NETWORK_DEF_PARSE_VALIDATE_SCHEMA = 1 << 0,   /* check network.rng */
} vrNetworkDefParseFlags;

/* Parse and validate a network document as virNetworkDefParse does.  On
 * error reports libvirt's code and message and returns NULL.  A missing
 * uuid is generated (util/uuid's byte source). */
vrNetworkDef *vrNetworkDefParseString(const char *xml, unsigned int parse_flags);

/* The same from a <network> element of a larger document (node files). */
vrNetworkDef *vrNetworkDefParseNode(xmlNode *root);

/* Format as libvirt 9.0 does (newly allocated, never NULL). */
char *vrNetworkDefFormat(const vrNetworkDef *def);

/* A deep copy (never NULL). */
vrNetworkDef *vrNetworkDefCopy(const vrNetworkDef *def);

void vrNetworkDefFree(vrNetworkDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrNetworkDef, vrNetworkDefFree)

/* virNetworkUpdate's edit of one section (virNetworkUpdateSection) with a
 * command (virNetworkUpdateCommand) on def, with libvirt's checks and
 * messages.  def is unchanged on error.  0 or -1. */
int vrNetworkDefUpdateSection(vrNetworkDef *def, unsigned int command,
                              unsigned int section, int parent_index,
                              const char *xml);

const char *vrNetworkForwardTypeToString(int type);

/* ---- a domain's interfaces on networks (network_domain.c) ---- */

typedef struct {
    const char *network;                  /* <source network>, borrowed */
    unsigned char mac[VR_NET_MAC_BYTES];
} vrDomainNetworkIface;

/* The <interface type='network'> of def in device order: an array of
 * vrDomainNetworkIface whose strings belong to def (caller unrefs). */
GArray *vrDomainDefNetworkIfaces(const vrDomainDef *def);

/* ---- addresses (network_addr.c) ---- */

/* Parse a numeric IPv4/IPv6 address as getaddrinfo(AI_NUMERICHOST) reads
 * it (so "10.1" is 10.0.0.1).  0, or -1 reporting nothing. */
int vrNetAddrParse(const char *str, vrNetAddr *addr);
/* The same, reporting libvirt's VIR_ERR_SYSTEM_ERROR
 * "Cannot parse socket address '...': ..." on failure. */
int vrNetAddrParseReport(const char *str, vrNetAddr *addr);
/* The canonical text of addr into buf (VR_NET_ADDR_STRLEN); "" for none. */
const char *vrNetAddrFormat(const vrNetAddr *addr, char *buf);
bool vrNetAddrEqual(const vrNetAddr *a, const vrNetAddr *b);
bool vrNetAddrIsValid(const vrNetAddr *addr);
/* libvirt's virSocketAddrGetIPPrefix: prefix, else the netmask's bits,
 * else the IPv4 class prefix (64 for IPv6); -1 when none applies. */
int vrNetAddrGetPrefix(const vrNetAddr *address, const vrNetAddr *netmask,
                       unsigned int prefix);
/* The prefix of an <ip> element. */
int vrNetworkIPDefPrefix(const vrNetworkIPDef *ip);
/* virSocketAddrGetRange's checks with its messages: the range size, or -1
 * after reporting.  network may be NULL (no containment checks). */
int vrNetAddrGetRange(const vrNetAddr *start, const vrNetAddr *end,
                      const vrNetAddr *network, int prefix);
/* MAC addresses as libvirt reads and prints them ("52:54:00:ab:cd:ef"):
 * 0 or -1 (nothing reported); out holds VR_NET_MAC_STRLEN bytes. */
#define VR_NET_MAC_STRLEN 18
int vrNetMacParse(const char *str, unsigned char mac[VR_NET_MAC_BYTES]);
const char *vrNetMacFormat(const unsigned char mac[VR_NET_MAC_BYTES], char *out);

/* Compare as unsigned big-endian numbers of the same family. */
int vrNetAddrCompare(const vrNetAddr *a, const vrNetAddr *b);
/* addr + 1 in place (wraps within the family's width). */
void vrNetAddrIncrement(vrNetAddr *addr);

#endif /* VR_NETWORK_CONF_H */
