/* Which driver takes a URI: the default URI when none is given, then each
 * registered driver in order (accept / decline / error). */
#include "api/entry.h"
#include "api/registry.h"

#include <stdlib.h>

#define VR_FROM_THIS VIR_FROM_NONE
#define VR_DEFAULT_URI "sim:///default"

static const vrHypervisorDriver *const drivers[] = {
    &vrSimDriver,
};

const char *vrRegistryDefaultURI(void)
{
    const char *env = getenv("VIREO_DEFAULT_URI");

    if (env && *env)
        return env;
    env = getenv("LIBVIRT_DEFAULT_URI");
    if (env && *env)
        return env;
    return VR_DEFAULT_URI;
}

virConnectPtr vrRegistryOpen(const char *name, virConnectAuthPtr auth,
                             unsigned int flags)
{
    g_autoptr(vrURI) uri = NULL;
    virConnectPtr conn;
    size_t i;

    if (!name || !*name)
        name = vrRegistryDefaultURI();
    if (!(uri = vrURIParse(name)))
        return NULL;

    conn = vrConnectNew();
    conn->flags = flags;
    conn->uri = g_strdup(name);
    for (i = 0; i < G_N_ELEMENTS(drivers); i++) {
        vrDrvOpenStatus st;

        conn->driver = drivers[i];
        st = drivers[i]->connectOpen(conn, uri, auth, flags);
        if (st == VR_DRV_OPEN_SUCCESS)
            return conn;
        if (st == VR_DRV_OPEN_ERROR) {
            virErrorPtr saved = vrErrorSave();
            conn->driver = NULL;      /* open failed: nothing to close */
            vrConnectUnref(conn);
            vrErrorRestore(&saved);
            return NULL;
        }
    }
    conn->driver = NULL;
    vrConnectUnref(conn);
    vrReportError(VIR_ERR_NO_CONNECT, "%s", name);
    return NULL;
}
