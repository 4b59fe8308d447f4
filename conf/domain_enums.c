/* String tables of the domain XML enums (libvirt 9.0 spellings) and the
 * generic table lookups behind them. */
#include <string.h>

#include "conf/domain_enums.h"
#include "conf/domain_conf.h"

const char *
vrEnumToString(const char *const *names, int last, int value)
{
    if (value < 0 || value >= last)
        return NULL;
    return names[value];
}

int
vrEnumFromString(const char *const *names, int last, const char *str)
{
    int i;

    if (!str)
        return -1;
    for (i = 0; i < last; i++) {
        if (strcmp(names[i], str) == 0)
            return i;
    }
    return -1;
}

VR_ENUM_IMPL(vrTristateBool, VR_TRISTATE_LAST, "default", "yes", "no")
VR_ENUM_IMPL(vrTristateSwitch, VR_TRISTATE_LAST, "default", "on", "off")

VR_ENUM_IMPL(vrDomainVirtTypeName, VR_DOMAIN_VIRT_LAST,
             "none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz",
             "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve",
             "vz")

VR_ENUM_IMPL(vrDomainLifecycleName, VR_DOMAIN_LIFECYCLE_ACTION_LAST,
             "destroy", "restart", "rename-restart", "preserve",
             "coredump-destroy", "coredump-restart")

const char *
vrDomainVirtTypeToString(vrDomainVirtType type)
{
    return vrDomainVirtTypeNameToString(type);
}

const char *
vrDomainLifecycleActionToString(vrDomainLifecycleAction action)
{
    return vrDomainLifecycleNameToString(action);
}

VR_ENUM_IMPL(vrArch, VR_ARCH_LAST,
             "none", "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris",
             "i686", "ia64", "lm32", "m68k", "microblaze", "microblazeel",
             "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc",
             "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb",
             "riscv32", "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc",
             "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb")

VR_ENUM_IMPL(vrDomainOSType, VR_DOMAIN_OSTYPE_LAST,
             "hvm", "xen", "linux", "exe", "uml", "xenpvh")

VR_ENUM_IMPL(vrDomainBootDev, VR_DOMAIN_BOOT_LAST,
             "fd", "cdrom", "hd", "network")

VR_ENUM_IMPL(vrDomainLoaderType, VR_DOMAIN_LOADER_TYPE_LAST,
             "none", "rom", "pflash")

VR_ENUM_IMPL(vrDomainFirmware, VR_DOMAIN_FIRMWARE_LAST,
             "none", "bios", "efi")

VR_ENUM_IMPL(vrDomainFirmwareFeature, VR_DOMAIN_FIRMWARE_FEATURE_LAST,
             "enrolled-keys", "secure-boot")

VR_ENUM_IMPL(vrDomainSmbiosMode, VR_DOMAIN_SMBIOS_LAST,
             "none", "emulate", "host", "sysinfo")

VR_ENUM_IMPL(vrDomainFeature, VR_DOMAIN_FEATURE_LAST,
             "acpi", "apic", "pae", "hap", "viridian", "privnet", "hyperv",
             "kvm", "pvspinlock", "capabilities", "pmu", "vmport", "gic",
             "smm", "ioapic", "hpt", "vmcoreinfo", "htm", "nested-hv", "msrs",
             "ccf-assist", "xen", "cfpc", "sbbc", "ibs", "tcg")

VR_ENUM_IMPL(vrDomainClockOffset, VR_DOMAIN_CLOCK_OFFSET_LAST,
             "utc", "localtime", "variable", "timezone", "absolute")

VR_ENUM_IMPL(vrDomainClockBasis, VR_DOMAIN_CLOCK_BASIS_LAST,
             "utc", "localtime")

VR_ENUM_IMPL(vrDomainTimerName, VR_DOMAIN_TIMER_NAME_LAST,
             "platform", "pit", "rtc", "hpet", "tsc", "kvmclock",
             "hypervclock", "armvtimer")

VR_ENUM_IMPL(vrDomainTimerTickpolicy, VR_DOMAIN_TIMER_TICKPOLICY_LAST,
             "none", "delay", "catchup", "merge", "discard")

VR_ENUM_IMPL(vrDomainTimerTrack, VR_DOMAIN_TIMER_TRACK_LAST,
             "none", "boot", "guest", "wall", "realtime")

VR_ENUM_IMPL(vrDomainTimerMode, VR_DOMAIN_TIMER_MODE_LAST,
             "none", "auto", "native", "emulate", "paravirt", "smpsafe")

VR_ENUM_IMPL(vrDomainVcpuPlacement, VR_DOMAIN_VCPU_PLACEMENT_LAST,
             "default", "static", "auto")

VR_ENUM_IMPL(vrCPUMode, VR_CPU_MODE_LAST,
             "custom", "host-model", "host-passthrough", "maximum")

