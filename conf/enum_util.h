/* Enum <-> string tables: one table per enum, checked at compile time to
 * cover every value up to _LAST. */
#ifndef VR_ENUM_UTIL_H
#define VR_ENUM_UTIL_H

#include <glib.h>

/* NULL for a value outside the table. */
const char *vrEnumToString(const char *const *names, int last, int value);
/* The index of str in the table, or -1 (also for NULL). */
int vrEnumFromString(const char *const *names, int last, const char *str);

#define VR_ENUM_DECL(name) \
    const char *name##ToString(int value); \
    int name##FromString(const char *str)

#define VR_ENUM_IMPL(name, last, ...) \
    static const char *const name##Names[] = { __VA_ARGS__ }; \
    _Static_assert(G_N_ELEMENTS(name##Names) == (last), \
                   "enum table " #name " does not cover " #last); \
    const char *name##ToString(int value) \
    { \
        return vrEnumToString(name##Names, (last), value); \
    } \
    int name##FromString(const char *str) \
    { \
        return vrEnumFromString(name##Names, (last), str); \
    }

#endif /* VR_ENUM_UTIL_H */
