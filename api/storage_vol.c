/* Public entry points: storage volumes (lookup, creation and cloning,
 * deletion, wipe, resize, properties, upload/download through streams) and
 * their handles.  Argument checks in libvirt's order and wording. */
#include "api/storage_entry.h"
#include "drivers/stream.h"

#include <string.h>

#define VR_FROM_THIS VIR_FROM_STORAGE

int
virStorageVolRef(virStorageVolPtr vol)
{
    VR_CHECK_VOL(vol, -1);
    g_atomic_int_inc(&vol->refs);
    return 0;
}

int
virStorageVolFree(virStorageVolPtr vol)
{
    VR_CHECK_VOL(vol, -1);
    if (!g_atomic_int_dec_and_test(&vol->refs))
        return 0;
    vrHandleUnregister(vol);
    vrConnectUnref(vol->conn);
    g_free(vol->pool);
    g_free(vol->name);
    g_free(vol->key);
    g_free(vol);
    return 0;
}

virConnectPtr
virStorageVolGetConnect(virStorageVolPtr vol)
{
    VR_CHECK_VOL(vol, NULL);
    return vol->conn;
}

const char *
virStorageVolGetName(virStorageVolPtr vol)
{
    VR_CHECK_VOL(vol, NULL);
    return vol->name;
}

const char *
virStorageVolGetKey(virStorageVolPtr vol)
{
    VR_CHECK_VOL(vol, NULL);
    return vol->key;
}

/* --- lookups ------------------------------------------------------------------ */

virStorageVolPtr
virStorageVolLookupByName(virStoragePoolPtr pool, const char *name)
{
    VR_CHECK_POOL(pool, NULL);
    VR_CHECK_NONNULL(pool->conn, name, NULL);
    VR_STORAGE_SLOT(pool->conn, storageVolLookupByName, NULL);
    return vrStorageRetPtr(pool->conn,
                           VR_STORAGE_DRV(pool->conn)->storageVolLookupByName(pool, name));
}

virStorageVolPtr
virStorageVolLookupByKey(virConnectPtr conn, const char *key)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, key, NULL);
    VR_STORAGE_SLOT(conn, storageVolLookupByKey, NULL);
    return vrStorageRetPtr(conn, VR_STORAGE_DRV(conn)->storageVolLookupByKey(conn, key));
}

virStorageVolPtr
virStorageVolLookupByPath(virConnectPtr conn, const char *path)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, path, NULL);
    VR_STORAGE_SLOT(conn, storageVolLookupByPath, NULL);
    return vrStorageRetPtr(conn, VR_STORAGE_DRV(conn)->storageVolLookupByPath(conn, path));
}

/* --- creation ----------------------------------------------------------------- */

virStorageVolPtr
virStorageVolCreateXML(virStoragePoolPtr pool, const char *xmlDesc, unsigned int flags)
{
    VR_CHECK_POOL(pool, NULL);
    VR_CHECK_NONNULL(pool->conn, xmlDesc, NULL);
    VR_CHECK_WRITABLE(pool->conn, NULL);
    VR_STORAGE_SLOT(pool->conn, storageVolCreateXML, NULL);
    return vrStorageRetPtr(pool->conn, VR_STORAGE_DRV(pool->conn)->storageVolCreateXML(
                                           pool, xmlDesc, flags));
}

virStorageVolPtr
virStorageVolCreateXMLFrom(virStoragePoolPtr pool, const char *xmlDesc,
                           virStorageVolPtr clonevol, unsigned int flags)
{
    VR_CHECK_POOL(pool, NULL);
    if (!vrHandleIsLive(clonevol) || !vrHandleIsLive(clonevol->conn)) {
        vrReportErrorRaw(VIR_ERR_INVALID_STORAGE_VOL, "invalid storage volume pointer in %s",
                         __func__);
        vrEntryFail(pool->conn);
        return NULL;
    }
    VR_CHECK_NONNULL(pool->conn, xmlDesc, NULL);
    VR_CHECK_WRITABLE(pool->conn, NULL);
    VR_CHECK_WRITABLE(clonevol->conn, NULL);
    VR_STORAGE_SLOT(pool->conn, storageVolCreateXMLFrom, NULL);
    return vrStorageRetPtr(pool->conn, VR_STORAGE_DRV(pool->conn)->storageVolCreateXMLFrom(
                                           pool, xmlDesc, clonevol, flags));
}

/* --- changes --------------------------------------------------------------------- */

#define VR_VOL_WRITE_ENTRY(vol, slot) \
    do { VR_CHECK_VOL(vol, -1); \
         VR_CHECK_WRITABLE((vol)->conn, -1); \
         VR_STORAGE_SLOT((vol)->conn, slot, -1); } while (0)