VR_ENUM_IMPL(vrCPUMatch, VR_CPU_MATCH_LAST,
             "default", "minimum", "exact", "strict")

VR_ENUM_IMPL(vrCPUCheck, VR_CPU_CHECK_LAST,
             "default", "none", "partial", "full")

VR_ENUM_IMPL(vrCPUFallback, VR_CPU_FALLBACK_LAST, "allow", "forbid")

VR_ENUM_IMPL(vrCPUFeaturePolicy, VR_CPU_FEATURE_LAST,
             "force", "require", "optional", "disable", "forbid")

VR_ENUM_IMPL(vrDeviceAddressType, VR_DEVICE_ADDRESS_LAST,
             "none", "pci", "drive", "virtio-serial", "ccid", "usb",
             "spapr-vio", "virtio-s390", "ccw", "virtio-mmio", "isa", "dimm",
             "unassigned")

VR_ENUM_IMPL(vrDiskType, VR_DISK_TYPE_LAST,
             "none", "file", "block", "dir", "network", "volume", "nvme",
             "vhostuser")

VR_ENUM_IMPL(vrDiskDevice, VR_DISK_DEVICE_LAST,
             "disk", "cdrom", "floppy", "lun")

VR_ENUM_IMPL(vrDiskBus, VR_DISK_BUS_LAST,
             "none", "ide", "fdc", "scsi", "virtio", "xen", "usb", "uml",
             "sata", "sd")

VR_ENUM_IMPL(vrDiskCache, VR_DISK_CACHE_LAST,
             "default", "none", "writethrough", "writeback", "directsync",
             "unsafe")

VR_ENUM_IMPL(vrDiskErrorPolicy, VR_DISK_ERROR_POLICY_LAST,
             "default", "stop", "report", "ignore", "enospace")

VR_ENUM_IMPL(vrDiskIo, VR_DISK_IO_LAST,
             "default", "native", "threads", "io_uring")

VR_ENUM_IMPL(vrDiskDiscard, VR_DISK_DISCARD_LAST,
             "default", "unmap", "ignore")

VR_ENUM_IMPL(vrDiskDetectZeroes, VR_DISK_DETECT_ZEROES_LAST,
             "default", "off", "on", "unmap")

VR_ENUM_IMPL(vrDiskStartupPolicy, VR_DISK_STARTUP_LAST,
             "default", "mandatory", "requisite", "optional")

VR_ENUM_IMPL(vrDiskTray, VR_DISK_TRAY_LAST, "closed", "open")

VR_ENUM_IMPL(vrStorageFormat, VR_STORAGE_FORMAT_LAST,
             "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
             "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed",
             "vmdk")

VR_ENUM_IMPL(vrControllerType, VR_CONTROLLER_TYPE_LAST,
             "ide", "fdc", "scsi", "sata", "virtio-serial", "ccid", "usb",
             "pci", "xenbus", "isa")

#define VR_CONTROLLER_MODEL_IDE_LAST 3
VR_ENUM_IMPL(vrControllerModelIDE, VR_CONTROLLER_MODEL_IDE_LAST,
             "piix3", "piix4", "ich6")

#define VR_CONTROLLER_MODEL_SCSI_LAST 13
VR_ENUM_IMPL(vrControllerModelSCSI, VR_CONTROLLER_MODEL_SCSI_LAST,
             "auto", "buslogic", "lsilogic", "lsisas1068", "vmpvscsi",
             "ibmvscsi", "virtio-scsi", "lsisas1078", "virtio-transitional",
             "virtio-non-transitional", "ncr53c90", "am53c974", "dc390")

#define VR_CONTROLLER_MODEL_USB_LAST 14
VR_ENUM_IMPL(vrControllerModelUSB, VR_CONTROLLER_MODEL_USB_LAST,
             "piix3-uhci", "piix4-uhci", "ehci", "ich9-ehci1", "ich9-uhci1",
             "ich9-uhci2", "ich9-uhci3", "vt82c686b-uhci", "pci-ohci",
             "nec-xhci", "qusb1", "qusb2", "qemu-xhci", "none")

#define VR_CONTROLLER_MODEL_PCI_LAST 10
VR_ENUM_IMPL(vrControllerModelPCI, VR_CONTROLLER_MODEL_PCI_LAST,
             "pci-root", "pcie-root", "pci-bridge", "dmi-to-pci-bridge",
             "pcie-root-port", "pcie-switch-upstream-port",
             "pcie-switch-downstream-port", "pci-expander-bus",
             "pcie-expander-bus", "pcie-to-pci-bridge")

#define VR_CONTROLLER_MODEL_VIRTIO_SERIAL_LAST 3
VR_ENUM_IMPL(vrControllerModelVirtioSerial,
             VR_CONTROLLER_MODEL_VIRTIO_SERIAL_LAST,
             "virtio", "virtio-transitional", "virtio-non-transitional")

