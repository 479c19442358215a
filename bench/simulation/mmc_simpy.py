"""The M/M/c reference model of the simulation.mmc-events benchmark, in SimPy 2 (Debian's
python3-simpy, module SimPy): Poisson arrivals, c servers first come first served, exponential
service. Prints one JSON line: cases, events (an arrival and a departure per case, counted as
procmap counts them), the seconds the run took inside Python, and the mean time in system.

    /usr/bin/python3 bench/simulation/mmc_simpy.py CASES SERVERS SERVICE_MINUTES ARRIVALS_PER_MINUTE SEED
"""
import json
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate


class Totals:
    count = 0
    time_in_system = 0.0


class Case(Process):
    def visit(self, server, service_minutes, totals):
        arrived = now()
        yield request, self, server
        yield hold, self, random.expovariate(1.0 / service_minutes)
        yield release, self, server
        totals.count += 1
        totals.time_in_system += now() - arrived


class Source(Process):
    def generate(self, cases, rate, server, service_minutes, totals):
        for _ in range(cases):
            case = Case()
            activate(case, case.visit(server, service_minutes, totals))
            yield hold, self, random.expovariate(rate)


def main():
    cases, servers = int(sys.argv[1]), int(sys.argv[2])
    service_minutes, rate, seed = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    random.seed(seed)
    totals = Totals()
    started = time.perf_counter()
    initialize()
    server = Resource(capacity=servers, monitored=False)
    source = Source()
    activate(source, source.generate(cases, rate, server, service_minutes, totals))
    simulate(until=1e18)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "cases": totals.count,
        "events": 2 * totals.count,
        "seconds": seconds,
        "meanTimeInSystem": totals.time_in_system / totals.count,
    }))


main()