int
virStorageVolDelete(virStorageVolPtr vol, unsigned int flags)
{
    VR_VOL_WRITE_ENTRY(vol, storageVolDelete);
    return vrStorageRet(vol->conn, VR_STORAGE_DRV(vol->conn)->storageVolDelete(vol, flags));
}

int
virStorageVolWipe(virStorageVolPtr vol, unsigned int flags)
{
    VR_VOL_WRITE_ENTRY(vol, storageVolWipe);
    return vrStorageRet(vol->conn, VR_STORAGE_DRV(vol->conn)->storageVolWipe(vol, flags));
}

int
virStorageVolResize(virStorageVolPtr vol, unsigned long long capacity, unsigned int flags)
{
    VR_CHECK_VOL(vol, -1);
    VR_CHECK_WRITABLE(vol->conn, -1);
    if (capacity == 0 &&
        !(flags & (VIR_STORAGE_VOL_RESIZE_DELTA | VIR_STORAGE_VOL_RESIZE_SHRINK))) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG,
                         "capacity in %s cannot be zero without 'delta' or 'shrink' "
                         "flags set", __func__);
        vrEntryFail(vol->conn);
        return -1;
    }
    VR_STORAGE_SLOT(vol->conn, storageVolResize, -1);
    return vrStorageRet(vol->conn,
                        VR_STORAGE_DRV(vol->conn)->storageVolResize(vol, capacity, flags));
}

/* --- properties ------------------------------------------------------------------ */

int
virStorageVolGetInfo(virStorageVolPtr vol, virStorageVolInfoPtr info)
{
    if (info)
        memset(info, 0, sizeof(*info));
    VR_CHECK_VOL(vol, -1);
    VR_CHECK_NONNULL(vol->conn, info, -1);
    VR_STORAGE_SLOT(vol->conn, storageVolGetInfo, -1);
    return vrStorageRet(vol->conn, VR_STORAGE_DRV(vol->conn)->storageVolGetInfo(vol, info));
}

char *
virStorageVolGetXMLDesc(virStorageVolPtr vol, unsigned int flags)
{
    VR_CHECK_VOL(vol, NULL);
    VR_STORAGE_SLOT(vol->conn, storageVolGetXMLDesc, NULL);
    return vrStorageRetPtr(vol->conn,
                           VR_STORAGE_DRV(vol->conn)->storageVolGetXMLDesc(vol, flags));
}

char *
virStorageVolGetPath(virStorageVolPtr vol)
{
    VR_CHECK_VOL(vol, NULL);
    VR_STORAGE_SLOT(vol->conn, storageVolGetPath, NULL);
    return vrStorageRetPtr(vol->conn, VR_STORAGE_DRV(vol->conn)->storageVolGetPath(vol));
}

/* --- transfers -------------------------------------------------------------------- */

/* The stream checks Upload and Download share, after the volume's. */
static bool
vrStorageVolCheckStream(virStorageVolPtr vol, virStreamPtr stream, const char *func)
{
    if (!vrHandleIsLive(stream) || !vrHandleIsLive(stream->conn)) {
        vrErrorReportRaw(VIR_FROM_STREAMS, VIR_ERR_INVALID_STREAM, __FILE__, func, __LINE__,
                         "invalid stream pointer in %s", func);
        vrEntryFail(vol->conn);
        return false;
    }
    if (!vrEntryWritable(VR_FROM_THIS, vol->conn, func)) {
        vrEntryFail(vol->conn);
        return false;
    }
    if (vol->conn != stream->conn) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG,
                         "stream in %s must match connection of volume '%s'", func,
                         vol->name);
        vrEntryFail(vol->conn);
        return false;
    }
    return true;
}

int
virStorageVolDownload(virStorageVolPtr vol, virStreamPtr stream, unsigned long long offset,
                      unsigned long long length, unsigned int flags)
{
    VR_CHECK_VOL(vol, -1);
    if (!vrStorageVolCheckStream(vol, stream, __func__))
        return -1;
    VR_STORAGE_SLOT(vol->conn, storageVolDownload, -1);
    return vrStorageRet(vol->conn, VR_STORAGE_DRV(vol->conn)->storageVolDownload(
                                       vol, stream, offset, length, flags));
}

int
virStorageVolUpload(virStorageVolPtr vol, virStreamPtr stream, unsigned long long offset,
                    unsigned long long length, unsigned int flags)
{
    VR_CHECK_VOL(vol, -1);
    if (!vrStorageVolCheckStream(vol, stream, __func__))
        return -1;
    VR_STORAGE_SLOT(vol->conn, storageVolUpload, -1);
    return vrStorageRet(vol->conn, VR_STORAGE_DRV(vol->conn)->storageVolUpload(
                                       vol, stream, offset, length, flags));
}
