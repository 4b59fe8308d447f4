/* <watchdog model action>: a model libvirt 9.0 knows, an action that
 * defaults to reset, and the usual alias/address. */
#include "conf/domain_watchdog.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

VR_ENUM_IMPL(vrWatchdogModel, VR_WATCHDOG_MODEL_LAST,
             "i6300esb", "ib700", "diag288")
VR_ENUM_IMPL(vrWatchdogAction, VR_WATCHDOG_ACTION_LAST,
             "reset", "shutdown", "poweroff", "pause", "dump", "none",
             "inject-nmi")

void
vrDomainWatchdogDefFree(vrDomainWatchdogDef *wd)
{
    if (!wd)
        return;
    vrDeviceInfoClear(&wd->info);
    g_free(wd);
}

vrDomainWatchdogDef *
vrDomainWatchdogDefCopy(const vrDomainWatchdogDef *wd)
{
    vrDomainWatchdogDef *copy = g_new0(vrDomainWatchdogDef, 1);

    *copy = *wd;
    vrDeviceInfoCopy(&copy->info, &wd->info);
    return copy;
}

vrDomainWatchdogDef *
vrDomainWatchdogDefParse(xmlNode *node, unsigned int parse_flags)
{
    g_autoptr(vrDomainWatchdogDef) wd = g_new0(vrDomainWatchdogDef, 1);
    g_autofree char *model = vrXMLProp(node, "model");
    g_autofree char *action = NULL;
    int val;

    if (!model) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "watchdog must contain model name");
        return NULL;
    }
    if ((val = vrWatchdogModelFromString(model)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown watchdog model '%s'", model);
        return NULL;
    }
    wd->model = val;
    wd->action = VR_WATCHDOG_ACTION_RESET;
    if ((action = vrXMLProp(node, "action"))) {
        if ((val = vrWatchdogActionFromString(action)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "unknown watchdog action '%s'", action);
            return NULL;
        }
        wd->action = val;
    }
    if (vrDeviceInfoParse(node, parse_flags, &wd->info) < 0)
        return NULL;
    wd->info.boot_order = 0;            /* a watchdog has no boot order */
    return g_steal_pointer(&wd);
}

void
vrDomainWatchdogDefFormat(GString *buf, const vrDomainWatchdogDef *wd)
{
    vrBufPrintf(buf, "    <watchdog model='%s' action='%s'",
                vrWatchdogModelToString(wd->model),
                vrWatchdogActionToString(wd->action));
    if (vrDeviceInfoIsEmpty(&wd->info)) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    vrDeviceInfoFormat(buf, 3, &wd->info);
    g_string_append(buf, "    </watchdog>\n");
}
