# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by bench/service_cost.sh once its three phases have run: the medians, as one table of
# figure, peer, ratio, target and PASS/MISS, then start-up on its own.

med() { median <<<"$1"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }

# row LABEL OURS PEER PEER_NAME MAX_RATIO
row() {
    awk -v label="$1" -v ours="$2" -v peer="$3" -v name="$4" -v max="$5" 'BEGIN {
        if (peer > 0) {
            ratio = ours / peer
            verdict = ratio <= max ? "PASS" : sprintf("MISS by %.0f %%", 100 * (ratio / max - 1))
            printf "%-40s %10s %10s %-12s %7.2f   <= %-5s %s\n", label, ours, peer, name, ratio, max, verdict
        } else {
            printf "%-40s %10s %10s %-12s %7s   <= %-5s %s\n", label, ours, peer, name, "-", max, "no figure"
        }
    }'
}

rate="$(med "${deepRate[netmond]}")"
echo
printf "%-40s %10s %10s %-12s %7s   %-8s %s\n" "figure (medians of $rounds)" "netmond" "peer" "" "ratio" "target" "result"
row "idle-to-light CPU, % of a core" "$(med "${idleCpu[netmond]}")" "$(med "${idleCpu[vnstatd]}")" vnstatd 1
row "idle-to-light peak RSS, MiB" "$(mib "$(med "${idlePeak[netmond]}")")" \
    "$(mib "$(med "${idlePeak[vnstatd]}")")" vnstatd 2
row "deep, $rate pkt/s: user CPU, % of a core" "$(med "${deepUser[netmond]}")" \
    "$(med "${deepUser[tcpdump]}")" tcpdump 0.2
row "tc program, ns a packet (bpf_stats)" "$(med "${progNs[netmond]}")" "$(med "${progNs[min]}")" \
    "min. counter" 1.2
baseSender="$(med "${deepSender[baseline]}")"
row "sender's extra CPU, ns a packet" "$(minus "$(med "${deepSender[netmond]}")" "$baseSender")" \
    "$(minus "$(med "${deepSender[tcpdump]}")" "$baseSender")" tcpdump 1
echo
echo "besides:"
echo "  steady RSS at the end of the window: netmond $(mib "$(med "${idleRss[netmond]}")") MiB, vnstatd $(mib "$(med "${idleRss[vnstatd]}")") MiB"
echo "  packets/s: baseline $(med "${deepRate[baseline]}"), with netmond $rate, with tcpdump $(med "${deepRate[tcpdump]}"); sender $baseSender ns/packet alone"
echo "  all CPU (user + system) at that rate: netmond $(med "${deepCpu[netmond]}") %, tcpdump $(med "${deepCpu[tcpdump]}") % of a core"
echo "  tc program over the empty one ($(med "${progNs[empty]}") ns): netmond +$(minus "$(med "${progNs[netmond]}")" "$(med "${progNs[empty]}")") ns, minimal counter +$(minus "$(med "${progNs[min]}")" "$(med "${progNs[empty]}")") ns"
echo
echo "start-up (exec to first tick; not in the figures above):"
echo "  netmond: socket after $(med "${idleListen[netmond]}") ms, first tick after $(med "${idleFirst[netmond]}") ms, $(med "${idleStartCpu[netmond]}") ms of CPU"
echo "  vnstatd: monitoring after $(med "${idleFirst[vnstatd]}") ms, $(med "${idleStartCpu[vnstatd]}") ms of CPU"
