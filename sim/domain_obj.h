/* Simulated domain objects and the per-node domain list.  Everything here
 * runs with the owning node's lock held; nothing here queues events or
 * calls out to the application. */
#ifndef VR_SIM_DOMAIN_OBJ_H
#define VR_SIM_DOMAIN_OBJ_H

#include <stdbool.h>
#include <glib.h>

#include "conf/domain_conf.h"
#include "sim/trace.h"

#define VR_SIM_DOMAINS_MAX 100000     /* domains per node */

typedef struct {
    char *name;                       /* == def->name; the list's key */
    unsigned char uuid[VIR_UUID_BUFLEN];
    vrDomainDef *def;                 /* live definition while active, else the persistent one */
    vrDomainDef *new_def;             /* persistent definition while active, or NULL */
    bool persistent;
    int state;                        /* virDomainState */
    int reason;                       /* the state's reason enum */
    bool autostart;
    bool has_managed_save;
    guint64 cpu_ns;                   /* cpu time banked before run_since_ns */
    guint64 run_since_ns;             /* when it last entered RUNNING */
    guint8 *pins;                     /* live vcpu pinning: VR_SIM_PIN_MAPLEN bytes per
                                       * vcpu (vcpus_max of them), NULL = every host cpu */
    vrSimTrace *trace;                /* the list's: state changes are traced */
} vrSimDomain;

#define VR_SIM_HOST_CPUS_MAX 1024     /* host cpus a pin map can name */
#define VR_SIM_PIN_MAPLEN (VR_SIM_HOST_CPUS_MAX / 8)

typedef struct vrSimDomainList vrSimDomainList;

/* ---- one domain ---- */

/* Active: has an id (running, paused, ...), as libvirt's def->id != -1. */
bool vrSimDomainIsActive(const vrSimDomain *dom);

/* Whether reason is one of state's reasons (virDomainState values). */
bool vrSimDomainStateValid(int state, int reason);

/* Set state and reason (asserts the reason belongs to the state) and bank
 * cpu time at now_ns. */
void vrSimDomainSetState(vrSimDomain *dom, int state, int reason, guint64 now_ns);

/* Bank the cpu time used so far (before a vcpu count change). */
void vrSimDomainBankCpu(vrSimDomain *dom, guint64 now_ns);

/* Cpu time at now_ns: each online vcpu runs while the domain is RUNNING.
 * (libvirt's test driver reports the host's wall clock; the simulation
 * reports virtual time so that every figure is reproducible.) */
guint64 vrSimDomainCpuTime(const vrSimDomain *dom, guint64 now_ns);

/* Make the domain running with id and a RUNNING reason: a persistent domain
 * keeps a copy of its definition to return to, the managed save image is
 * consumed and cpu time starts from zero. */
void vrSimDomainStart(vrSimDomain *dom, int id, int reason, guint64 now_ns);

/* Shut the domain off with a SHUTOFF reason: the live definition is dropped
 * for the persistent one (if any) and the id cleared. */
void vrSimDomainStop(vrSimDomain *dom, int reason, guint64 now_ns);

/* The definition VIR_DOMAIN_XML_INACTIVE reads: the pending persistent one
 * when there is one. */
const vrDomainDef *vrSimDomainInactiveDef(const vrSimDomain *dom);

/* libvirt's modification impact for VIR_DOMAIN_AFFECT_* flags: CURRENT
 * becomes LIVE or CONFIG; LIVE on an inactive domain and CONFIG on a
 * transient one are VIR_ERR_OPERATION_INVALID.  Fills *live / *config with
 * the definitions to change (either may come back NULL). */
int vrSimDomainGetDefs(vrSimDomain *dom, unsigned int flags,
                       vrDomainDef **live, vrDomainDef **config);

/* One definition: LIVE and CONFIG together are VIR_ERR_INVALID_ARG.
 * *is_live (may be NULL) tells which one came back. */
vrDomainDef *vrSimDomainGetOneDef(vrSimDomain *dom, unsigned int flags, bool *is_live);

/* Parse a domain document as the node takes it: interfaces without a
 * target name get "testnetN", as in libvirt's test driver.  NULL with the
 * error reported. */
vrDomainDef *vrSimDomainDefParse(const char *xml, unsigned int parse_flags);

/* ---- the list ---- */

vrSimDomainList *vrSimDomainListNew(void);
void vrSimDomainListFree(vrSimDomainList *list);

/* Trace the state changes of the list's domains, present and future, to
 * trace (NULL: none; must outlive the list). */
void vrSimDomainListSetTrace(vrSimDomainList *list, vrSimTrace *trace);

vrSimDomain *vrSimDomainListFindByName(vrSimDomainList *list, const char *name);
vrSimDomain *vrSimDomainListFindByUUID(vrSimDomainList *list,
                                       const unsigned char *uuid);
/* Active domains only. */
vrSimDomain *vrSimDomainListFindByID(vrSimDomainList *list, int id);

typedef enum {
    VR_SIM_DOMAIN_ADD_LIVE = 1 << 0,        /* def is a live definition (create/restore) */
    VR_SIM_DOMAIN_ADD_CHECK_LIVE = 1 << 1,  /* refuse when the domain is active */
} vrSimDomainAddFlags;

/* Add def, or assign it to the domain with the same name and UUID, with
 * libvirt's rules and errors: a known UUID under another name or a known
 * name under another UUID is VIR_ERR_OPERATION_FAILED; CHECK_LIVE refuses an
 * active domain.  On success def is consumed and *old_def (may be NULL)
 * receives the definition it replaced (caller frees; NULL when new). */
vrSimDomain *vrSimDomainListAdd(vrSimDomainList *list, vrDomainDef *def,
                                unsigned int flags, vrDomainDef **old_def);

/* The checks of vrSimDomainListAdd alone, with its errors: 0 when adding
 * def with flags would succeed.  Lets callers consult a fault point after
 * the checks and before anything changes. */
int vrSimDomainListCheckAdd(vrSimDomainList *list, const vrDomainDef *def,
                            unsigned int flags);

/* Remove and free dom. */
void vrSimDomainListRemove(vrSimDomainList *list, vrSimDomain *dom);

/* All domains in a stable order: active ones by id, then inactive ones by
 * name.  The array is the caller's; the domains stay the list's. */
GPtrArray *vrSimDomainListSorted(vrSimDomainList *list);

guint vrSimDomainListCount(vrSimDomainList *list);

#endif /* VR_SIM_DOMAIN_OBJ_H */
