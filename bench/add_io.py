#!/usr/bin/env python3
"""add_io.py -- write volume of `recoupe add` into a fresh store: bytes the
process wrote (/proc/PID/io wchar: every write/pwrite, and write_bytes: what
reached the block layer), the store's size, and with --strace the write
system calls counted by `strace -c -f`.  Never pass/fail.

usage: python3 bench/add_io.py [--strace] [--db FILE] INPUT...
       (default INPUT: ../shared/data/orangesum/stream_2020.jsonl.gz)
"""
import os, subprocess, sys, time

def main(argv):
    use_strace = '--strace' in argv
    argv = [a for a in argv if a != '--strace']
    db = 'bench/out/add-io.db'
    if '--db' in argv:
        k = argv.index('--db'); db = argv[k + 1]; argv = argv[:k] + argv[k + 2:]
    inputs = argv[1:] or ['../shared/data/orangesum/stream_2020.jsonl.gz']
    os.makedirs(os.path.dirname(db) or '.', exist_ok=True)
    for suf in ('', '-wal', '-shm', '-journal'):
        if os.path.exists(db + suf): os.remove(db + suf)
    cmd = [os.environ.get('BUILD', 'build') + '/recoupe', '--quiet', 'add', '--db', db] + inputs
    if use_strace:
        cmd = ['strace', '-f', '-c', '-o', 'bench/out/add-io.strace'] + cmd
    t0 = time.time()
    p = subprocess.Popen(cmd)
    last = {}
    while p.poll() is None:
        try:
            with open(f'/proc/{p.pid}/io') as f:
                io = dict(l.split(': ') for l in f.read().split('\n') if l)
            last = {k: int(v) for k, v in io.items()}
        except OSError:
            pass
        time.sleep(0.05)
    wall = time.time() - t0
    size = os.path.getsize(db)
    print(f'add: exit {p.returncode}, wall {wall:.1f} s, store {size / 1e6:.1f} MB')
    if not use_strace:
        print(f"add: wchar {last.get('wchar', 0) / 1e6:.1f} MB, write_bytes {last.get('write_bytes', 0) / 1e6:.1f} MB "
              f"(last sample, up to 50 ms before exit)")
    else:
        for l in open('bench/out/add-io.strace'):
            if any(w in l for w in ('pwrite', ' write', 'fsync', 'fdatasync', 'calls')):
                print('  ' + l.rstrip())

if __name__ == '__main__':
    main(sys.argv)
