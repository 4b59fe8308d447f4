/* Simulated storage pools and volumes of a node (owned by the storage
 * engineer; issue 4).  Everything here runs with the node's lock held,
 * except what says otherwise.  Volume content is kept sparsely: chunks of
 * VR_SIM_VOL_CHUNK_BYTES that were written (absent chunks read as zeros),
 * shared between clones until one of them is written. */
#ifndef VR_SIM_STORAGE_OBJ_H
#define VR_SIM_STORAGE_OBJ_H

#include <libxml/tree.h>
#include "conf/storage_conf.h"
#include "sim/node.h"

#define VR_SIM_VOL_CHUNK_BYTES (256 * 1024)   /* content granularity */
#define VR_SIM_POOLS_MAX 4096                 /* pools per node */
#define VR_SIM_POOL_VOLUMES_MAX 65536         /* volumes per pool */

typedef struct {
    gint refs;                  /* the pool's + each open transfer's */
    vrStorageVolDef *def;
    GHashTable *chunks;         /* chunk index -> GBytes of CHUNK_BYTES */
    unsigned int in_use;        /* open transfers (streams) */
} vrSimVolume;

typedef struct {
    vrStoragePoolDef *def;      /* the live (or only) definition */
    vrStoragePoolDef *new_def;  /* persistent definition while active, or NULL */
    bool active;
    bool persistent;
    bool autostart;
    GPtrArray *volumes;         /* vrSimVolume *, sorted by name */
    unsigned int asyncjobs;     /* open transfers on its volumes */
} vrSimPool;

vrSimPoolList *vrSimPoolListNew(void);
void vrSimPoolListFree(vrSimPoolList *list);

/* Load the <pool> elements (with their <volume>s) of a node description
 * (file is NULL for the built-in default node, which gets libvirt's
 * default-pool). */
int vrSimPoolListParseNode(vrSimPoolList *list, const char *file, xmlNode *root);

/* The pool event state (self-locking; see drivers/event_state.h). */
vrEventState *vrSimPoolListEvents(vrSimPoolList *list);

/* Pools sorted by name; the array is the list's. */
GPtrArray *vrSimPoolListPools(vrSimPoolList *list);

vrSimPool *vrSimPoolFindByName(vrSimPoolList *list, const char *name);
vrSimPool *vrSimPoolFindByUUID(vrSimPoolList *list, const unsigned char *uuid);

typedef enum {
    VR_SIM_POOL_ADD_CHECK_LIVE = 1 << 0,   /* refuse an active pool */
    VR_SIM_POOL_ADD_LIVE = 1 << 1,         /* def is a live definition */
} vrSimPoolAddFlags;

/* Add *def (consumed on success) as libvirt's virStoragePoolObjListAdd:
 * refuses a source another pool uses, a name/uuid mismatch, and with
 * CHECK_LIVE an active pool.  A pool of the same name and uuid gets the
 * definition: as its new_def while active; with LIVE its own definition
 * becomes the new_def.  *added says whether the pool is new.  NULL after
 * reporting. */
vrSimPool *vrSimPoolListAdd(vrSimPoolList *list, vrStoragePoolDef **def,
                            unsigned int flags, bool *added);
void vrSimPoolListRemove(vrSimPoolList *list, vrSimPool *pool);

/* The checks of vrSimPoolListAdd alone, with its errors: 0 when adding def
 * with flags would succeed (fault points go after them). */
int vrSimPoolListCheckAdd(vrSimPoolList *list, const vrStoragePoolDef *def,
                          unsigned int flags);

/* Capacity, allocation (the sum of its volumes') and available. */
void vrSimPoolUpdateSizes(vrSimPool *pool);

/* The persistent definition replaces the live one (on stop). */
void vrSimPoolApplyNewDef(vrSimPool *pool);

vrSimVolume *vrSimPoolFindVolume(vrSimPool *pool, const char *name);
/* First volume of an active pool with that key / target path. */
vrSimVolume *vrSimPoolListFindVolumeByKey(vrSimPoolList *list, const char *key,
                                          vrSimPool **pool);
vrSimVolume *vrSimPoolListFindVolumeByPath(vrSimPoolList *list, const char *path,
                                           vrSimPool **pool);

/* A new volume for def (consumed), added to pool.  NULL after reporting a
 * full pool (VR_SIM_POOL_VOLUMES_MAX). */
vrSimVolume *vrSimPoolAddVolume(vrSimPool *pool, vrStorageVolDef *def);
void vrSimPoolRemoveVolume(vrSimPool *pool, vrSimVolume *vol);

vrSimVolume *vrSimVolumeRef(vrSimVolume *vol);
void vrSimVolumeUnref(vrSimVolume *vol);

/* Content (node lock held): read len bytes at offset (zeros where nothing
 * was written); replace chunks with the staged ones (index -> guint8[CHUNK],
 * consumed); drop everything (wipe); drop what lies beyond capacity;
 * share src's chunks (clone). */
void vrSimVolumeRead(const vrSimVolume *vol, guint64 offset, char *buf, size_t len);
void vrSimVolumeCommit(vrSimVolume *vol, GHashTable *staged);
void vrSimVolumeWipe(vrSimVolume *vol);
void vrSimVolumeTruncate(vrSimVolume *vol, guint64 capacity);
void vrSimVolumeCopyContent(vrSimVolume *dst, const vrSimVolume *src);

#endif /* VR_SIM_STORAGE_OBJ_H */
