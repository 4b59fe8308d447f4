/* The state directory of a simulated node (sim:///default?statedir=DIR):
 * persistent definitions and runtime status as files, written atomically
 * as the node changes and read back when a node opens on the directory,
 * so that a reopened node -- a restarted daemon -- loses nothing.
 *
 * Layout (names are object names with '%' -> %25, '/' -> %2F and a
 * leading '.' -> %2E; every .xml file holds exactly what the public API
 * shows for the object):
 *
 *   vireo-sim-state                 "vireo-sim state 1\n": the directory is a node's
 *   .lock                           held (flock) by the node using the directory
 *   NAME.xml                        persistent domain: virDomainGetXMLDesc(INACTIVE|SECURE)
 *   autostart/NAME.xml              empty: the persistent domain autostarts
 *   save/NAME.save                  empty: the domain has a managed save image
 *   run/NAME.xml                    active domain: <domstatus state='S' reason='R' id='I'>
 *                                   around virDomainGetXMLDesc(SECURE)
 *   networks/NAME.xml               persistent network: virNetworkGetXMLDesc(INACTIVE)
 *   networks/autostart/NAME.xml     empty: the network autostarts
 *   run/networks/NAME.xml           active network: virNetworkGetXMLDesc(0)
 *   storage/NAME.xml                persistent pool: its persistent definition (the
 *                                   one virStoragePoolGetXMLDesc shows unless a new one
 *                                   waits for the running pool to stop)
 *   storage/autostart/NAME.xml      empty: the pool autostarts
 *   run/storage/NAME.xml            active pool: virStoragePoolGetXMLDesc(0)
 *   storage/volumes/POOL/NAME.xml   a volume of a persistent or active pool:
 *                                   virStorageVolGetXMLDesc (content is not kept)
 */
#ifndef VR_SIM_STATE_DIR_H
#define VR_SIM_STATE_DIR_H

#include <stdbool.h>

#include "sim/node.h"

#define VR_SIM_STATE_STAMP "vireo-sim-state"
#define VR_SIM_STATE_STAMP_TEXT "vireo-sim state 1\n"
#define VR_SIM_STATE_LOCK ".lock"
#define VR_SIM_STATE_TEMP_SUFFIX ".new"      /* beside the file it replaces */
#define VR_SIM_STATE_FILE_MAX_BYTES (4 * 1024 * 1024)
#define VR_SIM_STATE_FILES_MAX 100000        /* files per directory read */

typedef enum {
    VR_SIM_STATE_DOMAIN,
    VR_SIM_STATE_NETWORK,
    VR_SIM_STATE_POOL,
    VR_SIM_STATE_KIND_LAST
} vrSimStateKind;

/* Open dir (absolute; created with its subdirectories when missing) and
 * lock it for one node.  *fresh says it holds no state yet.  A directory
 * in use by another node is VIR_ERR_OPERATION_INVALID; one that holds
 * other files but no stamp, or another stamp, is VIR_ERR_INTERNAL_ERROR.
 * NULL with the error reported. */
vrSimStateDir *vrSimStateDirOpen(const char *dir, bool *fresh);

/* Unlock and free (the files stay). */
void vrSimStateDirFree(vrSimStateDir *sd);

const char *vrSimStateDirPath(const vrSimStateDir *sd);

/* The configuration file of object name under sd's directory, or under
 * VR_SIM_STATE_DIR when sd is NULL (for messages).  Caller frees. */
char *vrSimStateConfigPath(const vrSimStateDir *sd, vrSimStateKind kind, const char *name);

/* The managed save image of domain name (sd NULL: under VR_SIM_STATE_DIR,
 * for messages).  Caller frees. */
char *vrSimStateManagedSavePath(const vrSimStateDir *sd, const char *name);

/* Whether vrSimStateWriteConfig at point would do anything: the node has a
 * state directory or its fault plan watches point.  Callers skip
 * formatting the definition when it would not (the common, in-memory
 * case: a define then costs one XML format less). */
bool vrSimStateWriteWanted(const vrSimNode *node, vrSimFaultPoint point);

/* Write a new definition of object name (lock held), before memory
 * changes: the define fault point is consulted first -- when it fails, half
 * of xml goes to the temporary file beside the definition, which is then
 * removed, and the error names it.  Without a state directory only the
 * fault applies.  0, or -1 with the error reported and the old file (if
 * any) untouched. */
int vrSimStateWriteConfig(vrSimNode *node, vrSimStateKind kind, const char *name,
                          const char *xml, vrSimFaultPoint point);

/* Bring the directory in line with the node (lock held): write every file
 * whose content changed, remove those of objects that went away.  strict:
 * stop at the first failure and report it (-1); otherwise keep going, keep
 * the thread's error as it was, and retry what failed next time. */
int vrSimStateSync(vrSimNode *node, bool strict);

/* First use of a fresh directory: the stamp and every file (strict). */
int vrSimStateInit(vrSimNode *node);

/* Fill an empty node (no domains, networks or pools) from its directory
 * (sim/state_load.c).  A malformed file fails with its path named. */
int vrSimStateLoad(vrSimNode *node);

/* ---- shared with sim/state_load.c ---- */

/* A file name for an object name, and back from a file name ending in
 * suffix (NULL: not one we write). */
char *vrSimStateEncodeName(const char *name);
char *vrSimStateDecodeName(const char *file, const char *suffix);

/* Remember that rel (relative to the directory) holds content; what it
 * holds (NULL: nothing the sim knows of). */
void vrSimStateRemember(vrSimStateDir *sd, const char *rel, const char *content);
const char *vrSimStateWritten(const vrSimStateDir *sd, const char *rel);

#endif /* VR_SIM_STATE_DIR_H */
