#!/usr/bin/python3
"""Interactive-mode test of the vireo shell on a pseudo-terminal.

Usage: run_pty.py VIREO_BINARY

Types into "vireo -c sim:///default?private=1" through a pty, so that GNU
readline is live: tab completion of command names, option names, domain,
network and pool names, history recall with the up arrow, the history file
written at exit.
Prints TAP.
"""
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time

URI = 'sim:///default?private=1'
PROMPT = b'vireo # '
WAIT_S = 10
UP_ARROW = b'\x1b[A'

# (name, keystrokes, text the command's output must contain)
CASES = [
    ('complete command name', b'domst\t test\r', b'running'),
    ('complete option name', b'list --al\t\r', b' -    t2     shut off'),
    ('complete domain name', b'dominfo t2\t\r', b'Name:           t2'),
    ('complete network name', b'net-info defa\t\r', b'Name:           default'),
    ('complete pool name', b'pool-info default-\t\r',
     b'Name:           default-pool'),
    ('complete after ;', b'uri; domn\t 1\r', b'\r\ntest\r\n'),
    ('complete option value', b'event --event rebo\t--timeout 1\r',
     b'events received: 0'),
    ('history recall', UP_ARROW + b'\r', b'events received: 0'),
    # None: interrupt the command with SIGINT once it has started
    ('Ctrl-C ends event --loop', b'event --all --loop\r', None),
]
INTERRUPT_DELAY_S = 0.5


class Session:
    def __init__(self, vireo, env):
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen([vireo, '-c', URI], stdin=slave,
                                     stdout=slave, stderr=slave, env=env,
                                     close_fds=True, start_new_session=True)
        os.close(slave)
        self.buf = b''

    def read_until(self, marker):
        deadline = time.monotonic() + WAIT_S
        while marker not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                return None
            if not chunk:
                return None
            self.buf += chunk
        out, _, self.buf = self.buf.partition(marker)
        return out

    def send(self, data):
        os.write(self.master, data)

    def close(self):
        try:
            self.send(b'quit\r')
            self.proc.wait(timeout=WAIT_S)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)
        return self.proc.returncode


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    vireo = os.path.abspath(sys.argv[1])
    print('1..%d' % (len(CASES) + 3))
    failed = 0
    with tempfile.TemporaryDirectory(prefix='vireo-pty-') as home:
        env = dict(os.environ, HOME=home, XDG_CACHE_HOME=home, TERM='dumb',
                   INPUTRC='/dev/null', LC_ALL='C.UTF-8')
        env.pop('VIREO_SHELL_TEST_EVENT_COMMANDS', None)
        s = Session(vireo, env)
        ready = s.read_until(PROMPT) is not None
        s.send(b'define ' + os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         'data', 't2.xml').encode() + b'\r')
        ready = ready and s.read_until(PROMPT) is not None
        print('%s 1 - shell shows its prompt' % ('ok' if ready else 'not ok'))
        failed += not ready
        for i, (name, keys, want) in enumerate(CASES, 2):
            s.send(keys)
            if want is None:
                time.sleep(INTERRUPT_DELAY_S)
                s.proc.send_signal(signal.SIGINT)
                want = b'event loop interrupted\r\nevents received: 0'
            out = s.read_until(PROMPT) if ready else None
            good = out is not None and want in out
            print('%s %d - %s' % ('ok' if good else 'not ok', i, name))
            if not good:
                failed += 1
                print('#   expected %r in %r' % (want, out))
        rc = s.close()
        n = len(CASES) + 2
        print('%s %d - quit exits with status 0' % ('ok' if rc == 0 else 'not ok', n))
        failed += rc != 0
        hist = os.path.join(home, 'vireo', 'history')
        try:
            with open(hist, 'rb') as f:
                saved = f.read()
        except OSError:
            saved = b''
        good = b'dominfo t2' in saved and b'quit' in saved
        print('%s %d - history file is written' % ('ok' if good else 'not ok', n + 1))
        failed += not good
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
