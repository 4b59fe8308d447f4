/* What every device carries: <boot order>, <alias name> and <address>
 * (domain_device_info.c). */
#ifndef VR_DEVICE_INFO_H
#define VR_DEVICE_INFO_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "conf/domain_enums.h"

#define VR_DOMAIN_USB_PORT_DEPTH 4      /* "1.2.3.4" at most */

/* <boot order>, <alias> and <address> of a device. */
typedef struct {
    vrDeviceAddressType type;
    union {
        struct {
            unsigned int domain, bus, slot, function;
            vrTristate multi;           /* on/off */
        } pci;
        struct {
            unsigned int controller, bus, target, unit;
        } drive;
        struct {
            unsigned int controller, bus, port;
        } vioserial;
        struct {
            unsigned int controller, slot;
        } ccid;
        struct {
            unsigned int bus;
            unsigned int port[VR_DOMAIN_USB_PORT_DEPTH];
        } usb;
        struct {
            unsigned int iobase, irq;
        } isa;
        struct {
            unsigned int cssid, ssid, devno;
            bool assigned;
        } ccw;
        struct {
            unsigned long long reg;
            bool has_reg;
        } spaprvio;
    } addr;
    char *alias;                        /* or NULL */
    unsigned int boot_order;            /* 0 when absent */
} vrDeviceInfo;

/* Read <alias> (only "ua-" aliases on an inactive parse), <boot order>
 * and <address> children of a device node into info.  0 or -1. */
int vrDeviceInfoParse(xmlNode *node, unsigned int parse_flags,
                      vrDeviceInfo *info);
/* boot, alias, address at indentation level. */
void vrDeviceInfoFormat(GString *buf, int level, const vrDeviceInfo *info);
void vrDeviceInfoFormatAlias(GString *buf, int level, const vrDeviceInfo *info);
void vrDeviceAddressFormat(GString *buf, int level, const vrDeviceInfo *info);
void vrDeviceInfoCopy(vrDeviceInfo *dst, const vrDeviceInfo *src);
void vrDeviceInfoClear(vrDeviceInfo *info);
/* No boot order, alias or address. */
bool vrDeviceInfoIsEmpty(const vrDeviceInfo *info);

#endif /* VR_DEVICE_INFO_H */
