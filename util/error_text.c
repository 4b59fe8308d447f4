/* The texts libvirt 9.0 gives each error code (with and without a detail)
 * and each error domain.  These strings are facts: applications and the
 * wire compare them, so they must stay byte-identical to libvirt's. */
#include "util/error.h"

typedef struct {
    const char *plain;      /* message when there is no detail */
    const char *with_info;  /* message template holding exactly one "%s" */
} vrErrorText;

static const vrErrorText vr_error_texts[] = {
    [VIR_ERR_OK] = { NULL, NULL },
    [VIR_ERR_INTERNAL_ERROR] = { "internal error", "internal error: %s" },
    [VIR_ERR_NO_MEMORY] = { "out of memory", "out of memory: %s" },
    [VIR_ERR_NO_SUPPORT] = {
        "this function is not supported by the connection driver",
        "this function is not supported by the connection driver: %s" },
    [VIR_ERR_UNKNOWN_HOST] = { "unknown host", "unknown host %s" },
    [VIR_ERR_NO_CONNECT] = {
        "no connection driver available",
        "no connection driver available for %s" },
    [VIR_ERR_INVALID_CONN] = {
        "invalid connection pointer in", "invalid connection pointer in %s" },
    [VIR_ERR_INVALID_DOMAIN] = {
        "invalid domain pointer in", "invalid domain pointer in %s" },
    [VIR_ERR_INVALID_ARG] = { "invalid argument", "invalid argument: %s" },
    [VIR_ERR_OPERATION_FAILED] = { "operation failed", "operation failed: %s" },
    [VIR_ERR_GET_FAILED] = { "GET operation failed", "GET operation failed: %s" },
    [VIR_ERR_POST_FAILED] = { "POST operation failed", "POST operation failed: %s" },
    [VIR_ERR_HTTP_ERROR] = {
        "got unknown HTTP error code", "got unknown HTTP error code %s" },
    [VIR_ERR_SEXPR_SERIAL] = {
        "failed to serialize S-Expr", "failed to serialize S-Expr: %s" },
    [VIR_ERR_NO_XEN] = {
        "could not use Xen hypervisor entry",
        "could not use Xen hypervisor entry %s" },
    [VIR_ERR_XEN_CALL] = { "failed Xen syscall", "failed Xen syscall %s" },
    [VIR_ERR_OS_TYPE] = { "unknown OS type", "unknown OS type %s" },
    [VIR_ERR_NO_KERNEL] = {
        "missing kernel information", "missing kernel information: %s" },
    [VIR_ERR_NO_ROOT] = {
        "missing root device information",
        "missing root device information in %s" },
    [VIR_ERR_NO_SOURCE] = {
        "missing source information for device",
        "missing source information for device %s" },
    [VIR_ERR_NO_TARGET] = {
        "missing target information for device",
        "missing target information for device %s" },
    [VIR_ERR_NO_NAME] = {
        "missing name information", "missing name information in %s" },
    [VIR_ERR_NO_OS] = {
        "missing operating system information",
        "missing operating system information for %s" },
    [VIR_ERR_NO_DEVICE] = {
        "missing devices information", "missing devices information for %s" },
    [VIR_ERR_NO_XENSTORE] = {
        "could not connect to Xen Store", "could not connect to Xen Store %s" },
    [VIR_ERR_DRIVER_FULL] = {
        "too many drivers registered", "too many drivers registered in %s" },
    [VIR_ERR_CALL_FAILED] = { "library call failed", "library call failed: %s" },
    [VIR_ERR_XML_ERROR] = {
        "XML description is invalid or not well formed", "XML error: %s" },
    [VIR_ERR_DOM_EXIST] = {
        "this domain exists already", "domain %s exists already" },
    [VIR_ERR_OPERATION_DENIED] = {
        "operation forbidden for read only access", "operation forbidden: %s" },
    [VIR_ERR_OPEN_FAILED] = {
        "failed to open configuration file",
        "failed to open configuration file %s" },
    [VIR_ERR_READ_FAILED] = {
        "failed to read configuration file",
        "failed to read configuration file %s" },
    [VIR_ERR_PARSE_FAILED] = {
        "failed to parse configuration file",
        "failed to parse configuration file %s" },
    [VIR_ERR_CONF_SYNTAX] = {
        "configuration file syntax error",
        "configuration file syntax error: %s" },
    [VIR_ERR_WRITE_FAILED] = {
        "failed to write configuration file",
        "failed to write configuration file: %s" },
    [VIR_ERR_XML_DETAIL] = { "parser error", "%s" },
    [VIR_ERR_INVALID_NETWORK] = {
        "invalid network pointer in", "invalid network pointer in %s" },
    [VIR_ERR_NETWORK_EXIST] = {
        "this network exists already", "network %s exists already" },
    [VIR_ERR_SYSTEM_ERROR] = { "system call error", "%s" },
    [VIR_ERR_RPC] = { "RPC error", "%s" },
    [VIR_ERR_GNUTLS_ERROR] = { "GNUTLS call error", "%s" },
    [VIR_WAR_NO_NETWORK] = {
        "Failed to find the network", "Failed to find the network: %s" },
    [VIR_ERR_NO_DOMAIN] = { "Domain not found", "Domain not found: %s" },
    [VIR_ERR_NO_NETWORK] = { "Network not found", "Network not found: %s" },
    [VIR_ERR_INVALID_MAC] = { "invalid MAC address", "invalid MAC address: %s" },
    [VIR_ERR_AUTH_FAILED] = {
        "authentication failed", "authentication failed: %s" },
    [VIR_ERR_INVALID_STORAGE_POOL] = {
        "invalid storage pool pointer in",
        "invalid storage pool pointer in %s" },
    [VIR_ERR_INVALID_STORAGE_VOL] = {
        "invalid storage volume pointer in",
        "invalid storage volume pointer in %s" },
    [VIR_WAR_NO_STORAGE] = {
        "Failed to find a storage driver",
        "Failed to find a storage driver: %s" },
    [VIR_ERR_NO_STORAGE_POOL] = {
        "Storage pool not found", "Storage pool not found: %s" },
    [VIR_ERR_NO_STORAGE_VOL] = {
        "Storage volume not found", "Storage volume not found: %s" },
    [VIR_WAR_NO_NODE] = {
        "Failed to find a node driver", "Failed to find a node driver: %s" },
    [VIR_ERR_INVALID_NODE_DEVICE] = {
        "invalid node device pointer", "invalid node device pointer in %s" },
    [VIR_ERR_NO_NODE_DEVICE] = {
        "Node device not found", "Node device not found: %s" },
    [VIR_ERR_NO_SECURITY_MODEL] = {
        "Security model not found", "Security model not found: %s" },
    [VIR_ERR_OPERATION_INVALID] = {
        "Requested operation is not valid",
        "Requested operation is not valid: %s" },
    [VIR_WAR_NO_INTERFACE] = {
        "Failed to find the interface", "Failed to find the interface: %s" },
    [VIR_ERR_NO_INTERFACE] = { "Interface not found", "Interface not found: %s" },
    [VIR_ERR_INVALID_INTERFACE] = {
        "invalid interface pointer in", "invalid interface pointer in %s" },
    [VIR_ERR_MULTIPLE_INTERFACES] = {
        "multiple matching interfaces found",
        "multiple matching interfaces found: %s" },
    [VIR_WAR_NO_NWFILTER] = {
        "Failed to start the nwfilter driver",
        "Failed to start the nwfilter driver: %s" },
    [VIR_ERR_INVALID_NWFILTER] = {
        "Invalid network filter", "Invalid network filter: %s" },
    [VIR_ERR_NO_NWFILTER] = {
        "Network filter not found", "Network filter not found: %s" },
    [VIR_ERR_BUILD_FIREWALL] = {
        "Error while building firewall", "Error while building firewall: %s" },
    [VIR_WAR_NO_SECRET] = {
        "Failed to find a secret storage driver",
        "Failed to find a secret storage driver: %s" },
    [VIR_ERR_INVALID_SECRET] = { "Invalid secret", "Invalid secret: %s" },
    [VIR_ERR_NO_SECRET] = { "Secret not found", "Secret not found: %s" },
    [VIR_ERR_CONFIG_UNSUPPORTED] = {
        "unsupported configuration", "unsupported configuration: %s" },
    [VIR_ERR_OPERATION_TIMEOUT] = {
        "Timed out during operation", "Timed out during operation: %s" },
    [VIR_ERR_MIGRATE_PERSIST_FAILED] = {
        "Failed to make domain persistent after migration",
        "Failed to make domain persistent after migration: %s" },
    [VIR_ERR_HOOK_SCRIPT_FAILED] = {
        "Hook script execution failed", "Hook script execution failed: %s" },
    [VIR_ERR_INVALID_DOMAIN_SNAPSHOT] = {
        "Invalid domain snapshot", "Invalid domain snapshot: %s" },
    [VIR_ERR_NO_DOMAIN_SNAPSHOT] = {
        "Domain snapshot not found", "Domain snapshot not found: %s" },
    [VIR_ERR_INVALID_STREAM] = {
        "invalid stream pointer", "invalid stream pointer in %s" },
    [VIR_ERR_ARGUMENT_UNSUPPORTED] = {
        "argument unsupported", "argument unsupported: %s" },
    [VIR_ERR_STORAGE_PROBE_FAILED] = {
        "Storage pool probe failed", "Storage pool probe failed: %s" },
    [VIR_ERR_STORAGE_POOL_BUILT] = {
        "Storage pool already built", "Storage pool already built: %s" },
    [VIR_ERR_SNAPSHOT_REVERT_RISKY] = {
        "revert requires force", "revert requires force: %s" },
    [VIR_ERR_OPERATION_ABORTED] = { "operation aborted", "operation aborted: %s" },
    [VIR_ERR_AUTH_CANCELLED] = {
        "authentication cancelled", "authentication cancelled: %s" },
    [VIR_ERR_NO_DOMAIN_METADATA] = {
        "metadata not found", "metadata not found: %s" },
    [VIR_ERR_MIGRATE_UNSAFE] = { "Unsafe migration", "Unsafe migration: %s" },
    [VIR_ERR_OVERFLOW] = { "numerical overflow", "numerical overflow: %s" },
    [VIR_ERR_BLOCK_COPY_ACTIVE] = {
        "block copy still active", "block copy still active: %s" },
    [VIR_ERR_OPERATION_UNSUPPORTED] = {
        "Operation not supported", "Operation not supported: %s" },
    [VIR_ERR_SSH] = { "SSH transport error", "SSH transport error: %s" },
    [VIR_ERR_AGENT_UNRESPONSIVE] = {
        "Guest agent is not responding", "Guest agent is not responding: %s" },
    [VIR_ERR_RESOURCE_BUSY] = { "resource busy", "resource busy: %s" },
    [VIR_ERR_ACCESS_DENIED] = { "access denied", "access denied: %s" },
    [VIR_ERR_DBUS_SERVICE] = { "error from service", "error from service: %s" },
    [VIR_ERR_STORAGE_VOL_EXIST] = {
        "this storage volume exists already", "storage volume %s exists already" },
    [VIR_ERR_CPU_INCOMPATIBLE] = {
        "the CPU is incompatible with host CPU",
        "the CPU is incompatible with host CPU: %s" },
    [VIR_ERR_XML_INVALID_SCHEMA] = {
        "XML document failed to validate against schema",
        "XML document failed to validate against schema: %s" },
    [VIR_ERR_MIGRATE_FINISH_OK] = {
        "migration successfully aborted", "migration successfully aborted: %s" },
    [VIR_ERR_AUTH_UNAVAILABLE] = {
        "authentication unavailable", "authentication unavailable: %s" },
    [VIR_ERR_NO_SERVER] = { "Server not found", "Server not found: %s" },
    [VIR_ERR_NO_CLIENT] = { "Client not found", "Client not found: %s" },
    [VIR_ERR_AGENT_UNSYNCED] = {
        "guest agent replied with wrong id to guest-sync command",
        "guest agent replied with wrong id to guest-sync command: %s" },
    [VIR_ERR_LIBSSH] = { "libssh transport error", "libssh transport error: %s" },
    [VIR_ERR_DEVICE_MISSING] = { "device not found", "device not found: %s" },
    [VIR_ERR_INVALID_NWFILTER_BINDING] = {
        "Invalid network filter binding", "Invalid network filter binding: %s" },
    [VIR_ERR_NO_NWFILTER_BINDING] = {
        "Network filter binding not found",
        "Network filter binding not found: %s" },
    [VIR_ERR_INVALID_DOMAIN_CHECKPOINT] = {
        "Invalid domain checkpoint", "Invalid domain checkpoint: %s" },
    [VIR_ERR_NO_DOMAIN_CHECKPOINT] = {
        "Domain checkpoint not found", "Domain checkpoint not found: %s" },
    [VIR_ERR_NO_DOMAIN_BACKUP] = {
        "Domain backup job id not found", "Domain backup job id not found: %s" },
    [VIR_ERR_INVALID_NETWORK_PORT] = {
        "Invalid network port pointer", "Invalid network port pointer: %s" },
    [VIR_ERR_NETWORK_PORT_EXIST] = {
        "this network port exists already", "network port %s exists already" },
    [VIR_ERR_NO_NETWORK_PORT] = {
        "network port not found", "network port not found: %s" },
    [VIR_ERR_NO_HOSTNAME] = { "no hostname found", "no hostname found: %s" },
    [VIR_ERR_CHECKPOINT_INCONSISTENT] = {
        "checkpoint inconsistent", "checkpoint inconsistent: %s" },
    [VIR_ERR_MULTIPLE_DOMAINS] = {
        "multiple matching domains found", "multiple matching domains found: %s" },
};

