/* Storage pools, volumes and streams through the public API on a private
 * sim node: the default pool as libvirt's test:///default has it, pool
 * lifecycle with its exact errors and events, listings and filters, volume
 * accounting (over-allocation creates nothing), clone, wipe, resize, and
 * uploads/downloads of 1 byte, 1 MiB and 100 MiB checked by checksum, with
 * abort leaving the volume as it was. */
#include "sim_test.h"

#include <glib.h>
#include <unistd.h>

#define DEFAULT_POOL "default-pool"
#define DEFAULT_POOL_UUID "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"
#define POOL_CAPACITY 107374182400ULL
#define MIB (1024ULL * 1024ULL)
#define EV_MAX 64
#define EV_PUMP_ROUNDS 40
#define XFER_CHUNK (64 * 1024)          /* bytes per virStreamSend/Recv */
#define EV_GUARD_MS 5                   /* wakes the event loop */

static const char default_pool_xml[] =
    "<pool type='dir'>\n"
    "  <name>default-pool</name>\n"
    "  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n"
    "  <capacity unit='bytes'>107374182400</capacity>\n"
    "  <allocation unit='bytes'>0</allocation>\n"
    "  <available unit='bytes'>107374182400</available>\n"
    "  <source>\n"
    "  </source>\n"
    "  <target>\n"
    "    <path>/default-pool</path>\n"
    "  </target>\n"
    "</pool>\n";

static const char pool2_xml[] =
    "<pool type='dir'><name>pool2</name><uuid>11111111-2222-3333-4444-000000000002</uuid>"
    "<target><path>/pool2</path></target></pool>";

static const char netfs_xml[] =
    "<pool type='netfs'><name>nfs</name><uuid>11111111-2222-3333-4444-000000000003</uuid>"
    "<source><host name='h'/><dir path='/e'/></source>"
    "<target><path>/mnt/nfs</path></target></pool>";

static char *
vol_xml(const char *name, unsigned long long capacity, unsigned long long allocation)
{
    static char buf[512];

    snprintf(buf, sizeof(buf),
             "<volume><name>%s</name><capacity>%llu</capacity>"
             "<allocation>%llu</allocation></volume>", name, capacity, allocation);
    return buf;
}

static virStoragePoolPtr
default_pool(virConnectPtr conn)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, DEFAULT_POOL);

    assert_non_null(pool);
    return pool;
}

static void
assert_pool_info(virStoragePoolPtr pool, int state, unsigned long long alloc)
{
    virStoragePoolInfo info;

    assert_int_equal(virStoragePoolGetInfo(pool, &info), 0);
    assert_int_equal(info.state, state);
    assert_int_equal(info.capacity, POOL_CAPACITY);
    assert_int_equal(info.allocation, alloc);
    assert_int_equal(info.available, POOL_CAPACITY - alloc);
}

/* --- the default pool ----------------------------------------------------- */

