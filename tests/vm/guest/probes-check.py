#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# probes-check.py TRACE INTERRUPTS CHILD MODULE TAINT MSG CONSOLE_LEVEL:
# the irq, signal, workqueue, module, power, printk and x86 events of
# TRACE (tests/vm/guest/35-probes.sh) against what the test did and what
# the kernel says:
# - irq_handler_entry: each irq's name is one /proc/interrupts gives that
#   irq (INTERRUPTS, read after the session); every entry has its exit
#   next on that CPU (hard irq handlers do not nest), with the same irq;
# - irq_softirq_*: vec < NR_SOFTIRQS (10), each entry's exit on the CPU;
# - signal_generate of SIGUSR1 to CHILD (pid, comm "bash", sent by a
#   user: code SI_USER, errno 0, to the process: group 1, result
#   delivered), then signal_deliver
#   in CHILD with a handler (neither SIG_DFL nor SIG_IGN);
# - workqueue: work items executed, each end after a start of the same
#   item on that CPU, functions nonzero;
# - module_load and module_free of MODULE (if any), its taints as its
#   /sys taint letters say (none: 0; O: OOT_MODULE; E: UNSIGNED_MODULE);
# - printk_console with MSG (written at level 4) if CONSOLE_LEVEL > 4;
# - x86_irq_vectors_local_timer_entry/exit with the APIC timer's vector
#   (0xec), paired per CPU; page_fault_user with the user bit in its
#   error code, a nonzero address and ip;
# - power_cpu_idle: a CPU id the trace has, states as the kernel passes
#   them (an index, or PWR_EVENT_EXIT, 4294967295, on leaving).
# Events the guest cannot produce (cpu_frequency: no cpufreq) are only
# enabled, and said so.
# Prints what it checked; exits 1 with the reasons.
import collections
import sys

import bt2

NR_SOFTIRQS = 10
TAINT_BITS = {'P': 0, 'F': 1, 'S': 2, 'R': 3, 'M': 4, 'B': 5, 'U': 6,
              'D': 7, 'A': 8, 'W': 9, 'C': 10, 'I': 11, 'O': 12, 'E': 13,
              'L': 14, 'K': 15, 'X': 16, 'T': 17}
errors = []


def err(msg):
    if len(errors) < 20:
        errors.append(msg)


