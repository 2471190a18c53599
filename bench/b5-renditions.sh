#!/usr/bin/env bash
# B5: the renditions of a 12-megapixel JPEG by media-service, side by side with vipsthumbnail
# (Debian libvips-tools) making the same sizes, in one run.
#
#   bench/b5-renditions.sh [--quick|--full]
#
# Starts its own local run (see bench/b1b-article-reads.sh; or uses BENCH_STACK_DATA's) and writes
# photo-like 4000x3000 JPEGs (bench/lib/BenchEvents.java jpegs: gradients, shapes, grain;
# quality 0.9), a different one for every upload, since media-service keeps one copy of
# identical bytes (one picture, each copy with a JPEG comment of its own). Per round, in turn:
#   - vips: vipsthumbnail makes media-service's full set from the round's photo, one command per
#     rendition as a shell script would: original (longest side 2560), w320, w640, w1024, w1600
#     (those widths), crop-1x1 1200x1200, crop-4x3 1200x900, crop-16x9 1200x675 (centre crops),
#     JPEG quality 85 (media-service's jpeg-quality 0.85);
#   - media-service: POST /api/media through the gateway with the local run's editor token (a
#     random X-Forwarded-For, as in the other benchmarks); the time until its answer, which comes
#     once every rendition is made and stored. media-service's heap in use is sampled every 0.1 s
#     from its /actuator/prometheus during the upload; the peak minus the value before is
#     reported as the upload's heap (an approximation: the GC may run between samples).
# One photo is uploaded and thumbnailed first as warm-up. Quick: 3 rounds; full: 10 rounds.
source "$(dirname "$0")/lib/common.sh"
need vipsthumbnail vipsheader curl java jq unzip
[ "$QUICK" = 1 ] || ROUNDS=${BENCH_ROUNDS:-10}
LOAD_NOTE="$ROUNDS rounds after one warm-up, vips and media-service in turn within each round; one upload at a time"
W=${B5_WIDTH:-4000}; H=${B5_HEIGHT:-3000}

stack_start
token=$(cat "$STACK_DATA/dev-issuer/editor.token")
G="http://127.0.0.1:$B_GATEWAY_PORT"
say "writing a photo of ${W}x${H}"
devstack_classpath
java -cp "$DEVSTACK_CP" "$BENCH_DIR/lib/BenchEvents.java" jpegs "$BENCH_TMP/photos" 1 "$W" "$H"
mv "$BENCH_TMP/photos/photo-1.jpg" "$BENCH_TMP/photos/base.jpg"
# a different file per upload: the same picture with a JPEG comment (COM segment) of its own
# right after the start of image, so that media-service does not find it already stored
for n in $(seq 1 $(( ROUNDS + 1 ))); do
  { printf '\xff\xd8\xff\xfe\x00\x12'; printf 'bench photo %04d' "$n"; tail -c +3 "$BENCH_TMP/photos/base.jpg"; } \
    > "$BENCH_TMP/photos/photo-$n.jpg"
done
vipsheader "$BENCH_TMP/photos/photo-1.jpg" > /dev/null || die "the photo with a comment is not a JPEG vips reads"

heap_used() {
  curl -sf "http://127.0.0.1:$B_MEDIA_MGMT_PORT/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/{s+=$NF} END{printf "%.0f", s}'
}
[ -n "$(heap_used)" ] && [ "$(heap_used)" != 0 ] || say "media-service's heap is not readable from /actuator/prometheus: no heap figure"

vips_set() {
  local in=$1 out=$2 w
  mkdir -p "$out"
  vipsthumbnail "$in" -s 2560x2560 -o "$out/original.jpg[Q=85]"
  for w in 320 640 1024 1600; do vipsthumbnail "$in" -s "${w}x" -o "$out/w$w.jpg[Q=85]"; done
  vipsthumbnail "$in" -s 1200x1200 -m centre -o "$out/crop-1x1.jpg[Q=85]"
  vipsthumbnail "$in" -s 1200x900 -m centre -o "$out/crop-4x3.jpg[Q=85]"
  vipsthumbnail "$in" -s 1200x675 -m centre -o "$out/crop-16x9.jpg[Q=85]"
}
upload() {
  local in=$1 n=$2 xff
  xff="10.$((RANDOM % 256)).$((RANDOM % 256)).$((RANDOM % 254 + 1))"
  curl -s -o "$BENCH_TMP/upload-$n.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" \
    -H "X-Forwarded-For: $xff" -F "file=@$in;type=image/jpeg" -F "caption=Ảnh đo hiệu năng $n" -F "alt=Ảnh $n" \
    "$G/api/media"
}
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