static void
test_default_pool(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    char uuid[VIR_UUID_STRING_BUFLEN];
    char *names[4] = { NULL };
    char *xml;
    int autostart = -1;

    assert_int_equal(virConnectNumOfStoragePools(conn), 1);
    assert_int_equal(virConnectNumOfDefinedStoragePools(conn), 0);
    assert_int_equal(virConnectListStoragePools(conn, names, 4), 1);
    assert_string_equal(names[0], DEFAULT_POOL);
    free(names[0]);
    assert_int_equal(virStoragePoolGetUUIDString(pool, uuid), 0);
    assert_string_equal(uuid, DEFAULT_POOL_UUID);
    assert_int_equal(virStoragePoolIsActive(pool), 1);
    assert_int_equal(virStoragePoolIsPersistent(pool), 1);
    assert_int_equal(virStoragePoolGetAutostart(pool, &autostart), 0);
    assert_int_equal(autostart, 0);
    assert_pool_info(pool, VIR_STORAGE_POOL_RUNNING, 0);
    xml = virStoragePoolGetXMLDesc(pool, 0);
    assert_string_equal(xml, default_pool_xml);
    free(xml);
    assert_null(virStoragePoolGetXMLDesc(pool, VIR_STORAGE_XML_INACTIVE));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function testStoragePoolGetXMLDesc");
    assert_int_equal(virStoragePoolNumOfVolumes(pool), 0);
    assert_true(virStoragePoolGetConnect(pool) == conn);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_lookup_errors(void **state)
{
    virConnectPtr conn = sim_open();

    assert_null(virStoragePoolLookupByName(conn, "nope"));
    sim_assert_error(VIR_ERR_NO_STORAGE_POOL, VIR_FROM_TEST,
                     "Storage pool not found: no storage pool with matching name 'nope'");
    assert_null(virStoragePoolLookupByUUIDString(conn, "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4567"));
    sim_assert_error(VIR_ERR_NO_STORAGE_POOL, VIR_FROM_TEST,
                     "Storage pool not found: no storage pool with matching uuid "
                     "'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4567'");
    assert_null(virStoragePoolLookupByUUIDString(conn, "zzz"));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "uuidstr in virStoragePoolLookupByUUIDString must be a valid UUID");
    assert_null(virStoragePoolLookupByName(conn, NULL));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "name in virStoragePoolLookupByName must not be NULL");
    assert_int_equal(virConnectListStoragePools(conn, NULL, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "names in virConnectListStoragePools must not be NULL");
    assert_int_equal(virConnectListStoragePools(conn, NULL, 0), 0);
    assert_int_equal(virConnectListDefinedStoragePools(conn, (char **)&conn, -1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "maxnames in virConnectListDefinedStoragePools must be zero or greater");
    assert_null(virStorageVolLookupByKey(conn, "/default-pool/zz"));
    sim_assert_error(VIR_ERR_NO_STORAGE_VOL, VIR_FROM_TEST,
                     "Storage volume not found: no storage vol with matching key "
                     "'/default-pool/zz'");
    assert_null(virStorageVolLookupByPath(conn, "/default-pool/zz"));
    sim_assert_error(VIR_ERR_NO_STORAGE_VOL, VIR_FROM_TEST,
                     "Storage volume not found: no storage vol with matching path "
                     "'/default-pool/zz'");
    virConnectClose(conn);
}

/* --- pool lifecycle ----------------------------------------------------------- */

static void
test_pool_lifecycle(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = virStoragePoolDefineXML(conn, pool2_xml, 0);
    int autostart = -1;

    assert_non_null(pool);
    assert_int_equal(virStoragePoolIsActive(pool), 0);
    assert_int_equal(virStoragePoolIsPersistent(pool), 1);
    assert_int_equal(virConnectNumOfDefinedStoragePools(conn), 1);
    assert_pool_info(pool, VIR_STORAGE_POOL_INACTIVE, 0);
    assert_int_equal(virStoragePoolNumOfVolumes(pool), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: storage pool 'pool2' is not active");
    assert_int_equal(virStoragePoolListAllVolumes(pool, NULL, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: storage pool is not active");
    assert_int_equal(virStoragePoolDestroy(pool), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: storage pool 'pool2' is not active");
    assert_int_equal(virStoragePoolBuild(pool, 0), 0);
    assert_int_equal(virStoragePoolBuild(pool, VIR_STORAGE_POOL_BUILD_OVERWRITE), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x8) in function testStoragePoolBuild");
    assert_int_equal(virStoragePoolCreate(pool, 0), 0);
    assert_int_equal(virStoragePoolCreate(pool, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: storage pool 'pool2' is active");
    assert_int_equal(virStoragePoolUndefine(pool), -1);
    assert_int_equal(virStoragePoolDelete(pool, 0), -1);
    assert_int_equal(virStoragePoolRefresh(pool, 0), 0);
    assert_int_equal(virStoragePoolSetAutostart(pool, 1), 0);
    assert_int_equal(virStoragePoolGetAutostart(pool, &autostart), 0);
    assert_int_equal(autostart, 1);
    assert_int_equal(virStoragePoolDestroy(pool), 0);
    assert_int_equal(virStoragePoolDelete(pool, 0), 0);
    assert_int_equal(virStoragePoolUndefine(pool), 0);
    assert_int_equal(virStoragePoolIsActive(pool), -1);
    sim_assert_error(VIR_ERR_NO_STORAGE_POOL, VIR_FROM_TEST,
                     "Storage pool not found: no storage pool with matching uuid "
                     "'11111111-2222-3333-4444-000000000002'");
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_pool_transient(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = virStoragePoolCreateXML(conn, pool2_xml, 0);
    int autostart = -1;

    assert_non_null(pool);
    assert_int_equal(virStoragePoolIsActive(pool), 1);
    assert_int_equal(virStoragePoolIsPersistent(pool), 0);
    assert_int_equal(virStoragePoolGetAutostart(pool, &autostart), 0);
    assert_int_equal(autostart, 0);
    assert_int_equal(virStoragePoolSetAutostart(pool, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: pool has no config file");
    assert_null(virStoragePoolCreateXML(conn, pool2_xml, 0));
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                     "Requested operation is not valid: pool is already active as 'pool2'");
    assert_null(virStoragePoolCreateXML(conn, pool2_xml, 1));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function testStoragePoolCreateXML");
    assert_int_equal(virStoragePoolDestroy(pool), 0);
    assert_null(virStoragePoolLookupByName(conn, "pool2"));
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_pool_duplicates(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool;
    char *xml;

    assert_null(virStoragePoolDefineXML(conn,
        "<pool type='dir'><name>default-pool</name><target><path>/x</path></target></pool>",
        0));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE,
                     "operation failed: pool 'default-pool' already exists with uuid "
                     DEFAULT_POOL_UUID);
    assert_null(virStoragePoolDefineXML(conn,
        "<pool type='dir'><name>other</name><uuid>" DEFAULT_POOL_UUID "</uuid>"
        "<target><path>/x</path></target></pool>", 0));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE,
                     "operation failed: pool 'default-pool' is already defined with uuid "
                     DEFAULT_POOL_UUID);
    assert_null(virStoragePoolDefineXML(conn,
        "<pool type='dir'><name>other</name><target><path>/default-pool</path></target>"
        "</pool>", 0));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE,
                     "operation failed: Storage source conflict with pool: 'default-pool'");
    assert_null(virStoragePoolDefineXML(conn, "<pool type='dir'><name>x</name></pool>", 0));
    sim_assert_error(VIR_ERR_XML_ERROR, VIR_FROM_STORAGE,
                     "XML error: missing storage pool target path");
    assert_null(virStoragePoolDefineXML(conn, pool2_xml, 2));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x2) in function testStoragePoolDefineXML");
    /* redefining the running pool waits until it stops */
    pool = virStoragePoolDefineXML(conn,
        "<pool type='dir'><name>default-pool</name><uuid>" DEFAULT_POOL_UUID "</uuid>"
        "<target><path>/elsewhere</path></target></pool>", 0);
    assert_non_null(pool);
    xml = virStoragePoolGetXMLDesc(pool, 0);
    assert_string_equal(xml, default_pool_xml);
    free(xml);
    assert_int_equal(virStoragePoolDestroy(pool), 0);
    xml = virStoragePoolGetXMLDesc(pool, 0);
    assert_non_null(strstr(xml, "<path>/elsewhere</path>"));
    free(xml);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static int
count_all(virConnectPtr conn, unsigned int flags, const char *first)
{
    virStoragePoolPtr *pools = NULL;
    int n = virConnectListAllStoragePools(conn, &pools, flags);
    int i;

    assert_true(n >= 0);
    if (first && n > 0)
        assert_string_equal(virStoragePoolGetName(pools[0]), first);
    assert_null(pools[n]);
    for (i = 0; i < n; i++)
        virStoragePoolFree(pools[i]);
    free(pools);
    return n;
}

static void
test_list_all_filters(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr p2 = virStoragePoolDefineXML(conn, pool2_xml, 0);
    virStoragePoolPtr nfs = virStoragePoolCreateXML(conn, netfs_xml, 0);
    virStoragePoolPtr *pools = (virStoragePoolPtr *)&conn;

    assert_non_null(p2);
    assert_non_null(nfs);
    assert_int_equal(virStoragePoolSetAutostart(p2, 1), 0);
    assert_int_equal(count_all(conn, 0, DEFAULT_POOL), 3);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, DEFAULT_POOL), 2);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE, "pool2"), 1);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE |
                               VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE, NULL), 3);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT, NULL), 2);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT, "nfs"), 1);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART, "pool2"), 1);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART, NULL), 2);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_DIR, NULL), 2);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_NETFS, "nfs"), 1);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL, NULL), 0);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_NETFS |
                               VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, "nfs"), 1);
    assert_int_equal(count_all(conn, VIR_CONNECT_LIST_STORAGE_POOLS_DIR |
                               VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE, "pool2"), 1);
    /* without an array libvirt counts every pool */
    assert_int_equal(virConnectListAllStoragePools(conn, NULL,
                                                   VIR_CONNECT_LIST_STORAGE_POOLS_ZFS), 3);
    assert_int_equal(virConnectListAllStoragePools(conn, &pools, 1U << 20), -1);
    assert_null(pools);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x100000) in function "
                     "testConnectListAllStoragePools");
    virStoragePoolFree(p2);
    virStoragePoolFree(nfs);
    virConnectClose(conn);
}

