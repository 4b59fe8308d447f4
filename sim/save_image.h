/* Domain save images: the file virDomainSave writes and virDomainRestore
 * reads for a simulated domain (header, domain XML, the state to resume in). */
#ifndef VR_SIM_SAVE_IMAGE_H
#define VR_SIM_SAVE_IMAGE_H

#include <stdbool.h>

#include "conf/domain_conf.h"

/* The state a restored domain resumes in. */
typedef enum {
    VR_SIM_SAVE_STATE_RUNNING = 1,
    VR_SIM_SAVE_STATE_PAUSED = 2,
} vrSimSaveState;

/* Write def (secure, inactive form) and state to path atomically: the old
 * file, if any, stays intact on failure.  0, or -1 with the error reported. */
int vrSimSaveImageWrite(const char *path, const vrDomainDef *def, vrSimSaveState state);

/* A write that fails halfway (the disk fills up): half of the image goes
 * to a temporary file beside path, which is then removed, so neither a
 * partial image nor the temporary file is left and an old file at path
 * stays intact.  0 when the torn write happened as planned (the caller
 * reports the failure it stands for), -1 with the error reported when the
 * file could not even be created (the same error a real save reports). */
int vrSimSaveImageWriteTorn(const char *path, const vrDomainDef *def);

/* Read and check an image: a missing, truncated, corrupt or foreign file is
 * an error naming it.  Returns the definition (caller frees) and sets
 * *state, or NULL with the error reported. */
vrDomainDef *vrSimSaveImageRead(const char *path, vrSimSaveState *state);

/* True when path is a regular file (not a symlink) that starts with the
 * save image magic: one a sim save wrote, whole or not.  vireo-sim clears
 * such files from a work dir it reuses, and nothing else. */
bool vrSimSaveImageHasMagic(const char *path);

#endif /* VR_SIM_SAVE_IMAGE_H */