one_round() {
  local n=$1 label=$2 photo="$BENCH_TMP/photos/photo-$1.jpg" t0 vips_ms answer code secs before peak sampler
  t0=$(date +%s%N); vips_set "$photo" "$BENCH_TMP/vips-$n"; vips_ms=$(ms_since "$t0")
  before=$(heap_used); : > "$BENCH_TMP/heap-$n"
  ( while :; do heap_used >> "$BENCH_TMP/heap-$n"; echo >> "$BENCH_TMP/heap-$n"; sleep 0.1; done ) &
  sampler=$!
  answer=$(upload "$photo" "$n"); code=${answer%% *}; secs=${answer#* }
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  [ "$code" = 201 ] || [ "$code" = 200 ] || { cat "$BENCH_TMP/upload-$n.json" >&2; die "upload answered $code"; }
  peak=$(sort -n "$BENCH_TMP/heap-$n" | tail -1)
  local renditions
  renditions=$(jq -r '[.renditions[]?.name] | join(" ")' "$BENCH_TMP/upload-$n.json")
  if [ "$label" != warm-up ]; then
    printf 'b5\t%s\t%s\t%.0f\t%s\t%s\n' "$n" "$vips_ms" "$(awk -v s="$secs" 'BEGIN{print s*1000}')" \
      "$(( (${peak:-0} - ${before:-0}) / 1048576 ))" "$renditions" >> "$RESULTS"
  fi
  say "  $label: vips $vips_ms ms, media-service $(awk -v s="$secs" 'BEGIN{printf "%.0f", s*1000}') ms (answer $code; heap +$(( (${peak:-0} - ${before:-0}) / 1048576 )) MB; renditions: $renditions)"
}

size=$(wc -c < "$BENCH_TMP/photos/photo-1.jpg")
one_round 1 warm-up
for round in $(seq 1 "$ROUNDS"); do one_round $(( round + 1 )) "round $round"; done

col() { awk -F'\t' -v c="$1" '$1=="b5"{print $c}' "$RESULTS" | median; }
vips=$(col 3); media=$(col 4); heap=$(col 5)
heap_max=$(awk -F'\t' '$1=="b5"{print $5}' "$RESULTS" | sort -n | tail -1)
r=$(ratio "$media" "$vips")
record "B5: renditions of a 12-megapixel JPEG, media-service vs vipsthumbnail" "Photos of ${W}x${H} ($size bytes), a new copy per upload; $(vipsthumbnail --vips-version 2>/dev/null | head -1 || echo vips). Renditions media-service made: $(awk -F'\t' '$1=="b5"{print $6; exit}' "$RESULTS").

| target | median ms | per round ms |
|---|---:|---|
| vipsthumbnail, the same 8 sizes (8 commands, each decoding the file with shrink-on-load) | $vips | $(awk -F'\t' '$1=="b5"{printf "%s%s", (k++ ? " / " : ""), $3}' "$RESULTS") |
| media-service upload through the gateway, answered when all are stored | $media | $(awk -F'\t' '$1=="b5"{printf "%s%s", (k++ ? " / " : ""), $4}' "$RESULTS") |

| figure | value | target | |
|---|---:|---|---|
| media-service time / vips time | $r | at most 1 | $(awk -v r="$r" 'BEGIN{print (r != "n/a" && r <= 1) ? "met" : "not met"}') |
| heap in use during an upload above the value before (sampled every 0.1 s; median, largest $heap_max MB) | $heap MB | at most 256 MB | $(awk -v v="$heap_max" 'BEGIN{print v <= 256 ? "met" : "not met"}') |"
