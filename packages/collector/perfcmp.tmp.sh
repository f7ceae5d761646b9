#!/bin/bash
# usage: perfcmp.tmp.sh mode -> prints samples per 1000 requests per dso and top symbols
mode=$1
out=$(PERF=1 DUR=5 node prof.tmp.mjs $mode 2>&1 | tail -1)
echo "$out"
rps=$(echo "$out" | awk '{print $3}')
reqs=$((rps*5))
perf report -i /tmp/perf.data --no-children --sort dso -g none -n --stdio 2>/dev/null | grep '%' | awk -v r=$reqs '{printf "%-22s %8.1f us/req\n", $3, $2*1000/r}' | head -8
perf report -i /tmp/perf.data --no-children --sort sym -g none -n --stdio 2>/dev/null | grep '%' | awk -v r=$reqs '{s=$2*1000/r; $1="";$2=""; printf "%6.2f %s\n", s, substr($0,1,110)}' | head -${TOP:-40} > /tmp/sym-$mode.txt