/* ISA (and xenbus) controllers have no models. */
const char *
vrControllerModelISAToString(int value)
{
    return NULL;
}

int
vrControllerModelISAFromString(const char *str)
{
    return -1;
}

VR_ENUM_IMPL(vrNetType, VR_NET_TYPE_LAST,
             "user", "ethernet", "vhostuser", "server", "client", "mcast",
             "network", "bridge", "internal", "direct", "hostdev", "udp",
             "vdpa", "null", "vds")

VR_ENUM_IMPL(vrNetMacvlanMode, VR_NET_MACVLAN_LAST,
             "vepa", "private", "bridge", "passthrough")

VR_ENUM_IMPL(vrNetLinkState, VR_NET_LINK_LAST, "default", "up", "down")

VR_ENUM_IMPL(vrNetMacType, VR_NET_MAC_TYPE_LAST,
             "default", "generated", "static")

VR_ENUM_IMPL(vrChrType, VR_CHR_TYPE_LAST,
             "null", "vc", "pty", "dev", "file", "pipe", "stdio", "udp",
             "tcp", "unix", "spicevmc", "spiceport", "nmdm", "qemu-vdagent",
             "dbus")

VR_ENUM_IMPL(vrChrSerialTargetType, VR_CHR_SERIAL_TARGET_LAST,
             "none", "isa-serial", "usb-serial", "pci-serial",
             "spapr-vio-serial", "system-serial", "sclp-serial", "isa-debug")

VR_ENUM_IMPL(vrChrSerialTargetModel, VR_CHR_SERIAL_MODEL_LAST,
             "none", "isa-serial", "usb-serial", "pci-serial", "spapr-vty",
             "pl011", "sclpconsole", "sclplmconsole", "16550a")

VR_ENUM_IMPL(vrChrConsoleTargetType, VR_CHR_CONSOLE_TARGET_LAST,
             "none", "serial", "xen", "uml", "virtio", "lxc", "openvz",
             "sclp", "sclplm")

VR_ENUM_IMPL(vrChrTcpProtocol, VR_CHR_TCP_PROTOCOL_LAST,
             "raw", "telnet", "telnets", "tls")

VR_ENUM_IMPL(vrGraphicsType, VR_GRAPHICS_TYPE_LAST,
             "sdl", "vnc", "rdp", "desktop", "spice", "egl-headless", "dbus")

VR_ENUM_IMPL(vrGraphicsListenType, VR_GRAPHICS_LISTEN_LAST,
             "none", "address", "network", "socket")

VR_ENUM_IMPL(vrGraphicsConnected, VR_GRAPHICS_CONNECTED_LAST,
             "default", "fail", "disconnect", "keep")

VR_ENUM_IMPL(vrGraphicsVNCSharePolicy, VR_GRAPHICS_VNC_SHARE_LAST,
             "default", "allow-exclusive", "force-shared", "ignore")

VR_ENUM_IMPL(vrGraphicsSpiceMode, VR_GRAPHICS_SPICE_MODE_LAST,
             "any", "secure", "insecure")

VR_ENUM_IMPL(vrVideoType, VR_VIDEO_TYPE_LAST,
             "default", "vga", "cirrus", "vmvga", "xen", "vbox", "qxl",
             "parallels", "virtio", "gop", "none", "bochs", "ramfb")

VR_ENUM_IMPL(vrInputType, VR_INPUT_TYPE_LAST,
             "mouse", "tablet", "keyboard", "passthrough", "evdev")

VR_ENUM_IMPL(vrInputBus, VR_INPUT_BUS_LAST,
             "ps2", "usb", "xen", "parallels", "virtio", "none")

#define VR_INPUT_GRAB_LAST 2
VR_ENUM_IMPL(vrInputGrab, VR_INPUT_GRAB_LAST, "default", "all")

#define VR_INPUT_GRAB_TOGGLE_LAST 7
VR_ENUM_IMPL(vrInputGrabToggle, VR_INPUT_GRAB_TOGGLE_LAST,
             "default", "ctrl-ctrl", "alt-alt", "shift-shift", "meta-meta",
             "scrolllock", "ctrl-scrolllock")

VR_ENUM_IMPL(vrMemballoonModel, VR_MEMBALLOON_MODEL_LAST,
             "virtio", "xen", "none", "virtio-transitional",
             "virtio-non-transitional")

VR_ENUM_IMPL(vrRNGModel, VR_RNG_MODEL_LAST,
             "virtio", "virtio-transitional", "virtio-non-transitional")

VR_ENUM_IMPL(vrRNGBackend, VR_RNG_BACKEND_LAST,
             "random", "egd", "builtin")
