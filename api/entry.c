/* Shared argument and handle checks of the public entry points; the
 * messages are libvirt's, since clients match on them. */
#include "api/entry.h"

bool vrEntryConnect(int from, virConnectPtr conn, const char *func)
{
    vrErrorReset();
    if (vrHandleIsLive(conn))
        return true;
    vrErrorReportRaw(from, VIR_ERR_INVALID_CONN, __FILE__, func, __LINE__,
                     "invalid connection pointer in %s", func);
    vrErrorCopyToConn(NULL);
    return false;
}

bool vrEntryDomain(int from, virDomainPtr dom, const char *func)
{
    vrErrorReset();
    if (vrHandleIsLive(dom) && vrHandleIsLive(dom->conn))
        return true;
    vrErrorReportRaw(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN, __FILE__, func, __LINE__,
                     "invalid domain pointer in %s", func);
    vrErrorCopyToConn(NULL);
    return false;
}

bool vrEntryWritable(int from, virConnectPtr conn, const char *func)
{
    if (!vrConnectIsReadOnly(conn))
        return true;
    vrErrorReport(from, VIR_ERR_OPERATION_DENIED, __FILE__, func, __LINE__,
                  "read only access prevents %s", func);
    return false;
}

void vrEntryNullArg(int from, const char *arg, const char *func)
{
    vrErrorReportRaw(from, VIR_ERR_INVALID_ARG, __FILE__, func, __LINE__,
                     "%s in %s must not be NULL", arg, func);
}

void vrEntryBadArg(int from, const char *arg, const char *func, const char *must)
{
    vrErrorReportRaw(from, VIR_ERR_INVALID_ARG, __FILE__, func, __LINE__,
                     "%s in %s must be %s", arg, func, must);
}

void vrEntryNoSupport(int from, const char *func)
{
    vrErrorReport(from, VIR_ERR_NO_SUPPORT, __FILE__, func, __LINE__, "%s", func);
}

void vrEntryFail(virConnectPtr conn)
{
    vrErrorCopyToConn(vrHandleIsLive(conn) ? conn : NULL);
}
