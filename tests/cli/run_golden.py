#!/usr/bin/python3
"""Golden-file tests of the vireo shell.

Usage: run_golden.py VIREO_BINARY CASES_DIR DATA_DIR

Every CASES_DIR/NAME.cmd holds one command line: the words after
"vireo -c sim:///default?private=1", split like a shell splits them
(leading VAR=value words set environment variables instead; a first word
"-c" replaces the URI and a first word @NOURI@ leaves it out, so that the
shell picks its default).  @SPACES:N@ becomes the path of a scratch file
of N bytes of white space (lines of SPACES_LINE bytes, so that a parse
error quotes one short line), for tests at the edge of the shell's file
size limit.  The run must produce exactly NAME.out on stdout,
NAME.err on stderr (empty when absent) and the exit status in NAME.rc
(0 when absent); NAME.in, when present, is fed on stdin.  In the files
@DATA@ stands for DATA_DIR and @TMP@ for a scratch directory emptied
before each case.  VIREO_REGENERATE=1 rewrites the expected files from
the actual results.  Any file in CASES_DIR that belongs to no case, and
any file in DATA_DIR that no case mentions, fails the run.  Prints TAP.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

URI = 'sim:///default?private=1'
TIMEOUT_S = 20
EXPECTED_EXTS = ('.out', '.err', '.rc', '.in')
ENV_WORD = re.compile(r'^([A-Z_][A-Z0-9_]*)=(.*)$', re.S)
SPACES = re.compile(r'@SPACES:(\d+)@')
SPACES_LINE = 80        # bytes per line of a @SPACES:N@ file, newline included

# Output that legitimately changes from run to run: (regex, replacement).
MASKS = [
    (re.compile(r'\(Time: [0-9.]+ ms\)'), '(Time: <N> ms)'),
    (re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000: ', re.M),
     '<TIMESTAMP>: '),
]


def read(path, default=''):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except FileNotFoundError:
        return default


def write_or_remove(path, text, empty):
    if text == empty:
        if os.path.exists(path):
            os.unlink(path)
        return
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def normalize(text, datadir, tmpdir):
    text = text.replace(tmpdir, '@TMP@').replace(datadir, '@DATA@')
    for rx, repl in MASKS:
        text = rx.sub(repl, text)
    return text


def unused_files(casedir, names):
    bad = []
    for entry in sorted(os.listdir(casedir)):
        base, ext = os.path.splitext(entry)
        if ext == '.cmd':
            continue
        if ext not in EXPECTED_EXTS or base not in names:
            bad.append(entry)
    return bad


def make_spaces(match, tmpdir):
    size = int(match.group(1))
    path = os.path.join(tmpdir, 'spaces-%d.xml' % size)
    line = ' ' * (SPACES_LINE - 1) + '\n'
    with open(path, 'w') as f:
        f.write(line * (size // SPACES_LINE) + ' ' * (size % SPACES_LINE))
    return path


def unused_data(casedir, datadir):
    text = ''
    for entry in os.listdir(casedir):
        if entry.endswith(('.cmd', '.in')):
            text += read(os.path.join(casedir, entry))
    return sorted(e for e in os.listdir(datadir) if '@DATA@/' + e not in text)


def prepare(cmdline, datadir, tmpdir, env):
    """Returns (argv words, environment) for one case."""
    cmdline = SPACES.sub(lambda m: make_spaces(m, tmpdir), cmdline)
    words = shlex.split(cmdline.replace('@DATA@', datadir).replace('@TMP@', tmpdir))
    env = dict(env)
    while words and ENV_WORD.match(words[0]):
        m = ENV_WORD.match(words.pop(0))
        env[m.group(1)] = m.group(2)
    if words and words[0] == '-c':
        return words, env
    if words and words[0] == '@NOURI@':
        return words[1:], env
    return ['-c', URI] + words, env


def run_case(vireo, casedir, name, datadir, tmpdir, env):
    cmdline = read(os.path.join(casedir, name + '.cmd')).rstrip('\n')
    stdin = read(os.path.join(casedir, name + '.in')).replace('@DATA@', datadir)
    for entry in os.listdir(tmpdir):
        p = os.path.join(tmpdir, entry)
        shutil.rmtree(p) if os.path.isdir(p) else os.unlink(p)
    words, case_env = prepare(cmdline, datadir, tmpdir, env)
    try:
        p = subprocess.run([vireo] + words, input=stdin.encode(),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT_S, env=case_env, cwd=tmpdir)
        out, err, rc = p.stdout.decode(errors='replace'), \
            p.stderr.decode(errors='replace'), p.returncode
    except subprocess.TimeoutExpired:
        out, err, rc = '', '<timeout after %d s>\n' % TIMEOUT_S, -1
    return (normalize(out, datadir, tmpdir), normalize(err, datadir, tmpdir),
            '%d\n' % rc)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    vireo, casedir, datadir = (os.path.abspath(a) for a in sys.argv[1:])
    regen = os.environ.get('VIREO_REGENERATE') == '1'
    names = sorted(e[:-4] for e in os.listdir(casedir) if e.endswith('.cmd'))
    bad = unused_files(casedir, set(names)) + \
        ['data/' + e for e in unused_data(casedir, datadir)]
    print('1..%d' % (len(names) + 1))
    failed = 0

    with tempfile.TemporaryDirectory(prefix='vireo-golden-') as top:
        tmpdir = os.path.join(top, 'work')
        home = os.path.join(top, 'home')
        os.mkdir(tmpdir)
        os.mkdir(home)
        env = dict(os.environ, HOME=home, XDG_CACHE_HOME=home,
                   XDG_CONFIG_HOME=home, LC_ALL='C.UTF-8')
        for var in ('LIBVIRT_DEFAULT_URI', 'VIREO_DEFAULT_URI',
                    'VIREO_SHELL_TEST_EVENT_COMMANDS'):
            env.pop(var, None)
        for i, name in enumerate(names, 1):
            got = run_case(vireo, casedir, name, datadir, tmpdir, env)
            base = os.path.join(casedir, name)
            if regen:
                write_or_remove(base + '.out', got[0], None)
                write_or_remove(base + '.err', got[1], '')
                write_or_remove(base + '.rc', got[2], '0\n')
            want = (read(base + '.out', None), read(base + '.err'),
                    read(base + '.rc', '0\n'))
            if want == got:
                print('ok %d - %s' % (i, name))
                continue
            failed += 1
            print('not ok %d - %s' % (i, name))
            for label, w, g in zip(('stdout', 'stderr', 'exit'), want, got):
                if w != g:
                    print('#   %s: expected %r' % (label, w))
                    print('#   %s: got      %r' % (label, g))
    if bad:
        failed += 1
        print('not ok %d - no unused files in cases/ and data/' % (len(names) + 1))
        for entry in bad:
            print('#   unused: %s' % entry)
    else:
        print('ok %d - no unused files in cases/ and data/' % (len(names) + 1))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
