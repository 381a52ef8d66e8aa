#!/usr/bin/awk -f
# Prints "layer total stall" for each row of a SCALE-Sim COMPUTE_REPORT.csv, finding the columns by name
# ("Total Cycles" and "Stall Cycles"; v3's "Total Cycles (incl. prefetch)" is a different column).
BEGIN { FS = "," }
NR == 1 {
  for (i = 1; i <= NF; i++) {
    name = $i
    gsub(/^[ \t]+|[ \t]+$/, "", name)
    if (name == "Total Cycles") total = i
    if (name == "Stall Cycles") stall = i
  }
  if (!total || !stall) { print "no Total Cycles / Stall Cycles columns in " FILENAME > "/dev/stderr"; exit 2 }
  next
}
NF > 1 {
  t = $total; s = $stall
  gsub(/[ \t]/, "", t); gsub(/[ \t]/, "", s)
  print NR - 1, t, s
}