_Static_assert(G_N_ELEMENTS(vr_error_texts) == VIR_ERR_NUMBER_LAST,
               "vr_error_texts must cover every virErrorNumber");

/* Used for VIR_ERR_OK and codes outside the table. */
#define VR_ERROR_TEXT_UNKNOWN "unknown error"
#define VR_ERROR_TEXT_UNKNOWN_INFO "%s"

static const char *const vr_error_domain_texts[] = {
    [VIR_FROM_NONE] = "",
    [VIR_FROM_XEN] = "Xen Driver",
    [VIR_FROM_XEND] = "Xen Daemon",
    [VIR_FROM_XENSTORE] = "Xen Store",
    [VIR_FROM_SEXPR] = "S-Expression",
    [VIR_FROM_XML] = "XML Util",
    [VIR_FROM_DOM] = "Domain",
    [VIR_FROM_RPC] = "XML-RPC",
    [VIR_FROM_PROXY] = "Proxy Daemon",
    [VIR_FROM_CONF] = "Config File",
    [VIR_FROM_QEMU] = "QEMU Driver",
    [VIR_FROM_NET] = "Network",
    [VIR_FROM_TEST] = "Test Driver",
    [VIR_FROM_REMOTE] = "Remote Driver",
    [VIR_FROM_OPENVZ] = "OpenVZ Driver",
    [VIR_FROM_XENXM] = "Xen XM Driver",
    [VIR_FROM_STATS_LINUX] = "Linux Statistics",
    [VIR_FROM_LXC] = "LXC Driver",
    [VIR_FROM_STORAGE] = "Storage Driver",
    [VIR_FROM_NETWORK] = "Network Driver",
    [VIR_FROM_DOMAIN] = "Domain Config",
    [VIR_FROM_UML] = "User Mode Linux Driver",
    [VIR_FROM_NODEDEV] = "Node Device Driver",
    [VIR_FROM_XEN_INOTIFY] = "Xen Inotify Driver",
    [VIR_FROM_SECURITY] = "Security Driver",
    [VIR_FROM_VBOX] = "VirtualBox Driver",
    [VIR_FROM_INTERFACE] = "Network Interface Driver",
    [VIR_FROM_ONE] = "Open Nebula Driver",
    [VIR_FROM_ESX] = "ESX Driver",
    [VIR_FROM_PHYP] = "Power Hypervisor Driver",
    [VIR_FROM_SECRET] = "Secrets Driver",
    [VIR_FROM_CPU] = "CPU Driver",
    [VIR_FROM_XENAPI] = "XenAPI Driver",
    [VIR_FROM_NWFILTER] = "Network Filter Driver",
    [VIR_FROM_HOOK] = "Lifecycle Hook",
    [VIR_FROM_DOMAIN_SNAPSHOT] = "Domain Snapshot",
    [VIR_FROM_AUDIT] = "Audit Utils",
    [VIR_FROM_SYSINFO] = "Sysinfo Utils",
    [VIR_FROM_STREAMS] = "I/O Stream Utils",
    [VIR_FROM_VMWARE] = "VMware Driver",
    [VIR_FROM_EVENT] = "Event Loop",
    [VIR_FROM_LIBXL] = "Xen Light Driver",
    [VIR_FROM_LOCKING] = "Lock Driver",
    [VIR_FROM_HYPERV] = "Hyper-V Driver",
    [VIR_FROM_CAPABILITIES] = "Capabilities Utils",
    [VIR_FROM_URI] = "URI Utils",
    [VIR_FROM_AUTH] = "Authentication Utils",
    [VIR_FROM_DBUS] = "DBus Utils",
    [VIR_FROM_PARALLELS] = "Parallels Cloud Server",
    [VIR_FROM_DEVICE] = "Device Config",
    [VIR_FROM_SSH] = "SSH transport layer",
    [VIR_FROM_LOCKSPACE] = "Lock Space",
    [VIR_FROM_INITCTL] = "Init control",
    [VIR_FROM_IDENTITY] = "Identity",
    [VIR_FROM_CGROUP] = "Cgroup",
    [VIR_FROM_ACCESS] = "Access Manager",
    [VIR_FROM_SYSTEMD] = "Systemd",
    [VIR_FROM_BHYVE] = "Bhyve",
    [VIR_FROM_CRYPTO] = "Crypto",
    [VIR_FROM_FIREWALL] = "Firewall",
    [VIR_FROM_POLKIT] = "Polkit",
    [VIR_FROM_THREAD] = "Thread jobs",
    [VIR_FROM_ADMIN] = "Admin Interface",
    [VIR_FROM_LOGGING] = "Log Manager",
    [VIR_FROM_XENXL] = "Xen XL Config",
    [VIR_FROM_PERF] = "Perf",
    [VIR_FROM_LIBSSH] = "Libssh transport layer",
    [VIR_FROM_RESCTRL] = "Resource control",
    [VIR_FROM_FIREWALLD] = "FirewallD",
    [VIR_FROM_DOMAIN_CHECKPOINT] = "Domain Checkpoint",
    [VIR_FROM_TPM] = "TPM",
    [VIR_FROM_BPF] = "BPF",
    [VIR_FROM_CH] = "Cloud-Hypervisor Driver",
};

_Static_assert(G_N_ELEMENTS(vr_error_domain_texts) == VIR_ERR_DOMAIN_LAST,
               "vr_error_domain_texts must cover every virErrorDomain");

const char *
vrErrorCodeText(int code, bool has_info)
{
    if (code <= VIR_ERR_OK || code >= VIR_ERR_NUMBER_LAST)
        return has_info ? VR_ERROR_TEXT_UNKNOWN_INFO : VR_ERROR_TEXT_UNKNOWN;
    return has_info ? vr_error_texts[code].with_info : vr_error_texts[code].plain;
}

const char *
vrErrorDomainText(int domain)
{
    if (domain < 0 || domain >= VIR_ERR_DOMAIN_LAST)
        return NULL;
    return vr_error_domain_texts[domain];
}
