/* Capabilities XML for a simulated node, byte for byte what libvirt 9.0's
 * test driver prints for the same node: the host cpu and page sizes, one
 * <cell> per NUMA cell, the test security model and two guest types. */
#include "sim/capabilities.h"

#define VR_SIM_CAPS_ARCH "i686"
#define VR_SIM_CAPS_EMULATOR "/usr/bin/test-hv"
#define VR_SIM_CAPS_WORDSIZE 32
#define VR_SIM_CAPS_SECMODEL "testSecurity"

/* Host page sizes in KiB; a cell lists its own base page (4 KiB, or 8 KiB
 * for cell 1 as the test driver has it) and the two huge sizes. */
static const unsigned int vrSimPageSizesKiB[] = { 4, 8, 2048, 1048576 };
#define VR_SIM_CELL_HUGE_PAGES_FROM 2      /* index of the first huge size */

static const char *const vrSimGuestOSTypes[] = { "hvm", "xen" };

static void vrSimCapsHostCPU(GString *buf)
{
    size_t i;

    g_string_append(buf, "    <cpu>\n"
                         "      <arch>" VR_SIM_CAPS_ARCH "</arch>\n"
                         "      <features>\n"
                         "        <pae/>\n"
                         "        <nonpae/>\n"
                         "      </features>\n");
    for (i = 0; i < G_N_ELEMENTS(vrSimPageSizesKiB); i++)
        g_string_append_printf(buf, "      <pages unit='KiB' size='%u'/>\n",
                               vrSimPageSizesKiB[i]);
    g_string_append(buf, "    </cpu>\n");
}

static void vrSimCapsCell(GString *buf, const vrSimCell *cell, int id)
{
    unsigned int base = vrSimPageSizesKiB[id == 1 ? 1 : 0];
    size_t i;
    int c;

    g_string_append_printf(buf, "        <cell id='%d'>\n", id);
    g_string_append_printf(buf, "          <memory unit='KiB'>%llu</memory>\n", cell->mem_kib);
    g_string_append_printf(buf, "          <pages unit='KiB' size='%u'>%llu</pages>\n",
                           base, cell->mem_kib / base);
    for (i = VR_SIM_CELL_HUGE_PAGES_FROM; i < G_N_ELEMENTS(vrSimPageSizesKiB); i++)
        g_string_append_printf(buf, "          <pages unit='KiB' size='%u'>0</pages>\n",
                               vrSimPageSizesKiB[i]);
    g_string_append_printf(buf, "          <cpus num='%d'>\n", cell->ncpus);
    for (c = 0; c < cell->ncpus; c++) {
        const vrSimCellCpu *cpu = &cell->cpus[c];

        g_string_append_printf(buf, "            <cpu id='%d' socket_id='%d' die_id='0' "
                               "core_id='%d' siblings='%d'/>\n",
                               cpu->id, cpu->socket_id, cpu->core_id, cpu->id);
    }
    g_string_append(buf, "          </cpus>\n"
                         "        </cell>\n");
}

static void vrSimCapsHost(GString *buf, const vrSimNode *node)
{
    int i;

    g_string_append(buf, "  <host>\n");
    vrSimCapsHostCPU(buf);
    g_string_append(buf, "    <power_management/>\n"
                         "    <iommu support='no'/>\n"
                         "    <topology>\n");
    g_string_append_printf(buf, "      <cells num='%d'>\n", node->ncells);
    for (i = 0; i < node->ncells; i++)
        vrSimCapsCell(buf, &node->cells[i], i);
    g_string_append(buf, "      </cells>\n"
                         "    </topology>\n"
                         "    <secmodel>\n"
                         "      <model>" VR_SIM_CAPS_SECMODEL "</model>\n"
                         "      <doi></doi>\n"
                         "    </secmodel>\n"
                         "  </host>\n\n");
}

static void vrSimCapsGuest(GString *buf, const char *os_type)
{
    g_string_append_printf(buf, "  <guest>\n"
                                "    <os_type>%s</os_type>\n", os_type);
    g_string_append_printf(buf, "    <arch name='" VR_SIM_CAPS_ARCH "'>\n"
                                "      <wordsize>%d</wordsize>\n"
                                "      <emulator>" VR_SIM_CAPS_EMULATOR "</emulator>\n"
                                "      <domain type='test'/>\n"
                                "    </arch>\n", VR_SIM_CAPS_WORDSIZE);
    g_string_append(buf, "    <features>\n"
                         "      <pae/>\n"
                         "      <nonpae/>\n"
                         "    </features>\n"
                         "  </guest>\n\n");
}

char *vrSimCapabilitiesFormat(const vrSimNode *node)
{
    GString *buf = g_string_new("<capabilities>\n\n");
    size_t i;

    vrSimCapsHost(buf, node);
    for (i = 0; i < G_N_ELEMENTS(vrSimGuestOSTypes); i++)
        vrSimCapsGuest(buf, vrSimGuestOSTypes[i]);
    g_string_append(buf, "</capabilities>\n");
    return g_string_free(buf, FALSE);
}
