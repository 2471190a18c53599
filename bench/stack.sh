#!/usr/bin/env bash
# The local run on the benchmarks' ports, kept up until Ctrl-C (or TERM), for running single
# benchmarks against it without waiting for a start each time:
#
#   bench/stack.sh &                       # prints the BENCH_STACK_DATA line when up
#   BENCH_STACK_DATA=<that folder> bench/b2-votes.sh --quick
#
# Same settings as the benchmarks' own starts (bench/lib/common.sh): gateway 18080, services
# 18081-18083, portal 18084, their actuators 18180-18184, Kafka 19092/19093, MongoDB-wire 37017, data in a temporary folder
# (deleted on stop), GATEWAY_TRUSTED_PROXIES=127.0.0.1, everything on 127.0.0.1.
source "$(dirname "$0")/lib/common.sh"
unset BENCH_STACK_DATA
stack_start
echo "BENCH_STACK_DATA=$STACK_DATA"
while kill -0 "$STACK_PID" 2>/dev/null; do sleep 1; done
