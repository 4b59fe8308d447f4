#!/usr/bin/python3
"""Capture golden outputs for tests/data/storage from the real libvirt 9.0
test driver (python3-libvirt), each case on a fresh test:///default:

  pool-NAME.xml -> pool-NAME.out.xml    virsh pool-define + pool-dumpxml
  vol-TYPE-NAME.xml -> .out.xml         vol-create in a started pool of TYPE
                                        (dir: default-pool) + vol-dumpxml
  NAME.err                              "VIR_ERR_XXX: message" when it fails

Usage: capture-storage.py DIR [NAME...]   (no NAME: every case in DIR)
Pool cases must fix <uuid>.  The pools behind volume cases are the ones
tests/conf/test-storage-xml.c uses (VOLUME_POOLS there).
"""
import os
import sys

import libvirt

CODES = {getattr(libvirt, n): n for n in dir(libvirt)
         if n.startswith('VIR_ERR_')
         and n not in ('VIR_ERR_NONE', 'VIR_ERR_WARNING', 'VIR_ERR_ERROR')}

VOLUME_POOLS = {
    'logical': "<pool type='logical'><name>vg</name>"
               "<source><device path='/dev/sda2'/></source></pool>",
    'disk': "<pool type='disk'><name>sdd</name><source><device path='/dev/sdd'/>"
            "</source><target><path>/dev</path></target></pool>",
    'netfs': "<pool type='netfs'><name>nfs</name><source><host name='nfs.example.com'/>"
             "<dir path='/exports'/></source><target><path>/mnt/nfs</path></target></pool>",
    'iscsi': "<pool type='iscsi'><name>iscsi</name><source><host name='iscsi.example.com'/>"
             "<device path='iqn.2013-06.com.example:pool'/></source>"
             "<target><path>/dev/disk/by-path</path></target></pool>",
}


def volume_pool_type(name):
    """vol-TYPE-... names the pool type; anything else is the dir pool."""
    parts = name.split('-')
    if len(parts) > 2 and parts[1] in VOLUME_POOLS:
        return parts[1]
    return 'dir'


def run_case(conn, name, xml):
    if name.startswith('pool-'):
        return conn.storagePoolDefineXML(xml, 0).XMLDesc(0)
    ptype = volume_pool_type(name)
    if ptype == 'dir':
        pool = conn.storagePoolLookupByName('default-pool')
    else:
        pool = conn.storagePoolDefineXML(VOLUME_POOLS[ptype], 0)
        pool.create(0)
    return pool.createXML(xml, 0).XMLDesc(0)


def capture(directory, name):
    base = os.path.join(directory, name)
    with open(base + '.xml', 'rb') as f:
        xml = f.read().decode('utf-8')
    conn = libvirt.open('test:///default')
    for suffix in ('.out.xml', '.err'):
        if os.path.exists(base + suffix):
            os.unlink(base + suffix)
    try:
        out = run_case(conn, name, xml)
        with open(base + '.out.xml', 'w') as f:
            f.write(out)
    except libvirt.libvirtError as e:
        with open(base + '.err', 'w') as f:
            f.write('%s: %s\n' % (CODES.get(e.get_error_code()), e.get_error_message()))
    conn.close()


def main():
    libvirt.registerErrorHandler(lambda c, e: None, None)
    directory = sys.argv[1]
    names = sys.argv[2:] or sorted(
        f[:-4] for f in os.listdir(directory)
        if f.endswith('.xml') and not f.endswith('.out.xml'))
    for name in names:
        capture(directory, name)


if __name__ == '__main__':
    main()
