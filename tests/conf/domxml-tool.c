/* Developer tool: parse a domain XML file as libvirt's test driver would
 * define it and print the formatted result, or "VIR_ERR_XXX: message".
 * Usage: domxml-tool [--live] [--secure] [--validate] FILE */
#include <stdio.h>
#include <string.h>

#include "conf/domain_conf.h"
#include "util/error.h"
#include "error_names.h"

#define VR_TOOL_LIVE_ID 2

static const char *
vrToolErrorName(int code)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vrTestErrorNames); i++) {
        if (vrTestErrorNames[i].code == code)
            return vrTestErrorNames[i].name;
    }
    return "VIR_ERR_UNKNOWN";
}

int
main(int argc, char **argv)
{
    unsigned int parse_flags = VR_DOMAIN_DEF_PARSE_INACTIVE;
    unsigned int format_flags = VR_DOMAIN_DEF_FORMAT_INACTIVE;
    g_autofree char *xml = NULL;
    g_autofree char *out = NULL;
    vrDomainDef *def;
    bool live = false;
    int i;

    for (i = 1; i < argc - 1; i++) {
        if (strcmp(argv[i], "--live") == 0) {
            live = true;
            format_flags &= ~VR_DOMAIN_DEF_FORMAT_INACTIVE;
        } else if (strcmp(argv[i], "--secure") == 0) {
            format_flags |= VR_DOMAIN_DEF_FORMAT_SECURE;
        } else if (strcmp(argv[i], "--validate") == 0) {
            parse_flags |= VR_DOMAIN_DEF_PARSE_VALIDATE_SCHEMA;
        }
    }
    if (argc < 2 || !g_file_get_contents(argv[argc - 1], &xml, NULL, NULL)) {
        fprintf(stderr, "usage: %s [--live] [--secure] [--validate] FILE\n", argv[0]);
        return 2;
    }
    if (!(def = vrDomainDefParseString(xml, parse_flags))) {
        const virError *err = vrErrorLast();

        printf("%s: %s\n", vrToolErrorName(err ? err->code : -1),
               err && err->message ? err->message : "(none)");
        return 1;
    }
    if (vrDomainDefAssignIfnames(def, "testnet") < 0)
        return 1;
    if (live)
        def->id = VR_TOOL_LIVE_ID;
    out = vrDomainDefFormat(def, format_flags);
    fputs(out, stdout);
    vrDomainDefFree(def);
    return 0;
}
