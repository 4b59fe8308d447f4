#!/usr/bin/python3
"""Capture golden outputs for tests/data/domain from the real libvirt 9.0
test driver (python3-libvirt), each case on a fresh test:///default:

  NAME.xml -> NAME.out.xml          virsh define + dumpxml --inactive
              NAME.live.out.xml     (--live) virsh create + dumpxml
              NAME.secure.out.xml   (--secure) dumpxml --inactive --security-info
              NAME.err              "VIR_ERR_XXX: message" when define fails

Usage: capture-libvirt.py [--live] [--secure] DIR NAME...
Valid cases must fix <uuid> and every <mac address>: anything libvirt
generates randomly cannot be compared.
"""
import os
import sys

import libvirt

CODES = {getattr(libvirt, n): n for n in dir(libvirt)
         if n.startswith('VIR_ERR_')
         and n not in ('VIR_ERR_NONE', 'VIR_ERR_WARNING', 'VIR_ERR_ERROR')}


def capture(directory, name, live, secure):
    base = os.path.join(directory, name)
    with open(base + '.xml', 'rb') as f:
        xml = f.read().decode('utf-8')
    conn = libvirt.open('test:///default')
    try:
        dom = conn.defineXMLFlags(xml, 0)
    except libvirt.libvirtError as e:
        with open(base + '.err', 'w') as f:
            f.write('%s: %s\n' % (CODES.get(e.get_error_code()), e.get_error_message()))
        return
    out = dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
    with open(base + '.out.xml', 'w') as f:
        f.write(out)
    if secure:
        with open(base + '.secure.out.xml', 'w') as f:
            f.write(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE |
                                libvirt.VIR_DOMAIN_XML_SECURE))
    if live:
        dom.undefine()
        dom = conn.createXML(xml, 0)
        with open(base + '.live.out.xml', 'w') as f:
            f.write(dom.XMLDesc(0))
    conn.close()


def main():
    args = sys.argv[1:]
    live = '--live' in args
    secure = '--secure' in args
    args = [a for a in args if not a.startswith('--')]
    libvirt.registerErrorHandler(lambda c, e: None, None)
    for name in args[1:]:
        capture(args[0], name, live, secure)


if __name__ == '__main__':
    main()
