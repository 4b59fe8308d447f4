/* The vireo shell: shared types and helpers.
 *
 * A command is a table entry (vrShCmdDef) with an option table
 * (vrShOptDef); the parser turns text into a list of vrShCmd that the
 * runner hands to each command's handler along with the control state. */
#ifndef VIREO_SHELL_H
#define VIREO_SHELL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include <libxml/tree.h>
/* the shell checks its name tables against the *_LAST sentinels */
#define VIR_ENUM_SENTINELS
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define VR_SH_PROGNAME "vireo"
#define VR_SH_PROMPT_RW "vireo # "
#define VR_SH_PROMPT_RO "vireo > "
/* The option bitmaps of the parser are 32 bits wide. */
#define VR_SH_MAX_OPTS 32
/* Largest XML file define/create/save --xml will read (virsh's limit). */
#define VR_SH_MAX_XML_FILE (10 * 1024 * 1024)
/* Width of the name column in "help" group listings. */
#define VR_SH_HELP_NAME_WIDTH 30
/* Width of the option column in "help COMMAND". */
#define VR_SH_HELP_OPT_WIDTH 15
/* virsh's keepalive defaults: probe every 5 s, give up after 6 misses. */
#define VR_SH_KEEPALIVE_INTERVAL 5
#define VR_SH_KEEPALIVE_COUNT 6
/* printf arguments for a libvirt packed version number
 * (major * 1,000,000 + minor * 1,000 + micro): "%d.%d.%d". */
#define VR_SH_VERSION_ARGS(v) \
    (int)((v) / 1000000), (int)(((v) / 1000) % 1000), (int)((v) % 1000)
/* Highest value accepted by -d/--debug. */
#define VR_SH_DEBUG_MAX 4

typedef enum {
    VR_SH_OT_BOOL,   /* --name, no value */
    VR_SH_OT_STRING, /* --name <string>, or the next free positional */
    VR_SH_OT_INT,    /* --name <number>, or the next free positional */
    VR_SH_OT_DATA,   /* required string, positional or --name <string> */
    VR_SH_OT_ARGV,   /* all remaining arguments */
    VR_SH_OT_ALIAS,  /* another spelling; help holds the target name */
} vrShOptType;

enum {
    VR_SH_OFLAG_REQ = 1 << 0,      /* must be given */
    VR_SH_OFLAG_EMPTY_OK = 1 << 1, /* an empty value is accepted */
    VR_SH_OFLAG_REQ_OPT = 1 << 2,  /* only as --name value, never positional */
    VR_SH_OFLAG_LIST = 1 << 3,     /* a comma-separated list: completion
                                      offers each item */
};

typedef struct vrShCtl vrShCtl;
typedef struct vrShCmd vrShCmd;

/* Returns a NULL-terminated list of candidate words (caller frees with
 * g_strfreev), or NULL.  flags is the option's completer_flags, e.g. the
 * virConnectListAll* filter of the objects to offer. */
typedef char **(*vrShCompleter)(vrShCtl *ctl, unsigned int flags);

typedef struct {
    const char *name;
    vrShOptType type;
    unsigned int flags;
    const char *help;
    vrShCompleter completer;
    unsigned int completer_flags;
} vrShOptDef;

enum {
    VR_SH_CMD_NOCONNECT = 1 << 0, /* runs without a connection */
};

typedef bool (*vrShHandler)(vrShCtl *ctl, const vrShCmd *cmd);

typedef struct {
    const char *name;
    vrShHandler handler;
    const vrShOptDef *opts; /* terminated by an entry with name NULL */
    const char *help;       /* one line, shown in listings */
    const char *desc;       /* longer description, "" for none */
    unsigned int flags;
} vrShCmdDef;

typedef struct {
    const char *name;
    const char *keyword;
    const vrShCmdDef *const *cmds; /* NULL-terminated */
} vrShGroup;

typedef struct vrShOpt {
    const vrShOptDef *def;
    char *data; /* NULL for booleans */
    struct vrShOpt *next;
} vrShOpt;