def main():
    trace, interrupts, child, mod, taint, text, console = sys.argv[1:8]
    child = int(child)
    names = collections.defaultdict(set)
    for line in open(interrupts):
        w = line.split()
        if w and w[0].rstrip(':').isdigit():
            irq = int(w[0].rstrip(':'))
            names[irq].update(line.split(None)[1:])
            names[irq].add(line.rstrip('\n').split('  ')[-1].strip())
    count = collections.Counter()
    open_irq, open_sirq, started = {}, {}, collections.defaultdict(set)
    gen = deliver = None
    loads, frees = [], []
    console_msgs, open_timer, cpus, idle_cpus = [], {}, set(), set()
    for msg in bt2.TraceCollectionMessageIterator(trace):
        if type(msg) is not bt2._EventMessageConst:
            continue
        ev = msg.event
        p = ev.payload_field
        cpu = int(ev.packet.context_field['cpu_id'])
        n = ev.name
        count[n] += 1
        cpus.add(cpu)
        if n == 'irq_handler_entry':
            irq, name = int(p['irq']), str(p['name'])
            if not any(name in x for x in names.get(irq, ())):
                err('irq %d named %r, /proc/interrupts says %s' %
                    (irq, name, sorted(names.get(irq, ()))[:4]))
            if cpu in open_irq:
                err('cpu %d: irq %d entered inside irq %d' % (cpu, irq, open_irq[cpu]))
            open_irq[cpu] = irq
        elif n == 'irq_handler_exit':
            irq = int(p['irq'])
            if open_irq.pop(cpu, irq) != irq:
                err('cpu %d: exit of irq %d, not the one entered' % (cpu, irq))
        elif n.startswith('irq_softirq_'):
            vec = int(p['vec'])
            if vec >= NR_SOFTIRQS:
                err('%s: vec %d' % (n, vec))
            if n == 'irq_softirq_entry':
                open_sirq[cpu] = vec
            elif n == 'irq_softirq_exit' and open_sirq.pop(cpu, vec) != vec:
                err('cpu %d: softirq exit %d, not the one entered' % (cpu, vec))
        elif n == 'signal_generate' and int(p['sig']) == 10 and int(p['pid']) == child:
            gen = {k: (str(p[k]) if k == 'comm' else int(p[k])) for k in p}
        elif n == 'signal_deliver' and int(p['sig']) == 10 and \
                int(ev.common_context_field['tid']) == child:
            deliver = {k: int(p[k]) for k in p}
        elif n == 'workqueue_execute_start':
            if not int(p['function']):
                err('workqueue_execute_start: function 0')
            started[cpu].add(int(p['work']))
        elif n == 'workqueue_execute_end':
            w = int(p['work'])
            if started[cpu] and w not in started[cpu]:
                err('cpu %d: work %#x ends, never started there' % (cpu, w))
            started[cpu].discard(w)
        elif n == 'module_load':
            loads.append((str(p['name']), int(p['taints'])))
        elif n == 'module_free':
            frees.append(str(p['name']))
        elif n == 'printk_console':
            f = p['msg']
            # Text sequences read as strings in babeltrace2.
            console_msgs.append(str(f) if isinstance(f, bt2._StringFieldConst) else
                                bytes(int(c) & 0xff for c in f).decode('utf-8', 'replace'))
        elif n in ('x86_irq_vectors_local_timer_entry',
                   'x86_irq_vectors_local_timer_exit'):
            if int(p['vector']) != 0xec:
                err('%s: vector %#x, not the APIC timer' % (n, int(p['vector'])))
            if n.endswith('entry'):
                open_timer[cpu] = True
            elif not open_timer.pop(cpu, True):
                err('cpu %d: local timer exit without entry' % cpu)
        elif n == 'x86_exceptions_page_fault_user':
            if not int(p['error_code']) & 4 or not int(p['address']) or not int(p['ip']):
                err('page_fault_user %s: want the user bit, an address, an ip' %
                    {k: int(p[k]) for k in p})
        elif n == 'power_cpu_idle':
            idle_cpus.add(int(p['cpu_id']))
    if idle_cpus - cpus:
        err('power_cpu_idle for cpus %s the trace has no packet of' % sorted(idle_cpus - cpus))
    if int(console) > 4:
        if not any(text in m for m in console_msgs):
            err('no printk_console with %r (%d console messages)' % (text, len(console_msgs)))
    else:
        print('note: console level %s: printk_console only enabled' % console)
    print('note: power_cpu_frequency only enabled (no cpufreq in the guest)')
    for need in ('irq_handler_entry', 'irq_handler_exit', 'irq_softirq_entry',
                 'irq_softirq_exit', 'irq_softirq_raise', 'workqueue_queue_work',
                 'workqueue_execute_start', 'workqueue_execute_end',
                 'x86_irq_vectors_local_timer_entry', 'x86_irq_vectors_local_timer_exit',
                 'x86_exceptions_page_fault_user', 'power_cpu_idle'):
        if not count[need]:
            err('no %s event' % need)
    if gen is None:
        err('no signal_generate of SIGUSR1 to %d' % child)
    else:
        want = {'sig': 10, 'errno': 0, 'code': 0, 'comm': 'bash', 'pid': child,
                'group': 1, 'result': 0}
        if gen != want:
            err('signal_generate %s, want %s' % (gen, want))
    if deliver is None:
        err('no signal_deliver of SIGUSR1')
    elif deliver['code'] != 0 or deliver['errno'] != 0 or deliver['sa_handler'] in (0, 1):
        err('signal_deliver %s: want code SI_USER, errno 0, a handler' % deliver)
    if mod:
        want_taints = sum(1 << TAINT_BITS[c] for c in taint.strip() if c in TAINT_BITS)
        got = [t for m, t in loads if m == mod]
        if got != [want_taints]:
            err('module_load of %s: %s, want taints %d once' % (mod, got, want_taints))
        if frees.count(mod) != 1:
            err('module_free of %s: %d events' % (mod, frees.count(mod)))
    else:
        print('note: module_load/module_free only enabled (no test module here)')
    print('events: ' + ', '.join('%s %d' % kv for kv in sorted(count.items())))
    if errors:
        for e in errors:
            print('FAIL: ' + e)
        return 1
    print('probes-check: irq names as /proc/interrupts, entries and exits paired, '
          'SIGUSR1 generated and delivered to %d, module %s loaded and freed' %
          (child, mod or '(none)'))
    return 0


sys.exit(main())
