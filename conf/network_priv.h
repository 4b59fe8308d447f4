/* What the conf/network_*.c files share: element parsers and formatters,
 * clear functions for the GArray elements, and number readers with
 * libvirt's semantics.  Internal to conf/. */
#ifndef VR_NETWORK_PRIV_H
#define VR_NETWORK_PRIV_H

#include <libxml/tree.h>

#include "conf/network_conf.h"
#include "conf/xml_util.h"

#define VR_NETWORK_LEVEL 1          /* children of <network> */
#define VR_NETWORK_URL "(network_definition)"
#define VR_NETWORK_UPDATE_URL "network_update_xml"

/* libvirt's virStrToLong_ui: strtoul, whole string, "-N" wraps modulo
 * 2^32 as libvirt allows.  0 or -1; reports nothing. */
int vrNetStrToUInt(const char *str, unsigned int *out);

/* libvirt's virXPathUInt on an attribute: 0 read, -1 absent or empty,
 * -2 not a number. */
int vrNetPropUInt(const xmlNode *node, const char *name, unsigned int *out);

/* An attribute as libvirt's XPath string() reads it: NULL when absent or
 * empty. */
char *vrNetPropNonEmpty(const xmlNode *node, const char *name);

/* A yes/no tristate attribute (libvirt's virXMLPropTristateBool). */
int vrNetPropTristate(const xmlNode *node, const char *name, vrTristate *out);

/* Every child element called name, in document order (free with
 * g_ptr_array_unref); NULL parent gives an empty array. */
GPtrArray *vrNetChildren(const xmlNode *parent, const char *name);

/* vrXMLParseString with libvirt's error domain for network documents. */
xmlDoc *vrNetworkXMLParse(const char *xml, const char *url, const char *root_name);

/* Format and parse def again: a copy, or NULL (reported) when the
 * definition does not pass the parse rules (after an edit). */
vrNetworkDef *vrNetworkDefReparse(const vrNetworkDef *def);

/* RelaxNG check against network.rng (network_schema.c). */
int vrNetworkSchemaValidate(xmlDoc *doc);

/* ---- network_ip.c ---- */
int vrNetworkIPDefParse(const char *net_name, xmlNode *node, vrNetworkIPDef *ip);
void vrNetworkIPDefFormat(GString *buf, const vrNetworkIPDef *ip);
void vrNetworkIPDefClear(gpointer ip);
void vrNetworkIPDefInit(vrNetworkIPDef *ip);
int vrNetworkDHCPRangeParse(const char *net_name, const vrNetworkIPDef *ip,
                            xmlNode *node, vrNetworkDHCPRange *range);
int vrNetworkDHCPHostParse(const char *net_name, const vrNetworkIPDef *ip,
                           xmlNode *node, vrNetworkDHCPHost *host, bool partial);
void vrNetworkDHCPRangeClear(gpointer range);
void vrNetworkDHCPHostClear(gpointer host);

/* ---- network_dns.c ---- */
int vrNetworkDNSDefParse(const char *net_name, xmlNode *node, vrNetworkDNSDef *dns);
void vrNetworkDNSDefFormat(GString *buf, const vrNetworkDNSDef *dns);
void vrNetworkDNSDefInit(vrNetworkDNSDef *dns);
void vrNetworkDNSDefClear(vrNetworkDNSDef *dns);
int vrNetworkDNSHostParse(const char *net_name, xmlNode *node,
                          vrNetworkDNSHost *host, bool partial);
int vrNetworkDNSTxtParse(const char *net_name, xmlNode *node,
                         vrNetworkDNSTxt *txt, bool partial);
int vrNetworkDNSSrvParse(const char *net_name, xmlNode *node,
                         vrNetworkDNSSrv *srv, bool partial);
void vrNetworkDNSHostClear(gpointer host);
void vrNetworkDNSTxtClear(gpointer txt);
void vrNetworkDNSSrvClear(gpointer srv);

/* ---- network_forward.c ---- */
int vrNetworkForwardDefParse(const char *net_name, xmlNode *node,
                             vrNetworkForwardDef *fwd);
void vrNetworkForwardDefFormat(GString *buf, const vrNetworkForwardDef *fwd);
void vrNetworkForwardDefInit(vrNetworkForwardDef *fwd);
void vrNetworkForwardDefClear(vrNetworkForwardDef *fwd);
void vrNetworkForwardIfClear(gpointer iface);
/* The first interface's dev when it is a netdev (libvirt's
 * virNetworkDefForwardIf(def, 0)), else NULL. */
const char *vrNetworkForwardDev(const vrNetworkForwardDef *fwd);

/* ---- network_extra.c: vlan, bandwidth, <port>, routes, portgroups,
 * virtualport, metadata ---- */
vrNetworkExtra *vrNetworkExtraNew(void);
void vrNetworkExtraFree(vrNetworkExtra *extra);
/* Parsers run at libvirt's points in the document: "head" before the
 * bridge (bandwidth, vlan, port), "body" after dns (virtualport,
 * portgroups), "routes" after the ips. */
int vrNetworkExtraParseHead(const char *net_name, xmlNode *root, vrNetworkExtra *extra);
int vrNetworkExtraParseBody(const char *net_name, xmlNode *root, vrNetworkExtra *extra);
int vrNetworkExtraParseRoutes(const vrNetworkDef *def, xmlNode *root,
                              vrNetworkExtra *extra);
/* Formatters at libvirt's points: "head" after dns (vlan, bandwidth,
 * port), "tail" after the ips (routes, virtualport, portgroups). */
void vrNetworkExtraFormatHead(GString *buf, const vrNetworkExtra *extra);
void vrNetworkExtraFormatTail(GString *buf, const vrNetworkExtra *extra);
/* virNetworkUpdate's portgroup section. */
int vrNetworkExtraUpdatePortGroup(vrNetworkDef *def, unsigned int command, xmlNode *node);
/* <metadata> as libvirt keeps it (one element per namespace), serialized. */
char *vrNetworkMetadataParse(xmlNode *metadata);

#endif /* VR_NETWORK_PRIV_H */