struct vrShCmd {
    const vrShCmdDef *def;
    vrShOpt *opts;
    struct vrShCmd *next;
};

struct vrShCtl {
    virConnectPtr conn;
    char *connname;    /* URI given with -c or connect; NULL: library default */
    bool readonly;
    bool quiet;
    bool timing;
    bool interactive;
    bool quit;         /* set by quit/exit */
    int debug;
    int keepalive_interval; /* seconds; from -k */
    int keepalive_count;    /* from -K */
    bool keepalive_forced;  /* -k or -K given: failing to set it is fatal */
    bool disconnected; /* the connection was lost; reconnect before use */
    int event_timer;   /* timer id used by "event --timeout" */
    int event_pipe[2]; /* wakes a waiting "event" command; -1 when idle */
    gint loop_alive;   /* the event loop thread runs (g_atomic access) */
};

/* Why a wait for events ended (the byte written to event_pipe). */
enum {
    VR_SH_EVENT_INTERRUPT = 1,
    VR_SH_EVENT_TIMEOUT,
    VR_SH_EVENT_DONE,
    VR_SH_EVENT_SYNC,   /* the event loop has gone round once more */
};

/* ---- commands (cmd_*.c), grouped in cmd_shell.c ---- */
extern const vrShGroup vrShGroups[];
/* cmd_domain.c */
extern const vrShCmdDef vrShCmdList, vrShCmdDominfo, vrShCmdDomstate,
    vrShCmdDomid, vrShCmdDomname, vrShCmdDomuuid, vrShCmdDumpxml;
/* cmd_lifecycle.c */
extern const vrShCmdDef vrShCmdDefine, vrShCmdUndefine, vrShCmdCreate,
    vrShCmdStart, vrShCmdDestroy, vrShCmdShutdown, vrShCmdReboot,
    vrShCmdReset, vrShCmdSuspend, vrShCmdResume, vrShCmdAutostart;
/* cmd_save.c */
extern const vrShCmdDef vrShCmdSave, vrShCmdRestore, vrShCmdManagedsave,
    vrShCmdManagedsaveRemove;
/* cmd_resource.c */
extern const vrShCmdDef vrShCmdSetmem, vrShCmdSetmaxmem, vrShCmdSetvcpus,
    vrShCmdVcpucount;
/* cmd_host.c */
extern const vrShCmdDef vrShCmdNodeinfo, vrShCmdFreecell,
    vrShCmdCapabilities, vrShCmdVersion, vrShCmdHostname, vrShCmdUri;
/* cmd_event.c */
extern const vrShCmdDef vrShCmdEvent;
/* cmd_network.c */
extern const vrShCmdDef vrShCmdNetAutostart, vrShCmdNetCreate,
    vrShCmdNetDefine, vrShCmdNetDestroy, vrShCmdNetDhcpLeases,
    vrShCmdNetDumpxml, vrShCmdNetInfo, vrShCmdNetList, vrShCmdNetName,
    vrShCmdNetStart, vrShCmdNetUndefine, vrShCmdNetUpdate, vrShCmdNetUuid;
/* cmd_pool.c */
extern const vrShCmdDef vrShCmdPoolAutostart, vrShCmdPoolBuild,
    vrShCmdPoolCreateAs, vrShCmdPoolCreate, vrShCmdPoolDefineAs,
    vrShCmdPoolDefine, vrShCmdPoolDelete, vrShCmdPoolDestroy,
    vrShCmdPoolDumpxml, vrShCmdPoolInfo, vrShCmdPoolName, vrShCmdPoolRefresh,
    vrShCmdPoolList, vrShCmdPoolStart, vrShCmdPoolUndefine, vrShCmdPoolUuid;
/* cmd_volume.c */
extern const vrShCmdDef vrShCmdVolClone, vrShCmdVolCreateAs,
    vrShCmdVolCreate, vrShCmdVolCreateFrom, vrShCmdVolDelete,
    vrShCmdVolDownload, vrShCmdVolDumpxml, vrShCmdVolInfo, vrShCmdVolKey,
    vrShCmdVolList, vrShCmdVolName, vrShCmdVolPath, vrShCmdVolPool,
    vrShCmdVolResize, vrShCmdVolUpload, vrShCmdVolWipe;