/* --- volumes and accounting ------------------------------------------------ */

static void
test_volume_accounting(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("a.img", 10 * MIB, MIB), 0);
    virStorageVolPtr again;
    virStorageVolInfo info;
    char *str;

    assert_non_null(vol);
    assert_string_equal(virStorageVolGetName(vol), "a.img");
    assert_string_equal(virStorageVolGetKey(vol), "/default-pool/a.img");
    str = virStorageVolGetPath(vol);
    assert_string_equal(str, "/default-pool/a.img");
    free(str);
    assert_int_equal(virStorageVolGetInfo(vol, &info), 0);
    assert_int_equal(info.type, VIR_STORAGE_VOL_FILE);
    assert_int_equal(info.capacity, 10 * MIB);
    assert_int_equal(info.allocation, MIB);
    assert_pool_info(pool, VIR_STORAGE_POOL_RUNNING, MIB);

    /* over-allocation is refused and creates nothing */
    assert_null(virStorageVolCreateXML(pool, vol_xml("big", POOL_CAPACITY, POOL_CAPACITY), 0));
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: Not enough free space in pool for volume 'big'");
    assert_null(virStorageVolLookupByName(pool, "big"));
    assert_pool_info(pool, VIR_STORAGE_POOL_RUNNING, MIB);
    again = virStorageVolCreateXML(pool, vol_xml("fill", 1, POOL_CAPACITY - MIB), 0);
    assert_non_null(again);
    assert_pool_info(pool, VIR_STORAGE_POOL_RUNNING, POOL_CAPACITY);
    assert_int_equal(virStorageVolDelete(again, 0), 0);
    virStorageVolFree(again);

    assert_null(virStorageVolCreateXML(pool, vol_xml("a.img", 1, 1), 0));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_TEST,
                     "operation failed: storage vol already exists");
    assert_null(virStorageVolCreateXML(pool, vol_xml("b", 1, 1), 1));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function testStorageVolCreateXML");
    assert_null(virStorageVolCreateXML(pool, "<volume><name>b</name></volume>", 0));
    sim_assert_error(VIR_ERR_XML_ERROR, VIR_FROM_STORAGE, "XML error: missing capacity element");

    again = virStorageVolLookupByKey(conn, "/default-pool/a.img");
    assert_non_null(again);
    assert_string_equal(virStorageVolGetName(again), "a.img");
    virStorageVolFree(again);
    again = virStorageVolLookupByPath(conn, "/default-pool/a.img");
    assert_non_null(again);
    virStorageVolFree(again);
    assert_int_equal(virStorageVolDelete(vol, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function testStorageVolDelete");
    assert_int_equal(virStorageVolDelete(vol, 0), 0);
    assert_pool_info(pool, VIR_STORAGE_POOL_RUNNING, 0);
    assert_int_equal(virStorageVolGetInfo(vol, &info), -1);
    sim_assert_error(VIR_ERR_NO_STORAGE_VOL, VIR_FROM_TEST,
                     "Storage volume not found: no storage vol with matching name 'a.img'");
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_volume_xml_and_listing(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr b = virStorageVolCreateXML(pool, vol_xml("b", 2048, 1024), 0);
    virStorageVolPtr a = virStorageVolCreateXML(pool,
        "<volume><name>a</name><capacity unit='KiB'>1</capacity>"
        "<target><format type='qcow2'/></target></volume>", 0);
    virStorageVolPtr *vols = NULL;
    char *names[4] = { NULL };
    virStoragePoolPtr owner;
    char *xml;

    assert_non_null(a);
    assert_non_null(b);
    xml = virStorageVolGetXMLDesc(a, 0);
    assert_string_equal(xml,
        "<volume type='file'>\n"
        "  <name>a</name>\n"
        "  <key>/default-pool/a</key>\n"
        "  <capacity unit='bytes'>1024</capacity>\n"
        "  <allocation unit='bytes'>1024</allocation>\n"
        "  <target>\n"
        "    <path>/default-pool/a</path>\n"
        "    <format type='qcow2'/>\n"
        "  </target>\n"
        "</volume>\n");
    free(xml);
    assert_int_equal(virStoragePoolNumOfVolumes(pool), 2);
    assert_int_equal(virStoragePoolListVolumes(pool, names, 4), 2);
    assert_string_equal(names[0], "a");
    assert_string_equal(names[1], "b");
    free(names[0]);
    free(names[1]);
    assert_int_equal(virStoragePoolListVolumes(pool, names, 1), 1);
    free(names[0]);
    assert_int_equal(virStoragePoolListAllVolumes(pool, &vols, 0), 2);
    assert_string_equal(virStorageVolGetName(vols[1]), "b");
    assert_null(vols[2]);
    virStorageVolFree(vols[0]);
    virStorageVolFree(vols[1]);
    free(vols);
    assert_int_equal(virStoragePoolListAllVolumes(pool, NULL, 0), 2);
    owner = virStoragePoolLookupByVolume(b);
    assert_string_equal(virStoragePoolGetName(owner), DEFAULT_POOL);
    virStoragePoolFree(owner);
    /* a stopped pool keeps its volumes but hides them */
    assert_int_equal(virStoragePoolDestroy(pool), 0);
    assert_null(virStorageVolLookupByKey(conn, "/default-pool/a"));
    assert_null(virStorageVolGetXMLDesc(a, 0));
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: storage pool 'default-pool' is not "
                     "active");
    assert_pool_info(pool, VIR_STORAGE_POOL_INACTIVE, 2048);
    assert_int_equal(virStoragePoolCreate(pool, 0), 0);
    assert_int_equal(virStoragePoolNumOfVolumes(pool), 2);
    virStorageVolFree(a);
    virStorageVolFree(b);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

/* --- streams: helpers ------------------------------------------------------- */

/* Deterministic bytes: a simple LCG from seed. */
static void
fill_pattern(char *buf, size_t len, guint32 seed)
{
    size_t i;

    for (i = 0; i < len; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (char)(seed >> 16);
    }
}

/* Upload len pattern bytes at offset (chunked sends), then finish. */
static void
upload(virConnectPtr conn, virStorageVolPtr vol, guint64 offset, guint64 len, guint32 seed,
       char **digest)
{
    virStreamPtr st = virStreamNew(conn, 0);
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    char *buf = g_malloc(len ? len : 1);
    guint64 sent = 0;

    fill_pattern(buf, len, seed);
    g_checksum_update(sum, (const guchar *)buf, len);
    assert_int_equal(virStorageVolUpload(vol, st, offset, len, 0), 0);
    while (sent < len) {
        int n = virStreamSend(st, buf + sent, MIN(len - sent, XFER_CHUNK));

        assert_true(n > 0);
        sent += n;
    }
    assert_int_equal(virStreamFinish(st), 0);
    assert_int_equal(virStreamFree(st), 0);
    *digest = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
    g_free(buf);
}

/* Download length bytes at offset; the checksum of what arrived. */
static char *
download(virConnectPtr conn, virStorageVolPtr vol, guint64 offset, guint64 length,
         guint64 *got)
{
    virStreamPtr st = virStreamNew(conn, 0);
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    char *buf = g_malloc(XFER_CHUNK);
    char *digest;
    int n;

    *got = 0;
    assert_int_equal(virStorageVolDownload(vol, st, offset, length, 0), 0);
    while ((n = virStreamRecv(st, buf, XFER_CHUNK)) > 0) {
        g_checksum_update(sum, (const guchar *)buf, n);
        *got += n;
    }
    assert_int_equal(n, 0);
    assert_int_equal(virStreamFinish(st), 0);
    assert_int_equal(virStreamFree(st), 0);
    digest = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
    g_free(buf);
    return digest;
}

static void
check_roundtrip(guint64 len)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("data", len, 0), 0);
    char *sent = NULL;
    char *got;
    guint64 n;

    assert_non_null(vol);
    upload(conn, vol, 0, len, (guint32)len, &sent);
    got = download(conn, vol, 0, 0, &n);
    assert_int_equal(n, len);
    assert_string_equal(got, sent);
    g_free(sent);
    g_free(got);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_roundtrip_1_byte(void **state)
{
    check_roundtrip(1);
}

static void
test_roundtrip_1_mib(void **state)
{
    check_roundtrip(MIB);
}

static void
test_roundtrip_100_mib(void **state)
{
    check_roundtrip(100 * MIB);
}

/* --- streams: ranges, abort, failures --------------------------------------- */

static void
test_upload_ranges(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("r", 1000, 0), 0);
    virStreamPtr st = virStreamNew(conn, 0);
    char buf[1000];
    char *digest = NULL;
    char *got;
    guint64 n;
    int i;

    assert_non_null(vol);
    /* bytes 100..149 written, the rest reads as zeros */
    upload(conn, vol, 100, 50, 7, &digest);
    g_free(digest);
    got = download(conn, vol, 0, 0, &n);
    assert_int_equal(n, 1000);
    g_free(got);
    got = download(conn, vol, 990, 0, &n);
    assert_int_equal(n, 10);
    g_free(got);
    got = download(conn, vol, 2000, 0, &n);
    assert_int_equal(n, 0);
    g_free(got);
    assert_int_equal(virStorageVolDownload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStreamRecv(st, buf, sizeof(buf)), 1000);
    for (i = 0; i < 100; i++)
        assert_int_equal(buf[i], 0);
    fill_pattern(buf + 500, 50, 7);
    assert_memory_equal(buf + 100, buf + 500, 50);
    assert_int_equal(virStreamRecv(st, buf, sizeof(buf)), 0);
    assert_int_equal(virStreamFinish(st), 0);
    virStreamFree(st);

    /* beyond the capacity, and past the length */
    st = virStreamNew(conn, 0);
    assert_int_equal(virStorageVolUpload(vol, st, 990, 20, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "invalid argument: offset 990 and length 20 exceed the capacity (1000 "
                     "bytes) of volume 'r'");
    assert_int_equal(virStorageVolUpload(vol, st, 990, 0, 0), 0);
    assert_int_equal(virStreamSend(st, buf, 50), 10);
    assert_int_equal(virStreamSend(st, buf, 50), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                     "cannot write to stream: No space left on device");
    assert_int_equal(virStreamFinish(st), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_STREAMS,
                     "internal error: stream is not open");
    virStreamFree(st);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_abort_leaves_volume(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("keep", 4 * MIB, 0), 0);
    char *before = NULL;
    char *after;
    char *buf = g_malloc(MIB);
    virStreamPtr st;
    guint64 n;

    assert_non_null(vol);
    upload(conn, vol, 0, 4 * MIB, 42, &before);
    fill_pattern(buf, MIB, 99);
    st = virStreamNew(conn, 0);
    assert_int_equal(virStorageVolUpload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStreamSend(st, buf, MIB), (int)MIB);
    assert_int_equal(virStreamAbort(st), 0);
    assert_int_equal(virStreamAbort(st), 0);
    virStreamFree(st);
    after = download(conn, vol, 0, 0, &n);
    assert_string_equal(after, before);
    g_free(after);

    /* a stream freed without Finish is an abort too */
    st = virStreamNew(conn, 0);
    assert_int_equal(virStorageVolUpload(vol, st, MIB, 0, 0), 0);
    assert_int_equal(virStreamSend(st, buf, 1000), 1000);
    virStreamFree(st);
    after = download(conn, vol, 0, 0, &n);
    assert_string_equal(after, before);
    g_free(after);
    g_free(before);
    g_free(buf);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_volume_in_use(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("busy", MIB, 0), 0);
    virStreamPtr st = virStreamNew(conn, 0);
    virStreamPtr other = virStreamNew(conn, 0);

    assert_int_equal(virStorageVolUpload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStorageVolUpload(vol, other, 0, 0, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                     "Requested operation is not valid: volume 'busy' is still in use.");
    assert_int_equal(virStorageVolDelete(vol, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                     "Requested operation is not valid: volume 'busy' is still in use.");
    assert_int_equal(virStorageVolWipe(vol, 0), -1);
    assert_int_equal(virStorageVolResize(vol, 2 * MIB, 0), -1);
    assert_int_equal(virStoragePoolDestroy(pool), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                     "internal error: pool 'default-pool' has asynchronous jobs running.");
    assert_int_equal(virStorageVolUpload(vol, st, 0, 0, 0), -1);
    assert_int_equal(virStreamFinish(st), 0);
    assert_int_equal(virStreamFinish(st), 0);
    assert_int_equal(virStreamSend(st, "x", 1), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_STREAMS,
                     "internal error: stream is not open");
    assert_int_equal(virStorageVolDelete(vol, 0), 0);
    virStreamFree(st);
    virStreamFree(other);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_stream_api_errors(void **state)
{
    virConnectPtr conn = sim_open();
    virConnectPtr conn2 = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("s", 10, 0), 0);
    virStreamPtr st = virStreamNew(conn, 0);
    virStreamPtr nb = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    virStreamPtr foreign = virStreamNew(conn2, 0);
    char buf[4];

    assert_int_equal(virStreamSend(st, buf, 1), -1);
    sim_assert_error(VIR_ERR_NO_SUPPORT, VIR_FROM_STREAMS,
                     "this function is not supported by the connection driver: "
                     "virStreamSend");
    assert_int_equal(virStreamRecv(st, NULL, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS,
                     "data in virStreamRecv must not be NULL");
    assert_int_equal(virStreamFinish(st), -1);
    sim_assert_error(VIR_ERR_NO_SUPPORT, VIR_FROM_STREAMS,
                     "this function is not supported by the connection driver: "
                     "virStreamFinish");
    assert_int_equal(virStreamAbort(st), 0);
    assert_int_equal(virStreamEventAddCallback(st, 1, NULL, NULL, NULL), -1);
    sim_assert_error(VIR_ERR_NO_SUPPORT, VIR_FROM_STREAMS,
                     "this function is not supported by the connection driver: "
                     "virStreamEventAddCallback");
    assert_int_equal(virStreamSendAll(nb, (virStreamSourceFunc)1, NULL), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS,
                     "Requested operation is not valid: data sources cannot be used for "
                     "non-blocking streams");
    assert_int_equal(virStreamRecvAll(nb, NULL, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS,
                     "handler in virStreamRecvAll must not be NULL");
    assert_int_equal(virStorageVolDownload(vol, foreign, 0, 0, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "stream in virStorageVolDownload must match connection of volume 's'");
    assert_int_equal(virStorageVolUpload(vol, NULL, 0, 0, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS,
                     "invalid stream pointer in virStorageVolUpload");
    assert_int_equal(virStorageVolUpload(vol, st, 0, 0, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "unsupported flags (0x1) in function storageVolUpload");
    assert_int_equal(virStorageVolDownload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStorageVolDownload(vol, st, 0, 0, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS,
                     "Requested operation is not valid: stream is already used by another "
                     "transfer");
    assert_int_equal(virStreamSend(st, buf, 1), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                     "cannot write to stream: Bad file descriptor");
    virStreamFree(st);
    virStreamFree(nb);
    virStreamFree(foreign);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn2);
    virConnectClose(conn);
}

/* SendAll / RecvAll with handler callbacks. */
typedef struct {
    const char *data;
    size_t len;
    size_t pos;
    GString *sink;
} xfer_state;

static int
source_cb(virStreamPtr st, char *data, size_t nbytes, void *opaque)
{
    xfer_state *x = opaque;
    size_t n = MIN(nbytes, x->len - x->pos);

    memcpy(data, x->data + x->pos, n);
    x->pos += n;
    return (int)n;
}

static int
sink_cb(virStreamPtr st, const char *data, size_t nbytes, void *opaque)
{
    xfer_state *x = opaque;

    g_string_append_len(x->sink, data, nbytes);
    return (int)nbytes;
}

static void
test_send_recv_all(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("all", 200000, 0), 0);
    char *data = g_malloc(200000);
    xfer_state x = { data, 200000, 0, g_string_new(NULL) };
    virStreamPtr st = virStreamNew(conn, 0);

    fill_pattern(data, 200000, 3);
    assert_int_equal(virStorageVolUpload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStreamSendAll(st, source_cb, &x), 0);
    assert_int_equal(virStreamFinish(st), 0);
    virStreamFree(st);
    st = virStreamNew(conn, 0);
    assert_int_equal(virStorageVolDownload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStreamRecvAll(st, sink_cb, &x), 0);
    assert_int_equal(virStreamFinish(st), 0);
    virStreamFree(st);
    assert_int_equal(x.sink->len, 200000);
    assert_memory_equal(x.sink->str, data, 200000);
    g_string_free(x.sink, TRUE);
    g_free(data);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

/* --- clone, wipe, resize --------------------------------------------------------- */

static void
test_clone(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStoragePoolPtr p2 = virStoragePoolCreateXML(conn, pool2_xml, 0);
    virStorageVolPtr src = virStorageVolCreateXML(pool, vol_xml("src", 2 * MIB, MIB), 0);
    virStorageVolPtr copy, other;
    virStorageVolInfo info;
    char *digest = NULL;
    char *got;
    guint64 n;

    assert_non_null(src);
    upload(conn, src, 0, 2 * MIB, 11, &digest);
    copy = virStorageVolCreateXMLFrom(pool, "<volume><name>copy</name></volume>", src, 0);
    assert_non_null(copy);
    assert_int_equal(virStorageVolGetInfo(copy, &info), 0);
    /* no <allocation>: fully allocated, as libvirt's storage driver does */
    assert_int_equal(info.capacity, 2 * MIB);
    assert_int_equal(info.allocation, 2 * MIB);
    assert_pool_info(pool, VIR_STORAGE_POOL_RUNNING, 3 * MIB);
    got = download(conn, copy, 0, 0, &n);
    assert_string_equal(got, digest);
    g_free(got);
    /* the copy is independent of its source */
    assert_int_equal(virStorageVolWipe(src, 0), 0);
    got = download(conn, copy, 0, 0, &n);
    assert_string_equal(got, digest);
    g_free(got);
    other = virStorageVolCreateXMLFrom(p2, vol_xml("far", 4 * MIB, 0), copy, 0);
    assert_non_null(other);
    assert_int_equal(virStorageVolGetInfo(other, &info), 0);
    assert_int_equal(info.capacity, 4 * MIB);
    assert_int_equal(info.allocation, 0);
    virStorageVolFree(other);
    assert_null(virStorageVolCreateXMLFrom(pool, vol_xml("copy", 1, 1), src, 0));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_TEST,
                     "operation failed: storage vol already exists");
    assert_null(virStorageVolCreateXMLFrom(pool, vol_xml("huge", 1, POOL_CAPACITY), src, 0));
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: Not enough free space in pool for volume 'huge'");
    assert_int_equal(virStorageVolDelete(src, 0), 0);
    assert_null(virStorageVolCreateXMLFrom(pool, vol_xml("again", 1, 1), src, 0));
    sim_assert_error(VIR_ERR_NO_STORAGE_VOL, VIR_FROM_TEST,
                     "Storage volume not found: no storage vol with matching name 'src'");
    g_free(digest);
    virStorageVolFree(src);
    virStorageVolFree(copy);
    virStoragePoolFree(p2);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
test_wipe(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("w", MIB, 0), 0);
    virStorageVolPtr zero = virStorageVolCreateXML(pool, vol_xml("z", MIB, 0), 0);
    char *digest = NULL;
    char *zeros;
    char *got;
    guint64 n;

    upload(conn, vol, 0, MIB, 5, &digest);
    assert_int_equal(virStorageVolWipe(vol, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function storageVolWipePattern");
    assert_int_equal(virStorageVolWipe(vol, 0), 0);
    got = download(conn, vol, 0, 0, &n);
    zeros = download(conn, zero, 0, 0, &n);
    assert_string_equal(got, zeros);
    assert_string_not_equal(got, digest);
    g_free(got);
    g_free(zeros);
    g_free(digest);
    virStorageVolFree(vol);
    virStorageVolFree(zero);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void
assert_vol_sizes(virStorageVolPtr vol, unsigned long long cap, unsigned long long alloc)
{
    virStorageVolInfo info;

    assert_int_equal(virStorageVolGetInfo(vol, &info), 0);
    assert_int_equal(info.capacity, cap);
    assert_int_equal(info.allocation, alloc);
}

static void
test_resize(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("rs", 4 * MIB, MIB), 0);
    char *digest = NULL;
    GChecksum *sum;
    char *expect;
    char *got;
    guint64 n;

    assert_int_equal(virStorageVolResize(vol, 8 * MIB, 0), 0);
    assert_vol_sizes(vol, 8 * MIB, MIB);
    assert_int_equal(virStorageVolResize(vol, MIB, VIR_STORAGE_VOL_RESIZE_DELTA), 0);
    assert_vol_sizes(vol, 9 * MIB, MIB);
    assert_int_equal(virStorageVolResize(vol, 2 * MIB, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "invalid argument: Can't shrink capacity below current capacity unless "
                     "shrink flag explicitly specified");
    assert_int_equal(virStorageVolResize(vol, MIB / 2, VIR_STORAGE_VOL_RESIZE_SHRINK), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "invalid argument: can't shrink capacity below existing allocation");
    assert_int_equal(virStorageVolResize(vol, 0, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "capacity in virStorageVolResize cannot be zero without 'delta' or "
                     "'shrink' flags set");
    assert_int_equal(virStorageVolResize(vol, 4 * MIB, VIR_STORAGE_VOL_RESIZE_ALLOCATE), -1);
    assert_int_equal(virStorageVolResize(vol, 10 * MIB, VIR_STORAGE_VOL_RESIZE_ALLOCATE), 0);
    assert_vol_sizes(vol, 10 * MIB, 10 * MIB);
    assert_pool_info(pool, VIR_STORAGE_POOL_RUNNING, 10 * MIB);
    assert_int_equal(virStorageVolResize(vol, POOL_CAPACITY + MIB,
                                         VIR_STORAGE_VOL_RESIZE_ALLOCATE), -1);
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE,
                     "operation failed: Not enough space left in storage pool");
    assert_vol_sizes(vol, 10 * MIB, 10 * MIB);
    assert_int_equal(virStorageVolResize(vol, 1, 8), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x8) in function storageVolResize");

    /* shrinking drops the content past the end; growing back reads zeros */
    assert_int_equal(virStorageVolDelete(vol, 0), 0);
    virStorageVolFree(vol);
    vol = virStorageVolCreateXML(pool, vol_xml("rs2", 3 * MIB, 0), 0);
    assert_non_null(vol);
    upload(conn, vol, 0, 3 * MIB, 9, &digest);
    g_free(digest);
    assert_int_equal(virStorageVolResize(vol, MIB + 5, VIR_STORAGE_VOL_RESIZE_SHRINK), 0);
    assert_int_equal(virStorageVolResize(vol, 3 * MIB, 0), 0);
    expect = g_malloc0(3 * MIB);
    fill_pattern(expect, MIB + 5, 9);
    sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *)expect, 3 * MIB);
    got = download(conn, vol, 0, 0, &n);
    assert_string_equal(got, g_checksum_get_string(sum));
    g_checksum_free(sum);
    g_free(expect);
    g_free(got);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

/* --- pool events -------------------------------------------------------------------- */

typedef struct {
    char tag;
    char name[64];
    int event;                      /* -1: refresh */
} pev;

static pev pevs[EV_MAX];
static int npevs;
static int pfreed;

static void
on_pool_lifecycle(virConnectPtr conn, virStoragePoolPtr pool, int event, int detail,
                  void *opaque)
{
    assert_true(npevs < EV_MAX);
    assert_int_equal(detail, 0);
    pevs[npevs].tag = *(const char *)opaque;
    snprintf(pevs[npevs].name, sizeof(pevs[npevs].name), "%s", virStoragePoolGetName(pool));
    pevs[npevs++].event = event;
}

static void
on_pool_refresh(virConnectPtr conn, virStoragePoolPtr pool, void *opaque)
{
    assert_true(npevs < EV_MAX);
    pevs[npevs].tag = *(const char *)opaque;
    snprintf(pevs[npevs].name, sizeof(pevs[npevs].name), "%s", virStoragePoolGetName(pool));
    pevs[npevs++].event = -1;
}

static void
on_pool_free(void *opaque)
{
    pfreed++;
}

static void
guard(int timer, void *opaque)
{
}

static void
pump(int want)
{
    int i;

    for (i = 0; i < EV_PUMP_ROUNDS && npevs < want; i++)
        virEventRunDefaultImpl();
}

#define POOL_CB(f) ((virConnectStoragePoolEventGenericCallback)(void (*)(void))(f))
#define expect_pev(i, tag_, name_, event_) \
    do { assert_int_equal(pevs[i].tag, tag_); \
         assert_string_equal(pevs[i].name, name_); \
         assert_int_equal(pevs[i].event, event_); } while (0)

static void
test_pool_events(void **state)
{
    static const char all = 'a', one = 'o', ref = 'r';
    virConnectPtr conn = sim_open();
    virStoragePoolPtr def = default_pool(conn);
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStreamPtr st;
    int a, o, r;

    npevs = pfreed = 0;
    a = virConnectStoragePoolEventRegisterAny(conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                              POOL_CB(on_pool_lifecycle), (void *)&all,
                                              on_pool_free);
    o = virConnectStoragePoolEventRegisterAny(conn, def, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                              POOL_CB(on_pool_lifecycle), (void *)&one,
                                              on_pool_free);
    r = virConnectStoragePoolEventRegisterAny(conn, NULL, VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                                              POOL_CB(on_pool_refresh), (void *)&ref,
                                              on_pool_free);
    assert_true(a >= 0 && o >= 0 && r >= 0);
    assert_int_equal(virConnectStoragePoolEventRegisterAny(
                         conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                         POOL_CB(on_pool_lifecycle), (void *)&all, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                     "invalid argument: event callback already tracked");

    pool = virStoragePoolDefineXML(conn, pool2_xml, 0);
    assert_int_equal(virStoragePoolBuild(pool, 0), 0);
    assert_int_equal(virStoragePoolCreate(pool, 0), 0);
    assert_int_equal(virStoragePoolRefresh(pool, 0), 0);
    assert_int_equal(virStoragePoolDestroy(pool), 0);
    assert_int_equal(virStoragePoolDelete(pool, 0), 0);
    assert_int_equal(virStoragePoolUndefine(pool), 0);
    assert_int_equal(virStoragePoolDestroy(def), 0);
    assert_int_equal(virStoragePoolCreate(def, 0), 0);
    vol = virStorageVolCreateXML(def, vol_xml("ev", 10, 0), 0);
    st = virStreamNew(conn, 0);
    assert_int_equal(virStorageVolUpload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStreamAbort(st), 0);
    virStreamFree(st);
    pump(12);
    assert_int_equal(npevs, 12);
    expect_pev(0, 'a', "pool2", VIR_STORAGE_POOL_EVENT_DEFINED);
    expect_pev(1, 'a', "pool2", VIR_STORAGE_POOL_EVENT_CREATED);
    expect_pev(2, 'a', "pool2", VIR_STORAGE_POOL_EVENT_STARTED);
    expect_pev(3, 'r', "pool2", -1);
    expect_pev(4, 'a', "pool2", VIR_STORAGE_POOL_EVENT_STOPPED);
    expect_pev(5, 'a', "pool2", VIR_STORAGE_POOL_EVENT_DELETED);
    expect_pev(6, 'a', "pool2", VIR_STORAGE_POOL_EVENT_UNDEFINED);
    expect_pev(7, 'a', DEFAULT_POOL, VIR_STORAGE_POOL_EVENT_STOPPED);
    expect_pev(8, 'o', DEFAULT_POOL, VIR_STORAGE_POOL_EVENT_STOPPED);
    expect_pev(9, 'a', DEFAULT_POOL, VIR_STORAGE_POOL_EVENT_STARTED);
    expect_pev(10, 'o', DEFAULT_POOL, VIR_STORAGE_POOL_EVENT_STARTED);
    expect_pev(11, 'r', DEFAULT_POOL, -1);

    assert_int_equal(virConnectStoragePoolEventDeregisterAny(conn, a), 0);
    assert_int_equal(virConnectStoragePoolEventDeregisterAny(conn, a), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                     "invalid argument: could not find event callback 0 for deletion");
    assert_int_equal(virConnectStoragePoolEventDeregisterAny(conn, o), 0);
    assert_int_equal(virConnectStoragePoolEventDeregisterAny(conn, r), 0);
    assert_int_equal(pfreed, 3);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virStoragePoolFree(def);
    virConnectClose(conn);
}

static void
test_event_arguments(void **state)
{
    virConnectPtr conn = sim_open();
    virConnectPtr conn2 = sim_open();
    virStoragePoolPtr def = default_pool(conn);

    assert_int_equal(virConnectStoragePoolEventRegisterAny(conn, NULL, 2,
                     POOL_CB(on_pool_refresh), NULL, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "eventID in virConnectStoragePoolEventRegisterAny must be less than 2");
    assert_int_equal(virConnectStoragePoolEventRegisterAny(conn, NULL, -1,
                     POOL_CB(on_pool_refresh), NULL, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "eventID in virConnectStoragePoolEventRegisterAny must be zero or "
                     "greater");
    assert_int_equal(virConnectStoragePoolEventRegisterAny(conn, NULL, 0, NULL, NULL, NULL),
                     -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "cb in virConnectStoragePoolEventRegisterAny must not be NULL");
    assert_int_equal(virConnectStoragePoolEventRegisterAny(conn2, def, 0,
                     POOL_CB(on_pool_refresh), NULL, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "storage pool 'default-pool' in virConnectStoragePoolEventRegisterAny "
                     "must match connection");
    assert_int_equal(virConnectStoragePoolEventDeregisterAny(conn, -1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "callbackID in virConnectStoragePoolEventDeregisterAny must be zero or "
                     "greater");
    virStoragePoolFree(def);
    virConnectClose(conn2);
    virConnectClose(conn);
}

/* --- stream event callbacks ------------------------------------------------------ */

typedef struct {
    int calls;
    int events;
    size_t moved;
    char buf[XFER_CHUNK];
} scb_state;

static void
on_stream_readable(virStreamPtr st, int events, void *opaque)
{
    scb_state *s = opaque;
    int n;

    s->calls++;
    s->events |= events;
    if (!(events & VIR_STREAM_EVENT_READABLE))
        return;
    n = virStreamRecv(st, s->buf, sizeof(s->buf));
    assert_true(n >= 0);
    s->moved += n;
    if (n == 0)
        assert_int_equal(virStreamEventUpdateCallback(st, 0), 0);
}

static void
test_stream_events(void **state)
{
    virConnectPtr conn = sim_open();
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, vol_xml("ev", 200000, 0), 0);
    virStreamPtr st = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    scb_state s = { 0 };
    int i;

    assert_int_equal(virStorageVolDownload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStreamEventUpdateCallback(st, 1), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_STREAMS,
                     "internal error: stream does not have a callback registered");
    assert_int_equal(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE,
                                               on_stream_readable, &s, NULL), 0);
    assert_int_equal(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE,
                                               on_stream_readable, &s, NULL), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_STREAMS,
                     "internal error: stream already has a callback registered");
    for (i = 0; i < EV_PUMP_ROUNDS && s.moved < 200000; i++)
        virEventRunDefaultImpl();
    assert_int_equal(s.moved, 200000);
    assert_int_equal(s.events, VIR_STREAM_EVENT_READABLE);
    for (i = 0; i < 3; i++)
        virEventRunDefaultImpl();
    assert_int_equal(virStreamFinish(st), 0);
    assert_int_equal(virStreamEventRemoveCallback(st), 0);
    virStreamFree(st);
    /* the loop drops its reference on the stream */
    for (i = 0; i < 3; i++)
        virEventRunDefaultImpl();

    /* an upload is writable; an abort tells the callback once */
    st = virStreamNew(conn, 0);
    memset(&s, 0, sizeof(s));
    assert_int_equal(virStorageVolUpload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStreamEventAddCallback(st, VIR_STREAM_EVENT_WRITABLE,
                                               on_stream_readable, &s, NULL), 0);
    virEventRunDefaultImpl();
    assert_true(s.calls >= 1);
    assert_int_equal(s.events, VIR_STREAM_EVENT_WRITABLE);
    assert_int_equal(virStreamAbort(st), 0);
    assert_true(s.events & VIR_STREAM_EVENT_ERROR);
    assert_int_equal(virStreamEventRemoveCallback(st), 0);
    virStreamFree(st);
    for (i = 0; i < 3; i++)
        virEventRunDefaultImpl();
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

/* --- read-only connections and node files --------------------------------------- */

static void
test_read_only(void **state)
{
    virConnectPtr rw = virConnectOpen("sim:///default");
    virConnectPtr ro = virConnectOpenReadOnly("sim:///default");
    virStoragePoolPtr rwpool = default_pool(rw);
    virStoragePoolPtr pool = default_pool(ro);
    virStorageVolPtr vol = virStorageVolCreateXML(rwpool, vol_xml("shared", 1, 1), 0);
    virStreamPtr st = virStreamNew(ro, 0);

    assert_non_null(vol);
    virStorageVolFree(vol);
    assert_int_equal(virStoragePoolCreate(pool, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE,
                     "operation forbidden: read only access prevents virStoragePoolCreate");
    assert_null(virStoragePoolDefineXML(ro, pool2_xml, 0));
    sim_assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE,
                     "operation forbidden: read only access prevents virStoragePoolDefineXML");
    assert_null(virStorageVolCreateXML(pool, NULL, 0));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                     "xmlDesc in virStorageVolCreateXML must not be NULL");
    assert_null(virStorageVolCreateXML(pool, vol_xml("x", 1, 1), 0));
    sim_assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE,
                     "operation forbidden: read only access prevents virStorageVolCreateXML");
    vol = virStorageVolLookupByName(pool, "shared");
    assert_non_null(vol);
    assert_int_equal(virStorageVolDownload(vol, st, 0, 0, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE,
                     "operation forbidden: read only access prevents virStorageVolDownload");
    assert_int_equal(virStorageVolResize(vol, 0, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE,
                     "operation forbidden: read only access prevents virStorageVolResize");
    assert_int_equal(virStorageVolDelete(vol, 0), -1);
    virStorageVolFree(vol);
    /* the shared node is left as it was found */
    vol = virStorageVolLookupByName(rwpool, "shared");
    assert_int_equal(virStorageVolDelete(vol, 0), 0);
    virStorageVolFree(vol);
    virStreamFree(st);
    virStoragePoolFree(pool);
    virStoragePoolFree(rwpool);
    virConnectClose(ro);
    virConnectClose(rw);
}

static void
test_node_file(void **state)
{
    static const char node_xml[] =
        "<node>\n"
        "  <pool type='dir'><name>p</name><uuid>11111111-2222-3333-4444-000000000010</uuid>"
        "<capacity>5</capacity><target><path>/p</path></target>\n"
        "    <volume><name>v1</name><capacity>1000</capacity><allocation>600</allocation>"
        "</volume>\n"
        "    <volume><name>v2</name><key>k2</key><capacity>1000</capacity>"
        "<target><path>/elsewhere/v2</path></target></volume>\n"
        "  </pool>\n"
        "</node>\n";
    g_autofree char *dir = g_dir_make_tmp("vireo-storage-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "node.xml", NULL);
    g_autofree char *uri = g_strdup_printf("sim://%s", path);
    virConnectPtr conn;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    assert_true(g_file_set_contents(path, node_xml, -1, NULL));
    virSetErrorFunc(NULL, sim_quiet);
    conn = virConnectOpen(uri);
    assert_non_null(conn);
    assert_int_equal(virConnectNumOfStoragePools(conn), 1);
    pool = virStoragePoolLookupByName(conn, "p");
    assert_non_null(pool);
    assert_pool_info(pool, VIR_STORAGE_POOL_RUNNING, 1600);
    vol = virStorageVolLookupByKey(conn, "k2");
    assert_non_null(vol);
    assert_string_equal(virStorageVolGetName(vol), "v2");
    virStorageVolFree(vol);
    vol = virStorageVolLookupByPath(conn, "/p/v1");
    assert_non_null(vol);
    virStorageVolFree(vol);
    assert_null(virStoragePoolLookupByName(conn, DEFAULT_POOL));
    virStoragePoolFree(pool);
    virConnectClose(conn);
    unlink(path);
    rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_pool),
        cmocka_unit_test(test_lookup_errors),
        cmocka_unit_test(test_pool_lifecycle),
        cmocka_unit_test(test_pool_transient),
        cmocka_unit_test(test_pool_duplicates),
        cmocka_unit_test(test_list_all_filters),
        cmocka_unit_test(test_volume_accounting),
        cmocka_unit_test(test_volume_xml_and_listing),
        cmocka_unit_test(test_roundtrip_1_byte),
        cmocka_unit_test(test_roundtrip_1_mib),
        cmocka_unit_test(test_roundtrip_100_mib),
        cmocka_unit_test(test_upload_ranges),
        cmocka_unit_test(test_abort_leaves_volume),
        cmocka_unit_test(test_volume_in_use),
        cmocka_unit_test(test_stream_api_errors),
        cmocka_unit_test(test_send_recv_all),
        cmocka_unit_test(test_clone),
        cmocka_unit_test(test_wipe),
        cmocka_unit_test(test_resize),
        cmocka_unit_test(test_pool_events),
        cmocka_unit_test(test_event_arguments),
        cmocka_unit_test(test_stream_events),
        cmocka_unit_test(test_read_only),
        cmocka_unit_test(test_node_file),
    };

    virEventRegisterDefaultImpl();
    /* wakes the loop when nothing else is due, so pumping never blocks */
    virEventAddTimeout(EV_GUARD_MS, guard, NULL, NULL);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
