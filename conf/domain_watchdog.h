/* The <watchdog> device of the domain model (domain_watchdog.c): its
 * definition, enums and parse / format / copy / free functions.  The
 * *Free accepts NULL; the *Copy is deep. */
#ifndef VR_DOMAIN_WATCHDOG_H
#define VR_DOMAIN_WATCHDOG_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "conf/device_info.h"
#include "conf/enum_util.h"
#include "vireo/vireo.h"

/* libvirt 9.0 knows these models (itco came with 9.1). */
typedef enum {
    VR_WATCHDOG_MODEL_I6300ESB = 0, VR_WATCHDOG_MODEL_IB700,
    VR_WATCHDOG_MODEL_DIAG288,
    VR_WATCHDOG_MODEL_LAST
} vrWatchdogModel;
VR_ENUM_DECL(vrWatchdogModel);

typedef enum {
    VR_WATCHDOG_ACTION_RESET = 0, VR_WATCHDOG_ACTION_SHUTDOWN,
    VR_WATCHDOG_ACTION_POWEROFF, VR_WATCHDOG_ACTION_PAUSE,
    VR_WATCHDOG_ACTION_DUMP, VR_WATCHDOG_ACTION_NONE,
    VR_WATCHDOG_ACTION_INJECTNMI,
    VR_WATCHDOG_ACTION_LAST
} vrWatchdogAction;
VR_ENUM_DECL(vrWatchdogAction);

struct vrDomainWatchdogDef {
    vrWatchdogModel model;
    vrWatchdogAction action;            /* reset when absent */
    vrDeviceInfo info;
};
typedef struct vrDomainWatchdogDef vrDomainWatchdogDef;

vrDomainWatchdogDef *vrDomainWatchdogDefParse(xmlNode *node,
                                              unsigned int parse_flags);
void vrDomainWatchdogDefFormat(GString *buf, const vrDomainWatchdogDef *wd);
vrDomainWatchdogDef *vrDomainWatchdogDefCopy(const vrDomainWatchdogDef *wd);
void vrDomainWatchdogDefFree(vrDomainWatchdogDef *wd);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainWatchdogDef, vrDomainWatchdogDefFree)

#endif /* VR_DOMAIN_WATCHDOG_H */