/* cmd_shell.c */
extern const vrShCmdDef vrShCmdCd, vrShCmdEcho, vrShCmdExit, vrShCmdHelp,
    vrShCmdPwd, vrShCmdQuit, vrShCmdConnect;

/* Common option definitions. */
/* listflags: which domains completion offers (virConnectListAllDomains
 * flags, 0 for all) */
#define VR_SH_OPT_DOMAIN_LIST(helptext, listflags) \
    {.name = "domain", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ, \
     .help = helptext, .completer = vrShCompleteDomains, \
     .completer_flags = listflags}
#define VR_SH_OPT_DOMAIN(helptext) VR_SH_OPT_DOMAIN_LIST(helptext, 0)
#define VR_SH_OPT_DOMAIN_FULL VR_SH_OPT_DOMAIN("domain name, id or uuid")
#define VR_SH_OPT_DOMAIN_ACTIVE \
    VR_SH_OPT_DOMAIN_LIST("domain name, id or uuid", \
                          VIR_CONNECT_LIST_DOMAINS_ACTIVE)
#define VR_SH_OPT_FILE(helptext) \
    {.name = "file", .type = VR_SH_OT_DATA, .flags = VR_SH_OFLAG_REQ, \
     .help = helptext}
#define VR_SH_OPT_BOOL(optname, helptext) \
    {.name = optname, .type = VR_SH_OT_BOOL, .help = helptext}
#define VR_SH_OPT_STR(optname, helptext) \
    {.name = optname, .type = VR_SH_OT_STRING, .help = helptext}
#define VR_SH_OPT_END {.name = NULL}

/* ---- cmd_parse.c: parsing, option access, help ---- */
const vrShCmdDef *vrShCmdDefSearch(const char *name);
const vrShGroup *vrShGroupSearch(const char *name);
bool vrShCommandParseString(vrShCtl *ctl, const char *str, vrShCmd **cmds);
bool vrShCommandParseArgv(vrShCtl *ctl, int argc, char **argv, vrShCmd **cmds);
void vrShCommandFree(vrShCmd *cmd);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrShCmd, vrShCommandFree)

bool vrShOptBool(const vrShCmd *cmd, const char *name);
int vrShOptString(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
                  const char **value);
int vrShOptStringQuiet(const vrShCmd *cmd, const char *name,
                       const char **value);
int vrShOptInt(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
               int *value);
int vrShOptUInt(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
                unsigned int *value);
int vrShOptULWrap(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
                  unsigned long *value);
int vrShOptScaled(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
                  unsigned long long *value, unsigned long long scale,
                  unsigned long long max);
int vrShOptULL(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
               bool wrap, unsigned long long *value);
bool vrShParseScaled(const char *str, unsigned long long scale,
                     unsigned long long max, unsigned long long *value);
int vrShOptTimeoutMs(vrShCtl *ctl, const vrShCmd *cmd, int *timeout_ms);
const vrShOpt *vrShOptArgv(const vrShCmd *cmd, const vrShOpt *prev);

bool vrShPrintCmdHelp(vrShCtl *ctl, const char *name);
bool vrShPrintGroupHelp(vrShCtl *ctl, const vrShGroup *grp);

