/* Handle objects: connections and domain handles, reference counted, and a
 * registry of live handles so stale pointers are refused, not read. */
#include "api/entry.h"

#include <string.h>

#define VR_FROM_THIS VIR_FROM_NONE

static GMutex handles_lock;
static GHashTable *handles;   /* set of live handle pointers */

void vrHandleRegister(const void *handle)
{
    g_mutex_lock(&handles_lock);
    if (!handles)
        handles = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_hash_table_add(handles, (gpointer)handle);
    g_mutex_unlock(&handles_lock);
}

void vrHandleUnregister(const void *handle)
{
    g_mutex_lock(&handles_lock);
    if (handles)
        g_hash_table_remove(handles, handle);
    g_mutex_unlock(&handles_lock);
}

bool vrHandleIsLive(const void *handle)
{
    bool live;

    if (!handle)
        return false;
    g_mutex_lock(&handles_lock);
    live = handles && g_hash_table_contains(handles, handle);
    g_mutex_unlock(&handles_lock);
    return live;
}

virConnectPtr vrConnectNew(void)
{
    virConnectPtr conn = g_new0(virConnect, 1);

    conn->refs = 1;
    g_mutex_init(&conn->lock);
    vrHandleRegister(conn);
    return conn;
}

static void vrConnectDispose(virConnectPtr conn)
{
    vrHandleUnregister(conn);
    if (conn->driver && conn->driver->connectClose)
        conn->driver->connectClose(conn);
    virResetError(&conn->err);
    if (conn->legacy_events)
        g_array_unref(conn->legacy_events);
    g_mutex_clear(&conn->lock);
    g_free(conn->uri);
    g_free(conn);
}

int vrConnectUnref(virConnectPtr conn)
{
    int left;

    /* g_atomic_int_dec_and_test gives no count; compare-and-swap loop does. */
    do {
        left = g_atomic_int_get(&conn->refs);
    } while (!g_atomic_int_compare_and_exchange(&conn->refs, left, left - 1));
    left--;
    if (left == 0)
        vrConnectDispose(conn);
    return left;
}

int virConnectRef(virConnectPtr conn)
{
    VR_CHECK_CONN(conn, -1);
    g_atomic_int_inc(&conn->refs);
    return 0;
}

virDomainPtr vrDomainHandleNew(virConnectPtr conn, const char *name,
                               const unsigned char *uuid, int id)
{
    virDomainPtr dom = g_new0(virDomain, 1);

    dom->refs = 1;
    g_atomic_int_inc(&conn->refs);
    dom->conn = conn;
    dom->name = g_strdup(name);
    memcpy(dom->uuid, uuid, VIR_UUID_BUFLEN);
    dom->id = id;
    vrHandleRegister(dom);
    return dom;
}

int virDomainRef(virDomainPtr domain)
{
    VR_CHECK_DOMAIN(domain, -1);
    g_atomic_int_inc(&domain->refs);
    return 0;
}

int virDomainFree(virDomainPtr domain)
{
    VR_CHECK_DOMAIN(domain, -1);
    if (!g_atomic_int_dec_and_test(&domain->refs))
        return 0;
    vrHandleUnregister(domain);
    vrConnectUnref(domain->conn);
    g_free(domain->name);
    g_free(domain);
    return 0;
}

virConnectPtr virDomainGetConnect(virDomainPtr domain)
{
    VR_CHECK_DOMAIN(domain, NULL);
    return domain->conn;
}

virNetworkPtr vrNetworkHandleNew(virConnectPtr conn, const char *name,
                                 const unsigned char *uuid)
{
    virNetworkPtr net = g_new0(virNetwork, 1);

    net->refs = 1;
    g_atomic_int_inc(&conn->refs);
    net->conn = conn;
    net->name = g_strdup(name);
    memcpy(net->uuid, uuid, VIR_UUID_BUFLEN);
    vrHandleRegister(net);
    return net;
}

virStoragePoolPtr vrStoragePoolHandleNew(virConnectPtr conn, const char *name,
                                         const unsigned char *uuid)
{
    virStoragePoolPtr pool = g_new0(virStoragePool, 1);

    pool->refs = 1;
    g_atomic_int_inc(&conn->refs);
    pool->conn = conn;
    pool->name = g_strdup(name);
    memcpy(pool->uuid, uuid, VIR_UUID_BUFLEN);
    vrHandleRegister(pool);
    return pool;
}

virStorageVolPtr vrStorageVolHandleNew(virConnectPtr conn, const char *pool,
                                       const char *name, const char *key)
{
    virStorageVolPtr vol = g_new0(virStorageVol, 1);

    vol->refs = 1;
    g_atomic_int_inc(&conn->refs);
    vol->conn = conn;
    vol->pool = g_strdup(pool);
    vol->name = g_strdup(name);
    vol->key = g_strdup(key);
    vrHandleRegister(vol);
    return vol;
}