/* ---- shell_util.c: output, errors, lookups, files, tables ---- */
void vrShPrint(vrShCtl *ctl, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void vrShPrintExtra(vrShCtl *ctl, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void vrShError(vrShCtl *ctl, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

void vrShErrorHandler(void *opaque, virErrorPtr err);
void vrShSaveLibError(void);
void vrShSetLibError(const char *message);
void vrShResetLibError(void);
int vrShLastErrorCode(void);
void vrShReportError(vrShCtl *ctl);

bool vrShExclusive(vrShCtl *ctl, const vrShCmd *cmd, const char *a,
                   const char *b);
bool vrShRequires(vrShCtl *ctl, const vrShCmd *cmd, const char *opt,
                  const char *needed);

enum {
    VR_SH_BYID = 1 << 0,
    VR_SH_BYUUID = 1 << 1,
    VR_SH_BYNAME = 1 << 2,
};
#define VR_SH_BYANY (VR_SH_BYID | VR_SH_BYUUID | VR_SH_BYNAME)
virDomainPtr vrShLookupDomain(vrShCtl *ctl, const char *name,
                              unsigned int by);
virDomainPtr vrShOptDomain(vrShCtl *ctl, const vrShCmd *cmd,
                           const char **name, unsigned int by);
void vrShDomainFree(virDomainPtr dom);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomain, vrShDomainFree)

int vrShReadFile(const char *path, char **content);
bool vrShStrToLong(const char *s, long long min, long long max,
                   long long *out);
bool vrShStrToULL(const char *s, bool allow_negative,
                  unsigned long long *out, char **end);
void vrShNoSupport(const char *api);
bool vrShDumpXML(vrShCtl *ctl, const char *xml, const char *xpath, bool wrap);
char *vrShXMLNodeString(xmlDocPtr doc, xmlNodePtr node);
double vrShPrettyCapacity(unsigned long long bytes, const char **unit);
char **vrShSplitCommas(const char *str);

typedef struct vrShTable vrShTable;
vrShTable *vrShTableNew(const char *first, ...) G_GNUC_NULL_TERMINATED;
void vrShTableAddRowv(vrShTable *table, const char *const *cells);
void vrShTablePrint(vrShCtl *ctl, vrShTable *table);
void vrShTableFree(vrShTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrShTable, vrShTableFree)

const char *vrShDomainStateStr(int state);
const char *vrShDomainReasonStr(int state, int reason);
int vrShDomainState(vrShCtl *ctl, virDomainPtr dom, int *reason);

/* ---- cmd_network.c, cmd_pool.c: lookups (report their failure) ---- */
virNetworkPtr vrShOptNetwork(vrShCtl *ctl, const vrShCmd *cmd,
                             const char **name, unsigned int by);
void vrShNetworkFree(virNetworkPtr net);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetwork, vrShNetworkFree)

virStoragePoolPtr vrShOptPool(vrShCtl *ctl, const vrShCmd *cmd,
                              const char *optname, const char **name,
                              unsigned int by);
void vrShPoolFree(virStoragePoolPtr pool);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePool, vrShPoolFree)
const char *vrShPoolStateStr(int state);

/* cmd_volume.c */
virStorageVolPtr vrShOptVol(vrShCtl *ctl, const vrShCmd *cmd,
                            const char *optname, const char *poolopt,
                            const char **name, unsigned int by);
void vrShVolFree(virStorageVolPtr vol);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageVol, vrShVolFree)

/* ---- main.c: connection handling ---- */
int vrShReconnect(vrShCtl *ctl, const char *name, bool readonly, bool force);
bool vrShCommandRun(vrShCtl *ctl, const vrShCmd *cmd);

/* ---- cmd_event.c ---- */
void vrShEventWake(vrShCtl *ctl, char reason);

/* ---- complete.c: candidates for interactive completion ---- */
char **vrShCompleteDomains(vrShCtl *ctl, unsigned int flags);
char **vrShCompleteDomainUUIDs(vrShCtl *ctl, unsigned int flags);
char **vrShCompleteNetworks(vrShCtl *ctl, unsigned int flags);
char **vrShCompleteNetworkUUIDs(vrShCtl *ctl, unsigned int flags);
char **vrShCompletePools(vrShCtl *ctl, unsigned int flags);
char **vrShCompleteCommands(vrShCtl *ctl, unsigned int flags);
char **vrShCompleteWords(const char *const *names, size_t n);
char **vrShCompleteCandidates(vrShCtl *ctl, const char *line, int start,
                              const char *text);

/* ---- interactive.c ---- */
int vrShInteractive(vrShCtl *ctl);

#endif /* VIREO_SHELL_H */
